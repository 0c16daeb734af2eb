//! Benchmarks story grouping on generated articles: `story_features` on one ~2 KB article,
//! and `cluster_stories` on 10,000 articles (1,000 stories in 250 topics of four same-kind
//! events, Zipf-distributed common words around them).
//!
//! Run: `cargo bench -p storyline_cluster --bench cluster`.

mod generated;

use criterion::{criterion_group, criterion_main, Criterion};
use generated::corpus;
use storyline_cluster::{cluster_stories, story_features, ClusterConfig, StoryFeatures};

fn bench(c: &mut Criterion) {
    let config = ClusterConfig::default();
    let texts = corpus(10_000);
    c.bench_function("story_features/2KB article", |b| {
        let text = &texts[0];
        b.iter(|| story_features(None, text, None, &config));
    });
    let features: Vec<StoryFeatures> = texts
        .iter()
        .map(|text| story_features(None, text, None, &config))
        .collect();
    let mut group = c.benchmark_group("cluster_stories");
    group.sample_size(10);
    group.bench_function("10k docs", |b| {
        b.iter(|| cluster_stories(&features, &[], &config))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
