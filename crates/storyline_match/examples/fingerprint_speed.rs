//! Measures `fingerprint` CPU time per article on the `text` fields of a JSONL file (e.g. the
//! `articles.jsonl` of a `storyline run`, whose texts are cleaned as the pipeline's are).
//! Figures are CPU time of this thread (`storyline_bench::cpu`), so they hold on a shared,
//! loaded machine. The last figure is a checksum of every encoded fingerprint, to
//! see that a speed-up changed nothing.
//!
//! Run: `cargo run --release -p storyline_match --example fingerprint_speed -- FILE [LIMIT] [ROUNDS]`
//! (defaults: the first 10,000 texts, 3 rounds). CPU time is noisy on a shared machine: for
//! noise-free instruction and mispredict counts, run the built example under
//! `valgrind --tool=callgrind --branch-sim=yes … FILE 1000 1` and read the inclusive cost of
//! `storyline_match::fingerprint` (`callgrind_annotate --inclusive=yes`), which leaves out
//! the JSON reading.

// A measuring tool prints its figures.
#![allow(clippy::print_stdout)]

use std::hash::Hasher;
use std::io::BufRead;

use storyline_match::{fingerprint, MatchConfig};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: fingerprint_speed FILE [LIMIT] [ROUNDS]")?;
    let limit: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(3);
    let mut texts = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(&path)?).lines() {
        if texts.len() == limit {
            break;
        }
        let record: serde_json::Value = serde_json::from_str(&line?)?;
        if let Some(text) = record.get("text").and_then(|text| text.as_str()) {
            texts.push(text.to_owned());
        }
    }
    let config = MatchConfig::default();
    let mut best = u128::MAX;
    let mut checksum = std::collections::hash_map::DefaultHasher::new();
    let mut encoded = Vec::new();
    for round in 0..rounds {
        let start = storyline_bench::cpu::CpuStopwatch::thread();
        for text in &texts {
            let fingerprint = fingerprint(text, &config);
            if round == 0 {
                encoded.clear();
                fingerprint.encode(&mut encoded);
                checksum.write(&encoded);
            }
            std::hint::black_box(fingerprint);
        }
        best = best.min(start.elapsed().as_nanos());
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "{} texts, {:.0} bytes each: {:.2} µs CPU per article (best of {rounds}), checksum {:016x}",
        texts.len(),
        bytes as f64 / texts.len().max(1) as f64,
        best as f64 / 1000.0 / texts.len().max(1) as f64,
        checksum.finish()
    );
    Ok(())
}
