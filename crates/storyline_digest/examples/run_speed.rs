//! Measures digest CPU time per article on a run directory (`articles.jsonl` of a
//! `storyline run`, e.g. on the generated corpus): stories are rebuilt from the `story`
//! field and copy edges from `copy_of`, then every story is digested `ROUNDS` times on one
//! thread. Figures are CPU time of this thread, so they hold on a shared, loaded machine.
//!
//! Run: `cargo run --release -p storyline_digest --example run_speed RUN_DIR [ROUNDS]
//! [unbudgeted]` (`unbudgeted` reads stories whole, as before `story_text_bytes`). The
//! last figure is a checksum of every digest's JSON, to see that a speed-up changed nothing.

// A measuring tool prints its figures.
#![allow(clippy::print_stdout)]

use anyhow::Context as _;
use rustc_hash::FxHashMap;
use storyline_core::output::ArticleRecord;
use storyline_core::{CopyEdge, DocIdx, StoryId};
use storyline_digest::{build_digest, DigestConfig, StoryArticle};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let run_dir = args.next().context("usage: run_speed RUN_DIR [ROUNDS]")?;
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let path = std::path::Path::new(&run_dir).join("articles.jsonl");
    let data = std::fs::read_to_string(&path).with_context(|| format!("{}", path.display()))?;
    let records: Vec<ArticleRecord> = data
        .lines()
        .filter_map(|line| serde_json::from_str(line).ok())
        .collect();
    let index_of: FxHashMap<&str, usize> = records
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (i, record) in records.iter().enumerate() {
        if let Some(story) = record.story {
            let story = story as usize;
            if members.len() <= story {
                members.resize(story + 1, Vec::new());
            }
            members[story].push(i);
        }
    }
    let mut edges_of: Vec<Vec<CopyEdge>> = vec![Vec::new(); members.len()];
    for (i, record) in records.iter().enumerate() {
        let (Some(story), Some(original), Some(kind)) =
            (record.story, record.copy_of.as_deref(), record.copy_kind)
        else {
            continue;
        };
        let Some(&original) = index_of.get(original) else {
            continue;
        };
        if records[original].story == Some(story) {
            edges_of[story as usize].push(CopyEdge {
                copy: DocIdx(i as u32),
                original: DocIdx(original as u32),
                kind,
                similarity: 1.0,
                evidence: Default::default(),
            });
        }
    }
    let stories: Vec<Vec<StoryArticle<'_>>> = members
        .iter()
        .map(|indexes| {
            indexes
                .iter()
                .map(|&i| {
                    let r = &records[i];
                    StoryArticle {
                        idx: DocIdx(i as u32),
                        id: &r.id,
                        title: r.title.as_deref(),
                        date: r.date.as_deref(),
                        source: r.source.as_deref(),
                        url: r.url.as_deref(),
                        text: &r.text,
                    }
                })
                .collect()
        })
        .collect();
    let n_articles: usize = stories.iter().map(Vec::len).sum();
    let mut config = DigestConfig::default();
    if args.next().is_some_and(|a| a == "unbudgeted") {
        config.story_text_bytes = usize::MAX;
    }
    let start = storyline_bench::cpu::CpuStopwatch::thread();
    let mut n_summary = 0;
    for _ in 0..rounds {
        for (number, story) in stories.iter().enumerate() {
            n_summary += build_digest(StoryId(number as u32), story, &edges_of[number], &config)
                .summary
                .len();
        }
    }
    let per_article = start.elapsed().as_secs_f64() / (rounds * n_articles) as f64;
    let mut checksum = rustc_hash::FxHasher::default();
    for (number, story) in stories.iter().enumerate() {
        let digest = build_digest(StoryId(number as u32), story, &edges_of[number], &config);
        std::hash::Hasher::write(&mut checksum, &serde_json::to_vec(&digest)?);
    }
    println!(
        "{n_articles} articles, {} stories, {rounds} rounds: digest CPU {:.1} µs/article [{n_summary}] checksum {:016x}",
        stories.len(),
        per_article * 1e6,
        std::hash::Hasher::finish(&checksum)
    );
    Ok(())
}
