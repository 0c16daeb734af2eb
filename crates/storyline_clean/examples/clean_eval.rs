//! Development tool: cleans articles and prints what was removed, or scores cleaning on data.
//!
//! `cargo run --release -p storyline_clean --example clean_eval -- FILE...` cleans `.txt`
//! files and prints the text and removals. With `--jsonl FILE` it reads JSONL articles
//! (`text` or `main_content`, optional `source`/`domain`, `title`, `with`/`without` snippet
//! lists as in the WCXB ground truth), builds the boilerplate model over all of them, and
//! prints removal counts by kind, the share of lines removed, and snippet scores.
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;

use anyhow::Context;
use storyline_clean::{clean, BoilerplateModelBuilder, CleanConfig};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let config = CleanConfig::default();
    if args.first().map(String::as_str) == Some("--jsonl") {
        let path = args.get(1).context("--jsonl needs a file")?;
        let show = args.get(2).map(String::as_str) == Some("--show");
        return score_jsonl(path, &config, show);
    }
    let mut builder = BoilerplateModelBuilder::new(&config);
    let texts: Vec<(String, String)> = args
        .iter()
        .map(|path| {
            Ok((
                path.clone(),
                std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?,
            ))
        })
        .collect::<anyhow::Result<_>>()?;
    for (_, text) in &texts {
        builder.observe(None, text);
    }
    let model = builder.build();
    for (path, text) in &texts {
        let cleaned = clean(text, None, None, &model, &config);
        println!("=== {path}\nheadline: {:?}", cleaned.headline);
        for removal in &cleaned.removals {
            println!(
                "  - {:?} {:?} {}: {:?}",
                removal.kind, removal.lines, removal.reason, removal.text
            );
        }
        println!("{}\n", cleaned.text);
    }
    Ok(())
}

fn score_jsonl(path: &str, config: &CleanConfig, show: bool) -> anyhow::Result<()> {
    let data = std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
    let records: Vec<serde_json::Value> = data
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let field = |record: &serde_json::Value, names: &[&str]| -> Option<String> {
        names.iter().find_map(|name| {
            record
                .get(*name)
                .and_then(|value| value.as_str())
                .map(str::to_owned)
        })
    };
    let mut builder = BoilerplateModelBuilder::new(config);
    for record in &records {
        let text = field(record, &["text", "main_content"]).unwrap_or_default();
        builder.observe(field(record, &["source", "domain"]).as_deref(), &text);
    }
    let model = builder.build();
    println!("learned lines: {}", model.len());
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    let (mut n_lines, mut n_removed_lines) = (0usize, 0usize);
    let (mut with_total, mut with_kept, mut without_total, mut without_gone) = (0, 0, 0, 0);
    let mut bytes = 0;
    for record in &records {
        let text = field(record, &["text", "main_content"]).unwrap_or_default();
        bytes += text.len();
        let title = field(record, &["title"]);
        let source = field(record, &["source", "domain"]);
        let cleaned = clean(&text, title.as_deref(), source.as_deref(), &model, config);
        n_lines += text.lines().filter(|line| !line.trim().is_empty()).count();
        for removal in &cleaned.removals {
            *kinds.entry(removal.kind.as_str()).or_default() += 1;
            n_removed_lines += removal
                .text
                .lines()
                .filter(|line| !line.trim().is_empty())
                .count();
            if show {
                println!(
                    "{} {:?} {:?} {}: {:?}",
                    field(record, &["id"]).unwrap_or_default(),
                    removal.kind,
                    removal.lines,
                    removal.reason,
                    removal.text.chars().take(160).collect::<String>()
                );
            }
        }
        let original: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let normalised: String = cleaned
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for snippet in record
            .get("with")
            .and_then(|value| value.as_array())
            .into_iter()
            .flatten()
        {
            let snippet: String = snippet
                .as_str()
                .unwrap_or_default()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if !original.contains(&snippet) {
                continue;
            }
            with_total += 1;
            let kept = normalised.contains(&snippet);
            with_kept += usize::from(kept);
            if !kept && std::env::var_os("SHOW_LOST").is_some() {
                let culprit = cleaned.removals.iter().find(|removal| {
                    let removed: String = removal
                        .text
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ");
                    removed.contains(&snippet) || snippet.contains(&removed)
                });
                println!(
                    "LOST {} {:?} by {:?}",
                    field(record, &["id"]).unwrap_or_default(),
                    snippet.chars().take(100).collect::<String>(),
                    culprit.map(|removal| (removal.kind, removal.reason.clone()))
                );
            }
        }
        for snippet in record
            .get("without")
            .and_then(|value| value.as_array())
            .into_iter()
            .flatten()
        {
            let snippet: String = snippet
                .as_str()
                .unwrap_or_default()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if original.contains(&snippet) {
                without_total += 1;
                let gone = !normalised.contains(&snippet);
                without_gone += usize::from(gone);
                if !gone && std::env::var_os("SHOW_MISSED").is_some() {
                    println!(
                        "MISSED {} {:?}",
                        field(record, &["id"]).unwrap_or_default(),
                        snippet
                    );
                }
            }
        }
    }
    // Timing apart from the bookkeeping above: clean every article ten times in one block.
    let inputs: Vec<(String, Option<String>, Option<String>)> = records
        .iter()
        .map(|record| {
            (
                field(record, &["text", "main_content"]).unwrap_or_default(),
                field(record, &["title"]),
                field(record, &["source", "domain"]),
            )
        })
        .collect();
    // CLEAN_PASSES=0 vs CLEAN_PASSES=50 under `perf stat -e instructions` gives instructions
    // per article independent of machine load.
    let passes: usize = std::env::var("CLEAN_PASSES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(10);
    let started = storyline_bench::cpu::CpuStopwatch::thread();
    let mut n_chars = 0;
    for _ in 0..passes {
        for (text, title, source) in &inputs {
            n_chars += clean(text, title.as_deref(), source.as_deref(), &model, config)
                .text
                .len();
        }
    }
    let clean_ns = started.elapsed().as_nanos() as u64 / passes.max(1) as u64;
    println!("(kept {} bytes per pass)", n_chars / passes.max(1));
    // A reference point for this machine's current speed: lowercasing every text.
    let started_reference = storyline_bench::cpu::CpuStopwatch::thread();
    let mut n_lower = 0;
    for _ in 0..10 {
        for (text, _, _) in &inputs {
            n_lower += text.to_lowercase().len();
        }
    }
    let reference_ns = started_reference.elapsed().as_nanos() as u64;
    println!(
        "reference: str::to_lowercase takes {:.2} ns/byte here",
        reference_ns as f64 / n_lower.max(1) as f64
    );
    let elapsed = std::time::Duration::from_nanos(clean_ns);
    println!(
        "articles: {}, lines: {n_lines}, removed lines: {n_removed_lines}",
        records.len()
    );
    println!("removals by kind: {kinds:?}");
    println!("'with' snippets present in input and kept: {with_kept}/{with_total}");
    println!("'without' snippets present in input and removed: {without_gone}/{without_total}");
    println!(
        "clean CPU time: {:.1} µs/article ({:.1} µs per 2 KB)",
        elapsed.as_secs_f64() * 1e6 / records.len().max(1) as f64,
        elapsed.as_secs_f64() * 1e6 / (bytes.max(1) as f64 / 2048.0)
    );
    Ok(())
}
