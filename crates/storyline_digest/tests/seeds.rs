//! The digest bar on the shared seeds: five crawled reports of one event, where `000` is a
//! machine rewrite of `001` with a wrong dateline.
//!
//! Reads `../../shared/seeds` relative to the crate (skips when absent), builds one story with
//! the copy edge 000 → 001 (kind rewrite) that the matcher would give, and checks the digest.
//! With `STORYLINE_REGENERATE_FIXTURES=1` it also rewrites the run directory fixture
//! `tests/fixtures/run/` used by the browser test (the seeds as story 0, plus the first two
//! gold stories of the ECB+ dev data, when present, as stories 1 and 2).

// Tests report skips and, on request, the digest they built.
#![allow(clippy::print_stderr)]

use std::fs;
use std::path::{Path, PathBuf};

use storyline_core::output::{ArticleRecord, ArticleStatus, CopyRecord, EvidenceRecord};
use storyline_core::{CopyEdge, CopyKind, DocIdx, Evidence, Removal, RemovalKind, StoryId};
use storyline_digest::{build_digest, Digest, DigestConfig, EntityKind, StoryArticle, StoryRecord};

struct Doc {
    id: String,
    title: Option<String>,
    text: String,
    removals: Vec<Removal>,
}

fn shared_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn read_seeds() -> Option<Vec<Doc>> {
    let dir = shared_dir().join("seeds");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| Some(e.ok()?.path()))
        .collect();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    Some(
        paths
            .iter()
            .filter_map(|path| {
                let text = fs::read_to_string(path).ok()?;
                Some(Doc {
                    id: path.file_stem()?.to_string_lossy().into_owned(),
                    title: text.lines().next().map(|l| l.trim().to_owned()),
                    text,
                    removals: Vec::new(),
                })
            })
            .collect(),
    )
}

fn story_articles(docs: &[Doc], first_idx: u32) -> Vec<StoryArticle<'_>> {
    docs.iter()
        .enumerate()
        .map(|(i, doc)| StoryArticle {
            idx: DocIdx(first_idx + i as u32),
            id: &doc.id,
            title: doc.title.as_deref(),
            date: None,
            source: None,
            url: None,
            text: &doc.text,
        })
        .collect()
}

fn rewrite_edge() -> CopyEdge {
    CopyEdge {
        copy: DocIdx(0),
        original: DocIdx(1),
        kind: CopyKind::Rewrite,
        similarity: 0.53,
        evidence: Evidence {
            measures: vec![("aligned_sentences".to_owned(), 0.53)],
            origin: vec!["copy carries template filler".to_owned()],
        },
    }
}

fn entity<'d>(digest: &'d Digest, name_part: &str) -> &'d storyline_digest::Entity {
    digest
        .entities
        .iter()
        .find(|e| e.name.contains(name_part))
        .unwrap_or_else(|| panic!("no entity named {name_part}: {:#?}", digest.entities))
}

#[test]
fn seeds_digest_meets_the_bar() {
    let Some(docs) = read_seeds() else {
        eprintln!("SKIP: no seeds at {}", shared_dir().display());
        return;
    };
    assert_eq!(docs.len(), 5);
    let articles = story_articles(&docs, 0);
    let edges = [rewrite_edge()];
    let digest = build_digest(StoryId(0), &articles, &edges, &DigestConfig::default());
    let rewrite = docs[0].id.as_str();
    if std::env::var_os("STORYLINE_SHOW_DIGEST").is_some() {
        eprintln!(
            "{}",
            serde_json::to_string_pretty(&digest).unwrap_or_default()
        );
    }

    // Entities, with variants merged into one each.
    let putin = entity(&digest, "Putin");
    assert_eq!(putin.kind, EntityKind::Person);
    let kim = entity(&digest, "Kim Jong");
    assert!(
        kim.variants.iter().any(|v| v == "Kim Jong-un")
            && kim.variants.iter().any(|v| v == "Kim Jong Un"),
        "{kim:?}"
    );
    assert_eq!(
        digest
            .entities
            .iter()
            .filter(|e| e.name.starts_with("Kim Jong"))
            .count(),
        1
    );
    assert_eq!(entity(&digest, "Pyongyang").kind, EntityKind::Place);
    let lavrov = entity(&digest, "Lavrov");
    assert!(
        lavrov.variants.iter().any(|v| v.contains("Sergei"))
            && lavrov.variants.iter().any(|v| v.contains("Sergey")),
        "{lavrov:?}"
    );
    assert_eq!(
        digest
            .entities
            .iter()
            .filter(|e| e.name.contains("Lavrov"))
            .count(),
        1
    );
    let ushakov = entity(&digest, "Ushakov");
    assert!(
        ushakov.variants.iter().any(|v| v.contains("Yuriy"))
            && ushakov.variants.iter().any(|v| v.contains("Yuri ")),
        "{ushakov:?}"
    );
    assert_eq!(
        digest
            .entities
            .iter()
            .filter(|e| e.name.contains("Ushakov"))
            .count(),
        1
    );

    // The first report is an original, never the rewrite.
    let first = digest.first_report.as_ref().expect("a first report");
    assert_ne!(first.id, rewrite);

    // The rewrite's wrong dateline shows up as a date disagreement, marked as a copy's.
    let dateline = digest
        .disagreements
        .iter()
        .find(|d| d.about == "event date")
        .unwrap_or_else(|| panic!("no date disagreement: {:#?}", digest.disagreements));
    let wrong = dateline
        .values
        .iter()
        .find(|v| v.value == "2022-12-09")
        .expect("the rewrite's dateline");
    assert_eq!(wrong.copies, [rewrite]);
    assert_eq!(wrong.independent, 0);

    // Summary: from at least three different articles, never from the rewrite.
    let mut sources: Vec<&str> = digest.summary.iter().map(|s| s.article.as_str()).collect();
    assert!(!sources.contains(&rewrite), "{:#?}", digest.summary);
    sources.sort_unstable();
    sources.dedup();
    assert!(sources.len() >= 3, "{:#?}", digest.summary);
    assert!((3..=5).contains(&digest.summary.len()));

    assert_eq!(digest.families.len(), 1);
    assert_eq!(digest.families[0].original, docs[1].id);

    if std::env::var_os("STORYLINE_REGENERATE_FIXTURES").is_some() {
        regenerate_fixture(docs, digest);
    }
}

