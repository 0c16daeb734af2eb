//! Benchmarks of copy detection: `fingerprint` on a ~2 KB article, and `find_copies` on
//! generated corpora of 10k and 100k articles with a few planted copies.
//!
//! Articles are generated (English-like word soup with stopwords, names, numbers, quotes and
//! sentence stops), so the benches need no data files. Run with
//! `cargo bench -p storyline_match --bench match`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use storyline_match::{find_copies, fingerprint, DocFacts, Fingerprint, MatchConfig};

/// SplitMix64: a deterministic generator, so every run benches the same corpus.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut x = self.0;
        x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((x ^ (x >> 31)) % n as u64) as usize
    }
}

const STOPWORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "that", "for", "on", "was", "with", "said", "by", "at",
    "his",
];

/// An article of about `n_bytes` bytes: sentences of 12–25 words, a third of them
/// stopwords, the rest Zipf-distributed, some capitalised names, numbers and quotes.
fn article(random: &mut Random, vocabulary: &[String], n_bytes: usize) -> String {
    let mut text = String::with_capacity(n_bytes + 200);
    while text.len() < n_bytes {
        let n_words = 12 + random.below(14);
        for at in 0..n_words {
            let word = match random.below(12) {
                0..=3 => STOPWORDS[random.below(STOPWORDS.len())].to_string(),
                4 => format!("{}", random.below(5000)),
                5 => {
                    let word = &vocabulary[random.below(vocabulary.len())];
                    let mut name = word[..1].to_uppercase();
                    name.push_str(&word[1..]);
                    name
                }
                6 if at + 2 < n_words => format!("“{}", vocabulary[random.below(vocabulary.len())]),
                7 => format!("{}”", vocabulary[random.below(vocabulary.len())]),
                _ => vocabulary[zipf_rank(random, vocabulary.len())].clone(),
            };
            text.push_str(&word);
            text.push(' ');
        }
        text.pop();
        text.push_str(". ");
    }
    text
}

/// A word rank with probability falling like 1/rank (log-uniform), as word frequencies do,
/// so unrelated articles share common words the way real ones do.
fn zipf_rank(random: &mut Random, n_words: usize) -> usize {
    let uniform = random.below(1 << 20) as f64 / f64::from(1u32 << 20);
    ((n_words as f64).powf(uniform) as usize).min(n_words - 1)
}

fn vocabulary(random: &mut Random, n_words: usize) -> Vec<String> {
    (0..n_words)
        .map(|_| {
            let len = 3 + random.below(8);
            (0..len)
                .map(|_| char::from(b'a' + random.below(26) as u8))
                .collect()
        })
        .collect()
}

fn bench_fingerprint(c: &mut Criterion) {
    let mut random = Random(1);
    let vocabulary = vocabulary(&mut random, 20_000);
    let text = article(&mut random, &vocabulary, 2048);
    let config = MatchConfig::default();
    c.bench_function("fingerprint 2KB article", |b| {
        b.iter(|| fingerprint(black_box(&text), &config))
    });
}

/// Fingerprints of `n_docs` generated articles (1–3 KB) with 1% planted exact copies.
fn corpus(n_docs: usize) -> Vec<Fingerprint> {
    let mut random = Random(2);
    let vocabulary = vocabulary(&mut random, 50_000);
    let config = MatchConfig::default();
    let mut texts: Vec<String> = Vec::with_capacity(n_docs);
    for doc in 0..n_docs {
        if doc % 100 == 99 {
            let source = random.below(doc);
            texts.push(texts[source].clone());
        } else {
            let n_bytes = 1000 + random.below(2000);
            texts.push(article(&mut random, &vocabulary, n_bytes));
        }
    }
    texts
        .iter()
        .map(|text| fingerprint(text, &config))
        .collect()
}

fn bench_find_copies(c: &mut Criterion) {
    let config = MatchConfig::default();
    let mut group = c.benchmark_group("find_copies");
    group.sample_size(10);
    for n_docs in [10_000, 100_000] {
        let fingerprints = corpus(n_docs);
        let facts = vec![DocFacts::default(); n_docs];
        group.bench_function(format!("{n_docs} docs"), |b| {
            b.iter_batched(
                || (),
                |()| find_copies(black_box(&fingerprints), &facts, &config),
                BatchSize::SmallInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, bench_fingerprint, bench_find_copies);
criterion_main!(benches);
