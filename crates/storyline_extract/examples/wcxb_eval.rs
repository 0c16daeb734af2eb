//! Scores `storyline_extract` on the WCXB dev pages: main-text F1, snippets, title, date, author,
//! and speed (pages per second on one core).
//!
//! Usage: `cargo run --release -p storyline_extract --example wcxb_eval -- [DATA_DIR] [--out FILE]`
//! DATA_DIR holds `ground-truth.jsonl` and `html/NNNN.html.gz` (default:
//! /work/shared/data/wcxb-dev-articles). `--out` writes one JSON line per page (id, title, date,
//! author, text, error) for `bench/extract/compare.py`, which scores it with the Python scorer.
//! The scorer here is the same as there: tokens are `\w+` lower-cased, F1 over token multisets.
#![allow(clippy::print_stdout)]

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use serde_json::Value;
use storyline_extract::{extract, ExtractConfig, Page};

fn main() -> anyhow::Result<()> {
    let mut data_dir = PathBuf::from("/work/shared/data/wcxb-dev-articles");
    let mut out_path: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--out" {
            out_path = args.next().map(PathBuf::from);
        } else {
            data_dir = PathBuf::from(arg);
        }
    }
    let truth = load_truth(&data_dir)?;
    let mut pages = Vec::with_capacity(truth.len());
    for record in &truth {
        let id = record["id"].as_str().context("id")?;
        let path = data_dir.join("html").join(format!("{id}.html.gz"));
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(
            std::fs::File::open(&path).with_context(|| format!("open {}", path.display()))?,
        )
        .read_to_end(&mut bytes)
        .with_context(|| format!("gunzip {}", path.display()))?;
        pages.push(bytes);
    }
    let config = ExtractConfig::default();
    let cpu_started = storyline_bench::cpu::CpuStopwatch::thread();
    let started = Instant::now();
    let results: Vec<_> = truth
        .iter()
        .zip(&pages)
        .map(|(record, bytes)| extract(bytes, None, record["url"].as_str(), &config))
        .collect();
    let seconds = started.elapsed().as_secs_f64();
    let cpu_seconds = cpu_started
        .is_cpu_time()
        .then(|| cpu_started.elapsed().as_secs_f64());

    if let Some(out_path) = &out_path {
        let mut out = std::io::BufWriter::new(std::fs::File::create(out_path)?);
        for (record, result) in truth.iter().zip(&results) {
            let line = match result {
                Ok(page) => {
                    serde_json::json!({"id": record["id"], "title": page.title, "date": page.date,
                    "author": page.author, "text": page.text, "error": null})
                }
                Err(error) => serde_json::json!({"id": record["id"], "title": null, "date": null,
                    "author": null, "text": "", "error": error.to_string()}),
            };
            writeln!(out, "{line}")?;
        }
    }

    let empty = Page::default();
    let mut scores = Scores::default();
    for (record, result) in truth.iter().zip(&results) {
        let page = result.as_ref().unwrap_or(&empty);
        scores.add(record, page);
    }
    let total_bytes: usize = pages.iter().map(Vec::len).sum();
    scores.print();
    println!(
        "errors            {}",
        results.iter().filter(|result| result.is_err()).count()
    );
    println!(
        "speed (wall)      {:.0} pages/s ({:.1} MB/s, {} pages, {:.2} s, one thread)",
        pages.len() as f64 / seconds,
        total_bytes as f64 / 1e6 / seconds,
        pages.len(),
        seconds
    );
    if let Some(cpu_seconds) = cpu_seconds {
        println!(
            "speed (CPU)       {:.0} pages/s ({:.1} MB/s, {:.2} s of this thread's CPU time)",
            pages.len() as f64 / cpu_seconds,
            total_bytes as f64 / 1e6 / cpu_seconds,
            cpu_seconds
        );
    }
    Ok(())
}

