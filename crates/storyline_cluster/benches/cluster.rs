//! Benchmarks story grouping on generated articles: `story_features` on one ~2 KB article,
//! and `cluster_stories` on 10,000 articles (1,000 stories in 250 topics of four same-kind
//! events, Zipf-distributed common words around them).
//!
//! Run: `cargo bench -p storyline_cluster --bench cluster`.

use criterion::{criterion_group, criterion_main, Criterion};
use storyline_cluster::{cluster_stories, story_features, ClusterConfig, StoryFeatures};

/// Small deterministic generator (xorshift64*), so every run sees the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// Roughly Zipf-distributed rank in 0..n: small ranks are much more common.
    fn zipf(&mut self, n: u64) -> u64 {
        let uniform = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(uniform) as u64)
            .saturating_sub(1)
            .min(n - 1)
    }
}

/// One article of `story`: common words, its topic's words, its own names and numbers.
fn article(rng: &mut Rng, story: u64, n_words: usize) -> String {
    let topic = story / 4;
    let mut text = String::with_capacity(n_words * 7);
    for position in 0..n_words {
        let roll = rng.below(100);
        let word = if roll < 70 {
            format!("word{}", rng.zipf(20_000))
        } else if roll < 82 {
            format!("topic{topic}x{}", rng.below(12))
        } else if roll < 94 {
            format!("Name{story}q{}", rng.below(10))
        } else {
            format!("{}", 1900 + story * 7 % 1000 + rng.below(3))
        };
        text.push_str(&word);
        text.push(if position % 15 == 14 { '.' } else { ' ' });
        text.push(' ');
    }
    text
}

fn corpus(n_docs: u64) -> Vec<String> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    (0..n_docs)
        .map(|doc| article(&mut rng, doc % (n_docs / 10).max(1), 230))
        .collect()
}

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
