//! Benchmark of cleaning: `clean` on generated ~2 KB articles, and the model builder's
//! `observe` pass over the same articles.
//!
//! Run with `cargo bench -p storyline_clean --bench clean`; the figure to report is the time
//! per article of `clean/article_2kb`.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use storyline_clean::{clean, BoilerplateModelBuilder, CleanConfig};

/// A deterministic ~2 KB news-like article with a headline, nine paragraphs, an ad marker, a
/// share prompt and a teaser list, in the shape crawled articles have.
fn article(index: usize) -> String {
    let towns = ["Northport", "Eastfield", "Westbury", "Southam", "Kingsford"];
    let town = towns[index % towns.len()];
    let mut text =
        format!("{town} Council Approves New Harbour Plan After Long Debate {index}\n\n");
    for paragraph in 0..9 {
        text.push_str(&format!(
            "Councillors in {town} voted {paragraph} times on Monday to approve the harbour plan, \
             which the port authority said would protect the fishing fleet from winter storms; \
             the “final” cost is {} million pounds, officials said.\n\n",
            index % 7 + paragraph
        ));
        if paragraph == 4 {
            text.push_str("Advertisement\n\n");
        }
    }
    text.push_str("Join our WhatsApp group for daily updates\n\n");
    text.push_str(
        "Mayor Promises New Parks Across The City\n\nLocal Team Wins Regional Cup Final\n",
    );
    text
}

fn bench_clean(criterion: &mut Criterion) {
    let config = CleanConfig::default();
    let articles: Vec<String> = (0..200).map(article).collect();
    let mut builder = BoilerplateModelBuilder::new(&config);
    for (index, text) in articles.iter().enumerate() {
        builder.observe(Some(["a.example", "b.example"][index % 2]), text);
    }
    let model = builder.build();
    let mean_bytes = articles.iter().map(String::len).sum::<usize>() / articles.len();

    let mut group = criterion.benchmark_group("clean");
    group.throughput(Throughput::Bytes(mean_bytes as u64));
    let mut index = 0;
    group.bench_function("article_2kb", |bencher| {
        bencher.iter(|| {
            index = (index + 1) % articles.len();
            black_box(clean(
                black_box(&articles[index]),
                None,
                Some("a.example"),
                &model,
                &config,
            ))
        })
    });
    group.bench_function("observe_2kb", |bencher| {
        let mut builder = BoilerplateModelBuilder::new(&config);
        bencher.iter(|| {
            index = (index + 1) % articles.len();
            builder.observe(Some("a.example"), black_box(&articles[index]));
        })
    });
    group.finish();
}

criterion_group!(benches, bench_clean);
criterion_main!(benches);
