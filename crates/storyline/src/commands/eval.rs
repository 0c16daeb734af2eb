//! `storyline eval`: run the pipeline, then score its stories against a gold field kept in
//! the input records (`extra` of articles.jsonl). Prints the scores and writes DIR/eval.json.

use std::collections::BTreeMap;
use std::io::BufRead;

use anyhow::{Context, Result};
use storyline_cluster::eval::{score, Scores};
use storyline_core::output::ArticleRecord;

use crate::args::EvalArgs;

pub(crate) fn eval(args: &EvalArgs) -> Result<()> {
    let summary = super::run::run_pipeline(&args.pipeline)?;
    let articles_path = args.pipeline.out.join("articles.jsonl");
    let file = std::fs::File::open(&articles_path)
        .with_context(|| format!("cannot open {}", articles_path.display()))?;
    let mut predicted = Vec::new();
    let mut gold = Vec::new();
    let mut gold_ids: BTreeMap<String, u32> = BTreeMap::new();
    let mut n_without_gold = 0usize;
    // Articles in no story (empty, not an article) count as singletons.
    let mut next_singleton = u32::MAX;
    for (line_idx, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", articles_path.display()))?;
        let record: ArticleRecord = serde_json::from_str(&line).with_context(|| {
            format!(
                "{}:{}: not an article record",
                articles_path.display(),
                line_idx + 1
            )
        })?;
        let Some(label) = record.extra.get(&args.gold).map(label_of) else {
            n_without_gold += 1;
            continue;
        };
        let next_gold = gold_ids.len() as u32;
        gold.push(*gold_ids.entry(label).or_insert(next_gold));
        predicted.push(record.story.unwrap_or_else(|| {
            next_singleton -= 1;
            next_singleton
        }));
    }
    if gold.is_empty() {
        anyhow::bail!("no input record has the gold field `{}`", args.gold);
    }
    let scores = score(&predicted, &gold);
    let json_path = args.pipeline.out.join("eval.json");
    std::fs::write(&json_path, serde_json::to_vec_pretty(&scores)?)
        .with_context(|| format!("cannot write {}", json_path.display()))?;
    print_scores(&scores, n_without_gold, summary.elapsed.as_secs_f64());
    Ok(())
}

fn label_of(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

fn print_scores(scores: &Scores, n_without_gold: usize, seconds: f64) {
    println!(
        "articles {} scored ({} without gold label), {} predicted stories, {} gold stories, run {:.2} s",
        scores.n_items, n_without_gold, scores.n_predicted, scores.n_gold, seconds
    );
    println!("ARI      {:.4}", scores.ari);
    println!(
        "BCubed   P {:.4}  R {:.4}  F1 {:.4}",
        scores.bcubed_precision, scores.bcubed_recall, scores.bcubed_f1
    );
    println!(
        "pairwise P {:.4}  R {:.4}  F1 {:.4}",
        scores.pairwise_precision, scores.pairwise_recall, scores.pairwise_f1
    );
}
