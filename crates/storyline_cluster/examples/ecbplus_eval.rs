//! Dev tool: scores story grouping on ECB+ (docs.jsonl with gold `story`) and sweeps the
//! main threshold.
//!
//! Usage: `cargo run --release -p storyline_cluster --example ecbplus_eval -- [DOCS.jsonl]
//! [key=value ...] [--sweep] [--errors]`. Keys are `ClusterConfig` fields (e.g.
//! `link_threshold=0.15`). Without a path it reads the shared dev set.
#![allow(clippy::print_stdout)]

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use storyline_cluster::{cluster_stories, eval, story_features, ClusterConfig};

struct Doc {
    id: String,
    text: String,
    title: Option<String>,
    story: String,
}

fn main() -> Result<()> {
    let mut path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/ecbplus-dev/docs.jsonl");
    let mut config = ClusterConfig::default();
    let (mut sweep, mut errors, mut dump, mut timing) = (false, false, false, false);
    for arg in std::env::args().skip(1) {
        if arg == "--sweep" {
            sweep = true;
        } else if arg == "--timing" {
            timing = true;
        } else if arg == "--dump" {
            dump = true;
        } else if arg == "--errors" {
            errors = true;
        } else if let Some((key, value)) = arg.split_once('=') {
            set(&mut config, key, value)?;
        } else {
            path = PathBuf::from(arg);
        }
    }
    let docs = read_docs(&path)?;
    let mut gold_ids: Vec<String> = docs.iter().map(|doc| doc.story.clone()).collect();
    gold_ids.sort();
    gold_ids.dedup();
    let gold: Vec<u32> = docs
        .iter()
        .map(|doc| gold_ids.binary_search(&doc.story).unwrap_or(0) as u32)
        .collect();

    let started = Instant::now();
    let features: Vec<_> = docs
        .iter()
        .map(|doc| story_features(doc.title.as_deref(), &doc.text, None, &config))
        .collect();
    let feature_time = started.elapsed();
    let started = Instant::now();
    let predicted: Vec<u32> = cluster_stories(&features, &[], &config)
        .iter()
        .map(|s| s.0)
        .collect();
    let cluster_time = started.elapsed();
    let scores = eval::score(&predicted, &gold);
    println!(
        "{} docs, {} gold stories | features {:.1} ms, clustering {:.1} ms",
        docs.len(),
        gold_ids.len(),
        feature_time.as_secs_f64() * 1e3,
        cluster_time.as_secs_f64() * 1e3
    );
    print_scores(config.link_threshold, &scores);
    if timing {
        print_timing(&docs, &config);
    }
    if dump {
        for (a, b, similarity) in storyline_cluster::similarity_graph(&features, &config) {
            println!(
                "edge\t{}\t{}\t{similarity}",
                docs[a.index()].id,
                docs[b.index()].id
            );
        }
    }
    if errors {
        print_errors(&docs, &predicted, &gold_ids, &gold);
    }
    if sweep {
        println!("\nlink_threshold sweep (other settings as above):");
        for step in 0..=12 {
            let threshold = config.link_threshold * (0.5 + step as f32 / 12.0);
            let swept = ClusterConfig {
                link_threshold: threshold,
                ..config.clone()
            };
            let predicted: Vec<u32> = cluster_stories(&features, &[], &swept)
                .iter()
                .map(|s| s.0)
                .collect();
            print_scores(threshold, &eval::score(&predicted, &gold));
        }
    }
    Ok(())
}

fn print_scores(threshold: f32, scores: &eval::Scores) {
    println!(
        "threshold {threshold:.4}  ARI {:.4}  B3 P/R/F {:.3}/{:.3}/{:.3}  pair P/R/F {:.3}/{:.3}/{:.3}  stories {}",
        scores.ari,
        scores.bcubed_precision,
        scores.bcubed_recall,
        scores.bcubed_f1,
        scores.pairwise_precision,
        scores.pairwise_recall,
        scores.pairwise_f1,
        scores.n_predicted
    );
}

