//! The summary bar on real news: ECB+ dev articles grouped by their gold story.
//!
//! For every story, each summary sentence must be taken verbatim from an article of that
//! story (the one it names), and no two summary sentences may say the same thing
//! (content-word Jaccard below 0.5, measured here independently of the crate's own
//! tokeniser). Skips when `../../shared/data/ecbplus-dev/docs.jsonl` is absent.

// Tests report skips.
#![allow(clippy::print_stderr)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use storyline_core::{DocIdx, StoryId};
use storyline_digest::{build_digest, DigestConfig, StoryArticle};

struct Doc {
    id: String,
    story: String,
    text: String,
}

fn read_docs() -> Option<Vec<Doc>> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ecbplus-dev/docs.jsonl");
    let data = std::fs::read_to_string(path).ok()?;
    Some(
        data.lines()
            .filter_map(|line| {
                let record: serde_json::Value = serde_json::from_str(line).ok()?;
                Some(Doc {
                    id: record["id"].as_str()?.to_owned(),
                    story: record["story"].as_str()?.to_owned(),
                    text: record["text"].as_str()?.to_owned(),
                })
            })
            .collect(),
    )
}

/// Lower-cased alphabetic words of at least three letters, minus a few function words.
fn content_words(text: &str) -> BTreeSet<String> {
    const FUNCTION_WORDS: &[&str] = &[
        "the", "and", "for", "that", "with", "was", "were", "has", "have", "had", "his", "her",
        "from", "said", "are", "its", "this", "who", "not", "but",
    ];
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .filter(|w| !FUNCTION_WORDS.contains(&w.as_str()))
        .collect()
}

fn jaccard(left: &BTreeSet<String>, right: &BTreeSet<String>) -> f64 {
    let shared = left.intersection(right).count();
    let union = left.union(right).count();
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

#[test]
fn summaries_are_verbatim_and_non_redundant_for_every_gold_story() {
    let Some(docs) = read_docs() else {
        eprintln!("SKIP: ECB+ dev data not found");
        return;
    };
    let mut stories: BTreeMap<&str, Vec<(usize, &Doc)>> = BTreeMap::new();
    for (index, doc) in docs.iter().enumerate() {
        stories
            .entry(doc.story.as_str())
            .or_default()
            .push((index, doc));
    }
    let config = DigestConfig::default();
    let mut n_sentences = 0;
    let mut n_short = 0;
    for (number, (story, members)) in stories.iter().enumerate() {
        let articles: Vec<StoryArticle<'_>> = members
            .iter()
            .map(|&(index, doc)| StoryArticle {
                idx: DocIdx(index as u32),
                id: &doc.id,
                title: None,
                date: None,
                source: None,
                url: None,
                text: &doc.text,
            })
            .collect();
        let digest = build_digest(StoryId(number as u32), &articles, &[], &config);
        assert!(
            digest.summary.len() <= 5,
            "{story}: {} sentences",
            digest.summary.len()
        );
        if digest.summary.len() < 3 {
            n_short += 1;
        }
        for sentence in &digest.summary {
            let source = members
                .iter()
                .find(|(_, doc)| doc.id == sentence.article)
                .unwrap_or_else(|| {
                    panic!(
                        "{story}: sentence from {} outside the story",
                        sentence.article
                    )
                });
            assert!(
                source.1.text.contains(&sentence.text),
                "{story}: not verbatim: {}",
                sentence.text
            );
        }
        let words: Vec<_> = digest
            .summary
            .iter()
            .map(|s| content_words(&s.text))
            .collect();
        for (i, left) in words.iter().enumerate() {
            for right in &words[i + 1..] {
                let similarity = jaccard(left, right);
                assert!(
                    similarity < 0.5,
                    "{story}: redundant summary sentences ({similarity:.2}): {:#?}",
                    digest.summary
                );
            }
        }
        assert!(digest.headline.is_some(), "{story}: no headline");
        if std::env::var_os("STORYLINE_SHOW_DIGEST").is_some() {
            for d in &digest.disagreements {
                let values: Vec<String> = d
                    .values
                    .iter()
                    .map(|v| format!("{} x{}", v.value, v.articles.len()))
                    .collect();
                eprintln!(
                    "{story}\t{}\t{}\t{}",
                    d.kind.as_str(),
                    d.about,
                    values.join(" | ")
                );
            }
            let names: Vec<String> = digest
                .entities
                .iter()
                .take(8)
                .map(|e| format!("{}:{}", e.name, e.kind.as_str()))
                .collect();
            eprintln!("{story}\tENTITIES\t{}", names.join(", "));
            let mut from: Vec<&str> = digest.summary.iter().map(|s| s.article.as_str()).collect();
            from.sort_unstable();
            from.dedup();
            eprintln!(
                "{story}\tSUMMARY\t{}\t{}\t{}",
                members.len(),
                digest.summary.len(),
                from.len()
            );
        }
        n_sentences += digest.summary.len();
    }
    // Most stories have enough text for three sentences; single short articles may not.
    assert!(
        n_short * 4 <= stories.len(),
        "{n_short} of {} stories have fewer than 3 summary sentences",
        stories.len()
    );
    assert!(n_sentences >= stories.len() * 3);
}
