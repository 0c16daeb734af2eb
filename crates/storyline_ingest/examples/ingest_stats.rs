//! Reads the given inputs with storyline_ingest and prints what came out: article count,
//! diagnostics by code, the reader's counters and the time taken.
//!
//! `cargo run --release -p storyline_ingest --example ingest_stats -- PATH...`

#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use storyline_ingest::{read_inputs, IngestConfig, RawBody, Record};

fn main() {
    let inputs: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let started = Instant::now();
    let mut reader = read_inputs(&inputs, &IngestConfig::default());
    let mut n_articles = 0u64;
    let mut body_bytes = 0u64;
    let mut codes: BTreeMap<String, (u64, String)> = BTreeMap::new();
    for record in reader.by_ref() {
        match record {
            Record::Article(article) => {
                n_articles += 1;
                body_bytes += match &article.body {
                    RawBody::Text(text) => text.len() as u64,
                    RawBody::Html { bytes, .. } => bytes.len() as u64,
                };
            }
            Record::Diagnostic(diagnostic) => {
                let entry = codes
                    .entry(diagnostic.code.clone())
                    .or_insert((0, diagnostic.to_string()));
                entry.0 += 1;
            }
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    println!("articles: {n_articles} ({body_bytes} body bytes) in {seconds:.3} s");
    println!(
        "  {:.0} articles/s, {:.1} MB/s of bodies",
        n_articles as f64 / seconds.max(1e-9),
        body_bytes as f64 / 1e6 / seconds.max(1e-9)
    );
    for (code, (count, example)) in &codes {
        println!("  {code}: {count}  e.g. {example}");
    }
    println!("{:?}", reader.stats());
}
