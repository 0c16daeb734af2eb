//! Dev tool: story grouping on N generated articles (default 100,000), to check that cost
//! and memory grow linearly. Articles are generated and reduced to features one at a time,
//! so only the features are held, as in the pipeline.
//!
//! Usage: `cargo run --release -p storyline_cluster --example scale -- [N] [index_terms=K]
//! [max_posting_len=L] [max_candidates=C]`.
#![allow(clippy::print_stdout)]

#[path = "../benches/generated/mod.rs"]
mod generated;

use std::time::Instant;

use storyline_cluster::{cluster_stories, story_features, ClusterConfig, StoryFeatures};

/// A line of /proc/self/status in kB (e.g. "VmHWM", peak resident memory).
fn status_kb(key: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|line| line.starts_with(key))
        .and_then(|line| line.split_whitespace().nth(1))
        .and_then(|value| value.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let n_docs: u64 = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(100_000);
    let mut config = ClusterConfig::default();
    // Optional overrides of the candidate-search budget: key=value after N.
    for arg in std::env::args().skip(2) {
        let Some((key, value)) = arg.split_once('=') else {
            continue;
        };
        let Ok(value) = value.parse::<usize>() else {
            continue;
        };
        match key {
            "index_terms" => config.index_terms = value,
            "max_posting_len" => config.max_posting_len = value,
            "max_candidates" => config.max_candidates = value,
            _ => println!("ignoring unknown setting {key}"),
        }
    }
    let mut rng = generated::Rng(0x9e37_79b9_7f4a_7c15);
    let n_stories = (n_docs / 10).max(1);

    let (wall, cpu) = (
        Instant::now(),
        storyline_bench::cpu::CpuStopwatch::process(),
    );
    let mut n_bytes = 0;
    let features: Vec<StoryFeatures> = (0..n_docs)
        .map(|doc| {
            let text = generated::article(&mut rng, doc % n_stories, 230);
            n_bytes += text.len();
            story_features(None, &text, None, &config)
        })
        .collect();
    let feature_bytes: usize = features
        .iter()
        .map(|f| std::mem::size_of::<StoryFeatures>() + f.heap_bytes())
        .sum();
    println!(
        "{n_docs} docs ({} B mean): generate + features {:.2} s wall, {:.2} s CPU; features {} B/doc",
        n_bytes / n_docs as usize,
        wall.elapsed().as_secs_f64(),
        cpu.elapsed().as_secs_f64(),
        feature_bytes / n_docs as usize
    );
    let rss_before = status_kb("VmRSS");
    let (wall, cpu) = (
        Instant::now(),
        storyline_bench::cpu::CpuStopwatch::process(),
    );
    let stories = cluster_stories(&features, &[], &config);
    let n_found = stories
        .iter()
        .map(|story| story.0)
        .max()
        .map_or(0, |max| max + 1);
    println!(
        "cluster_stories: {:.2} s wall, {:.2} s CPU, {n_found} stories ({n_stories} generated); \
         RSS before {} MB, peak {} MB",
        wall.elapsed().as_secs_f64(),
        cpu.elapsed().as_secs_f64(),
        rss_before / 1024,
        status_kb("VmHWM") / 1024
    );
    let (wall, cpu) = (
        Instant::now(),
        storyline_bench::cpu::CpuStopwatch::process(),
    );
    let n_edges = storyline_cluster::similarity_graph(&features, &config).len();
    println!(
        "similarity_graph alone (after): {:.2} s wall, {:.2} s CPU, {n_edges} edges",
        wall.elapsed().as_secs_f64(),
        cpu.elapsed().as_secs_f64()
    );
}
