//! Measures digest throughput on the ECB+ dev articles: stories grouped by gold label, and
//! every article as its own story (the common case of a crawl: most stories are singletons).
//! Figures are CPU time of this thread, so they hold on a shared machine; the "baseline
//! pass" (split on whitespace and lower-case every word once) calibrates them against the
//! machine's speed.
//!
//! Run: `cargo run --release -p storyline_digest --example digest_speed [ROUNDS] [grouped]`.

// A measuring tool prints its figures.
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::path::Path;

use storyline_core::{DocIdx, StoryId};
use storyline_digest::{build_digest, DigestConfig, StoryArticle};

fn main() -> anyhow::Result<()> {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(20);
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ecbplus-dev/docs.jsonl");
    let data = std::fs::read_to_string(&path)?;
    let docs: Vec<(String, String, String)> = data
        .lines()
        .filter_map(|line| {
            let record: serde_json::Value = serde_json::from_str(line).ok()?;
            Some((
                record["id"].as_str()?.to_owned(),
                record["story"].as_str()?.to_owned(),
                record["text"].as_str()?.to_owned(),
            ))
        })
        .collect();
    let articles: Vec<StoryArticle<'_>> = docs
        .iter()
        .enumerate()
        .map(|(i, (id, _, text))| StoryArticle {
            idx: DocIdx(i as u32),
            id,
            title: None,
            date: Some("2024-06-18"),
            source: None,
            url: Some("https://news.example.com/a/b"),
            text,
        })
        .collect();
    let mut by_story: BTreeMap<&str, Vec<StoryArticle<'_>>> = BTreeMap::new();
    for (article, (_, story, _)) in articles.iter().zip(&docs) {
        by_story.entry(story).or_default().push(*article);
    }
    let config = DigestConfig::default();
    let bytes: usize = docs.iter().map(|d| d.2.len()).sum();

    // Calibration: one plain pass over the texts (split on whitespace, lower-case each word).
    let start = storyline_bench::cpu::CpuStopwatch::thread();
    let mut n_words = 0;
    for _ in 0..rounds {
        for (_, _, text) in &docs {
            n_words += text
                .split_whitespace()
                .map(|w| w.to_lowercase().len())
                .filter(|&n| n > 3)
                .count();
        }
    }
    let baseline = start.elapsed().as_secs_f64() / (rounds * docs.len()) as f64;
    let start = storyline_bench::cpu::CpuStopwatch::thread();
    let mut n_summary = 0;
    for _ in 0..rounds {
        for (number, story) in by_story.values().enumerate() {
            n_summary += build_digest(StoryId(number as u32), story, &[], &config)
                .summary
                .len();
        }
    }
    let grouped = start.elapsed().as_secs_f64() / (rounds * docs.len()) as f64;

    let start = storyline_bench::cpu::CpuStopwatch::thread();
    let only_grouped = std::env::args().nth(2).is_some_and(|a| a == "grouped");
    for _ in 0..if only_grouped { 0 } else { rounds } {
        for (number, article) in articles.iter().enumerate() {
            n_summary += build_digest(
                StoryId(number as u32),
                std::slice::from_ref(article),
                &[],
                &config,
            )
            .summary
            .len();
        }
    }
    let single = start.elapsed().as_secs_f64() / (rounds * docs.len()) as f64;
    println!(
        "{} articles ({} stories, mean {} bytes), {rounds} rounds, CPU time: grouped {:.1} µs/article ({:.0} articles/s), singletons {:.1} µs/article ({:.0} articles/s); baseline pass {:.1} µs/article [{n_summary} {n_words}]",
        docs.len(),
        by_story.len(),
        bytes / docs.len().max(1),
        grouped * 1e6,
        1.0 / grouped,
        single * 1e6,
        1.0 / single,
        baseline * 1e6
    );
    Ok(())
}
