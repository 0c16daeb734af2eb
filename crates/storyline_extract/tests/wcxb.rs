//! Quality floors on the WCXB dev pages (/work/shared/data/wcxb-dev-articles or
//! $WCXB_DIR): main-text F1, title and date accuracy. Skipped when the data is absent.
//!
//! The always-on test scores every 10th page so that it stays fast in debug builds; the full set
//! runs with `cargo test --release -p storyline_extract --test wcxb -- --ignored`.
//! The scorer matches examples/wcxb_eval.rs and bench/extract/compare.py.

use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;

use storyline_extract::{extract, ExtractConfig};

fn data_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("WCXB_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/shared/data/wcxb-dev-articles"));
    dir.join("ground-truth.jsonl").exists().then_some(dir)
}

fn tokens(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for token in text.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
        if !token.is_empty() {
            *counts.entry(token.to_lowercase()).or_insert(0) += 1;
        }
    }
    counts
}

fn f1(predicted: &str, gold: &str) -> f64 {
    let (predicted, gold) = (tokens(predicted), tokens(gold));
    let n_predicted: usize = predicted.values().sum();
    let n_gold: usize = gold.values().sum();
    let common: usize = predicted
        .iter()
        .map(|(token, count)| (*count).min(gold.get(token).copied().unwrap_or(0)))
        .sum();
    if common == 0 {
        return if n_predicted == n_gold { 1.0 } else { 0.0 };
    }
    let (precision, recall) = (
        common as f64 / n_predicted as f64,
        common as f64 / n_gold as f64,
    );
    2.0 * precision * recall / (precision + recall)
}

struct Scores {
    f1: f64,
    title: f64,
    date: f64,
    n_pages: usize,
}

fn score(dir: &std::path::Path, every: usize) -> Scores {
    let truth = std::fs::read_to_string(dir.join("ground-truth.jsonl")).expect("ground truth");
    let (mut f1_sum, mut f1_n, mut title_ok, mut title_n, mut date_ok, mut date_n) =
        (0.0, 0, 0, 0, 0, 0);
    for (index, line) in truth.lines().enumerate() {
        if index % every != 0 {
            continue;
        }
        let record: serde_json::Value = serde_json::from_str(line).expect("json line");
        let id = record["id"].as_str().expect("id");
        let mut bytes = Vec::new();
        let file =
            std::fs::File::open(dir.join("html").join(format!("{id}.html.gz"))).expect("page");
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut bytes)
            .expect("gunzip");
        let page = extract(
            &bytes,
            None,
            record["url"].as_str(),
            &ExtractConfig::default(),
        )
        .unwrap_or_default();
        if let Some(gold) = record["main_content"].as_str() {
            f1_sum += f1(&page.text, gold);
            f1_n += 1;
        }
        if let Some(gold) = record["title"].as_str() {
            title_n += 1;
            let normalise = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
            title_ok += usize::from(page.title.as_deref().map(normalise) == Some(normalise(gold)));
        }
        if let Some(gold) = record["date"].as_str() {
            date_n += 1;
            date_ok +=
                usize::from(page.date.as_deref().and_then(|d| d.get(..10)) == gold.get(..10));
        }
    }
    Scores {
        f1: f1_sum / f1_n.max(1) as f64,
        title: title_ok as f64 / title_n.max(1) as f64,
        date: date_ok as f64 / date_n.max(1) as f64,
        n_pages: f1_n,
    }
}

#[test]
fn floors_on_a_tenth_of_wcxb_dev() {
    let Some(dir) = data_dir() else { return };
    let scores = score(&dir, 10);
    assert!(scores.n_pages >= 60, "only {} pages scored", scores.n_pages);
    let summary = format!(
        "F1 {:.4}, title {:.4}, date {:.4}",
        scores.f1, scores.title, scores.date
    );
    assert!(scores.f1 >= FLOOR_SUBSET_F1, "{summary}");
    assert!(scores.title >= FLOOR_SUBSET_TITLE, "{summary}");
    assert!(scores.date >= FLOOR_SUBSET_DATE, "{summary}");
}

#[test]
#[ignore = "full set: run in release"]
fn floors_on_all_of_wcxb_dev() {
    let Some(dir) = data_dir() else { return };
    let scores = score(&dir, 1);
    let summary = format!(
        "F1 {:.4}, title {:.4}, date {:.4}",
        scores.f1, scores.title, scores.date
    );
    // Measured 2026-11-26 after the shown-date rules: F1 0.9511, title 0.8551, date 0.9252.
    assert!(scores.f1 >= 0.945, "{summary}");
    assert!(scores.title >= 0.845, "{summary}");
    assert!(scores.date >= 0.91, "{summary}");
}

/// Floors for the every-10th-page subset, a little under what it scored on 2026-11-26
/// (F1 0.9526, title 0.8472; date 0.9016 after the shown-date rules): a drop below them is a
/// regression worth a look.
const FLOOR_SUBSET_F1: f64 = 0.94;
const FLOOR_SUBSET_TITLE: f64 = 0.83;
const FLOOR_SUBSET_DATE: f64 = 0.87;