/// For each predicted story, lists the gold stories it mixes (to see what gets confused).
fn print_errors(docs: &[Doc], predicted: &[u32], gold_ids: &[String], gold: &[u32]) {
    let n_stories = predicted.iter().max().map_or(0, |&max| max as usize + 1);
    for story in 0..n_stories as u32 {
        let mut members: Vec<usize> = (0..docs.len()).filter(|&i| predicted[i] == story).collect();
        members.sort_by_key(|&i| gold[i]);
        let mut labels: Vec<&str> = members
            .iter()
            .map(|&i| gold_ids[gold[i] as usize].as_str())
            .collect();
        labels.dedup();
        if labels.len() > 1 {
            let ids: Vec<&str> = members.iter().map(|&i| docs[i].id.as_str()).collect();
            println!("mixed story {story}: {labels:?} ← {ids:?}");
        }
    }
    for (index, name) in gold_ids.iter().enumerate() {
        let mut parts: Vec<u32> = (0..docs.len())
            .filter(|&i| gold[i] == index as u32)
            .map(|i| predicted[i])
            .collect();
        parts.sort_unstable();
        parts.dedup();
        if parts.len() > 1 {
            println!("split gold {name}: into {} stories {parts:?}", parts.len());
        }
    }
}

/// Repeats feature extraction and clustering to measure CPU time per article.
fn print_timing(docs: &[Doc], config: &ClusterConfig) {
    let rounds = 30;
    let n_bytes: usize = docs.iter().map(|doc| doc.text.len()).sum();
    let cpu = storyline_bench::cpu::CpuStopwatch::thread();
    let mut n_terms = 0;
    for _ in 0..rounds {
        for doc in docs {
            n_terms += story_features(doc.title.as_deref(), &doc.text, None, config).n_terms();
        }
    }
    let per_doc = cpu.elapsed().as_secs_f64() / (rounds * docs.len()) as f64;
    println!(
        "story_features: {:.1} µs CPU per article, {:.1} µs per 2 KB ({} B mean, {} terms mean)",
        per_doc * 1e6,
        per_doc * 1e6 * 2048.0 / (n_bytes as f64 / docs.len() as f64),
        n_bytes / docs.len().max(1),
        n_terms / (rounds * docs.len()).max(1)
    );
}

fn read_docs(path: &PathBuf) -> Result<Vec<Doc>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut docs = Vec::new();
    for (line_number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("line {}", line_number + 1))?;
        let field = |name: &str| value.get(name).and_then(|v| v.as_str()).map(str::to_owned);
        docs.push(Doc {
            id: field("id").unwrap_or_default(),
            text: field("text").unwrap_or_default(),
            title: field("title"),
            story: field("story").unwrap_or_default(),
        });
    }
    Ok(docs)
}

fn set(config: &mut ClusterConfig, key: &str, value: &str) -> Result<()> {
    let as_f32 = || {
        value
            .parse::<f32>()
            .with_context(|| format!("{key}={value}"))
    };
    let as_usize = || {
        value
            .parse::<usize>()
            .with_context(|| format!("{key}={value}"))
    };
    match key {
        "max_terms" => config.max_terms = as_usize()?,
        "vector_terms" => config.vector_terms = as_usize()?,
        "index_terms" => config.index_terms = as_usize()?,
        "max_posting_len" => config.max_posting_len = as_usize()?,
        "max_candidates" => config.max_candidates = as_usize()?,
        "max_neighbours" => config.max_neighbours = as_usize()?,
        "min_edge_similarity" => config.min_edge_similarity = as_f32()?,
        "link_threshold" => config.link_threshold = as_f32()?,
        "support_cap" => config.support_cap = as_f32()?,
        "idf_power" => config.idf_power = as_f32()?,
        "min_idf_docs" => config.min_idf_docs = as_f32()?,
        "name_boost" => config.name_boost = as_f32()?,
        "number_boost" => config.number_boost = as_f32()?,
        "name_pair_boost" => config.name_pair_boost = as_f32()?,
        "date_grace_days" => config.date_grace_days = as_f32()?,
        "date_scale_days" => config.date_scale_days = as_f32()?,
        _ => bail!("unknown setting {key}"),
    }
    Ok(())
}