fn load_truth(data_dir: &std::path::Path) -> anyhow::Result<Vec<Value>> {
    let path = data_dir.join("ground-truth.jsonl");
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("read {}", path.display()))?;
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(line).context("parse ground truth line"))
        .collect()
}

/// Lower-cased `\w+` tokens (letters, digits, underscore), as Python's `re.findall(r"\w+")`.
fn tokens(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for token in text.split(|character: char| !(character.is_alphanumeric() || character == '_')) {
        if !token.is_empty() {
            *counts.entry(token.to_lowercase()).or_insert(0) += 1;
        }
    }
    counts
}

fn f1(predicted: &str, gold: &str) -> f64 {
    let predicted = tokens(predicted);
    let gold = tokens(gold);
    let n_predicted: usize = predicted.values().sum();
    let n_gold: usize = gold.values().sum();
    if n_predicted == 0 || n_gold == 0 {
        return if n_predicted == n_gold { 1.0 } else { 0.0 };
    }
    let common: usize = predicted
        .iter()
        .map(|(token, count)| (*count).min(*gold.get(token).unwrap_or(&0)))
        .sum();
    if common == 0 {
        return 0.0;
    }
    let precision = common as f64 / n_predicted as f64;
    let recall = common as f64 / n_gold as f64;
    2.0 * precision * recall / (precision + recall)
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Default)]
struct Scores {
    f1_sum: f64,
    f1_pages: usize,
    with_found: usize,
    with_total: usize,
    without_avoided: usize,
    without_total: usize,
    title_right: usize,
    title_total: usize,
    date_right: usize,
    date_total: usize,
    author_right: usize,
    author_total: usize,
}

impl Scores {
    fn add(&mut self, record: &Value, page: &Page) {
        let text = normalise(&page.text);
        if let Some(gold) = record["main_content"].as_str() {
            self.f1_sum += f1(&page.text, gold);
            self.f1_pages += 1;
        }
        for snippet in record["with"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            self.with_total += 1;
            self.with_found += usize::from(text.contains(&normalise(snippet)));
        }
        for snippet in record["without"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            self.without_total += 1;
            self.without_avoided += usize::from(!text.contains(&normalise(snippet)));
        }
        if let Some(gold) = record["title"].as_str() {
            self.title_total += 1;
            self.title_right +=
                usize::from(page.title.as_deref().map(normalise) == Some(normalise(gold)));
        }
        if let Some(gold) = record["date"].as_str() {
            self.date_total += 1;
            let day = page.date.as_deref().and_then(|date| date.get(..10));
            self.date_right += usize::from(day == gold.get(..10));
        }
        if let Some(gold) = record["author"].as_str() {
            self.author_total += 1;
            let found = page
                .author
                .as_deref()
                .map(|author| normalise(author).to_lowercase());
            self.author_right += usize::from(found == Some(normalise(gold).to_lowercase()));
        }
    }

    fn print(&self) {
        let share = |right: usize, total: usize| right as f64 / total.max(1) as f64;
        println!(
            "main-text F1      {:.4} (mean over {} pages)",
            self.f1_sum / self.f1_pages.max(1) as f64,
            self.f1_pages
        );
        println!(
            "with found        {:.4} ({}/{})",
            share(self.with_found, self.with_total),
            self.with_found,
            self.with_total
        );
        println!(
            "without avoided   {:.4} ({}/{})",
            share(self.without_avoided, self.without_total),
            self.without_avoided,
            self.without_total
        );
        println!(
            "title exact       {:.4} ({}/{})",
            share(self.title_right, self.title_total),
            self.title_right,
            self.title_total
        );
        println!(
            "date day          {:.4} ({}/{})",
            share(self.date_right, self.date_total),
            self.date_right,
            self.date_total
        );
        println!(
            "author exact      {:.4} ({}/{})",
            share(self.author_right, self.author_total),
            self.author_right,
            self.author_total
        );
    }
}