/// ECB+ gold stories (first `n_stories`, at most `per_story` articles each) as documents.
fn ecb_stories(n_stories: usize, per_story: usize) -> Vec<Vec<Doc>> {
    let Ok(data) = fs::read_to_string(shared_dir().join("data/ecbplus-dev/docs.jsonl")) else {
        return Vec::new();
    };
    let mut stories: Vec<(String, Vec<Doc>)> = Vec::new();
    for line in data.lines() {
        let Ok(record) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let (Some(id), Some(story), Some(text)) = (
            record["id"].as_str(),
            record["story"].as_str(),
            record["text"].as_str(),
        ) else {
            continue;
        };
        let doc = Doc {
            id: id.to_owned(),
            title: None,
            text: text.to_owned(),
            removals: Vec::new(),
        };
        let n_known = stories.len();
        match stories.iter_mut().find(|(name, _)| name == story) {
            Some((_, docs)) if docs.len() < per_story => docs.push(doc),
            Some(_) => {}
            None if n_known < n_stories => stories.push((story.to_owned(), vec![doc])),
            None => {}
        }
    }
    stories.into_iter().map(|(_, docs)| docs).collect()
}

/// Drops lines that are exactly "Advertisement" and records them, as the cleaner would.
fn clean_fixture_text(doc: &mut Doc) {
    let mut kept = Vec::new();
    for (number, line) in doc.text.lines().enumerate() {
        if line.trim() == "Advertisement" {
            doc.removals.push(Removal {
                kind: RemovalKind::Boilerplate,
                lines: [number as u32 + 1, number as u32 + 1],
                text: line.to_owned(),
                reason: "site furniture".to_owned(),
            });
        } else {
            kept.push(line);
        }
    }
    doc.text = kept.join("\n");
}

fn regenerate_fixture(mut seeds: Vec<Doc>, seed_digest: Digest) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/run");
    fs::create_dir_all(&dir).expect("create fixture dir");
    for doc in &mut seeds {
        clean_fixture_text(doc);
    }
    let (copy_id, original_id) = (seeds[0].id.clone(), seeds[1].id.clone());
    let mut stories: Vec<(Vec<Doc>, Digest)> = vec![(seeds, seed_digest)];
    for docs in ecb_stories(2, 4) {
        let first_idx = 100 * stories.len() as u32;
        let digest = build_digest(
            StoryId(stories.len() as u32),
            &story_articles(&docs, first_idx),
            &[],
            &DigestConfig::default(),
        );
        stories.push((docs, digest));
    }
    let edge = rewrite_edge();
    let (mut articles, mut story_lines) = (String::new(), String::new());
    for (number, (docs, digest)) in stories.into_iter().enumerate() {
        for (i, doc) in docs.iter().enumerate() {
            let is_copy = number == 0 && i == 0;
            let record = ArticleRecord {
                id: doc.id.clone(),
                story: Some(number as u32),
                status: ArticleStatus::Ok,
                title: doc.title.clone(),
                date: None,
                source: None,
                url: None,
                copy_of: is_copy.then(|| docs[1].id.clone()),
                copy_kind: is_copy.then_some(CopyKind::Rewrite),
                text: doc.text.clone(),
                removals: doc.removals.clone(),
                extra: serde_json::Map::new(),
            };
            articles.push_str(&serde_json::to_string(&record).expect("article json"));
            articles.push('\n');
        }
        let record = StoryRecord {
            story: number as u32,
            articles: docs.iter().map(|d| d.id.clone()).collect(),
            digest,
        };
        story_lines.push_str(&serde_json::to_string(&record).expect("story json"));
        story_lines.push('\n');
    }
    let copy = CopyRecord {
        copy: copy_id,
        original: original_id,
        kind: edge.kind,
        similarity: edge.similarity,
        evidence: EvidenceRecord {
            measures: edge.evidence.measures.into_iter().collect(),
            origin: edge.evidence.origin,
        },
    };
    let copies = serde_json::to_string(&copy).expect("copy json") + "\n";
    fs::write(dir.join("articles.jsonl"), articles).expect("write articles");
    fs::write(dir.join("copies.jsonl"), copies).expect("write copies");
    fs::write(dir.join("stories.jsonl"), story_lines).expect("write stories");
}

#[test]
fn story_record_round_trips_through_json() {
    let Some(docs) = read_seeds() else { return };
    let digest = build_digest(
        StoryId(0),
        &story_articles(&docs, 0),
        &[rewrite_edge()],
        &DigestConfig::default(),
    );
    let record = StoryRecord {
        story: 0,
        articles: docs.iter().map(|d| d.id.clone()).collect(),
        digest,
    };
    let json = serde_json::to_string(&record).expect("serialize");
    let back: StoryRecord = serde_json::from_str(&json).expect("deserialize");
    assert_eq!(back, record);
}
