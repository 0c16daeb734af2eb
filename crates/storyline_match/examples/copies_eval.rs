//! Copy detection on the shared development data, for eyeballing and tuning.
//!
//! Reads the seeds (`shared/seeds/*.txt`), the ECB+ articles (`shared/data/ecbplus-dev`,
//! many outlets reporting the same events) and the WCXB main texts (711 unrelated pages),
//! runs `fingerprint` + `find_copies` on each set, and prints every edge with its evidence,
//! fingerprint sizes and timings. Run with
//! `cargo run --release -p storyline_match --example copies_eval [-- SHARED_DIR]`.
#![allow(clippy::print_stdout)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use storyline_match::{find_copies, fingerprint, DocFacts, Fingerprint, MatchConfig};

fn main() {
    let shared = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let mut seeds: Vec<(String, String)> = std::fs::read_dir(shared.join("seeds"))
        .map(|dir| {
            dir.filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .filter_map(|path| {
                    Some((
                        path.file_stem()?.to_string_lossy().into_owned(),
                        std::fs::read_to_string(&path).ok()?,
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    seeds.sort();
    report("seeds", &seeds);
    report(
        "ecbplus-dev",
        &read_jsonl(&shared.join("data/ecbplus-dev/docs.jsonl"), "text"),
    );
    report(
        "wcxb-dev",
        &read_jsonl(
            &shared.join("data/wcxb-dev-articles/ground-truth.jsonl"),
            "main_content",
        ),
    );
}

fn read_jsonl(path: &Path, text_field: &str) -> Vec<(String, String)> {
    let Ok(content) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    content
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .map(|record| {
            let id = record["id"].as_str().unwrap_or_default().to_string();
            let story = record["story"]
                .as_str()
                .map(|story| format!(" [{story}]"))
                .unwrap_or_default();
            (
                format!("{id}{story}"),
                record[text_field].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn report(name: &str, docs: &[(String, String)]) {
    if docs.is_empty() {
        println!("== {name}: no data");
        return;
    }
    let config = MatchConfig::default();
    let started = Instant::now();
    let cpu_started = storyline_bench::cpu::CpuStopwatch::thread();
    let fingerprints: Vec<Fingerprint> = docs
        .iter()
        .map(|(_, text)| fingerprint(text, &config))
        .collect();
    let fingerprint_cpu = cpu_started.elapsed().as_nanos() as u64;
    let fingerprint_time = started.elapsed();
    let started = Instant::now();
    let edges = find_copies(
        &fingerprints,
        &vec![DocFacts::default(); docs.len()],
        &config,
    );
    let match_time = started.elapsed();
    let bytes: usize = fingerprints.iter().map(Fingerprint::size_bytes).sum();
    let text_bytes: usize = docs.iter().map(|(_, text)| text.len()).sum();
    println!(
        "== {name}: {} docs, {} text bytes; fingerprints {:.1} µs/doc wall, {:.1} µs/doc on-CPU, {} bytes/doc avg; find_copies {:.2} ms; {} edges",
        docs.len(),
        text_bytes,
        fingerprint_time.as_secs_f64() * 1e6 / docs.len() as f64,
        fingerprint_cpu as f64 / 1e3 / docs.len() as f64,
        bytes / docs.len(),
        match_time.as_secs_f64() * 1e3,
        edges.len()
    );
    for edge in &edges {
        let measures: Vec<String> = edge
            .evidence
            .measures
            .iter()
            .map(|(key, value)| format!("{key}={value}"))
            .collect();
        println!(
            "  {} -> {} {} sim={:.3} {}\n      {}",
            docs[edge.copy.index()].0,
            docs[edge.original.index()].0,
            edge.kind.as_str(),
            edge.similarity,
            measures.join(" "),
            edge.evidence.origin.join(" | ")
        );
    }
}
