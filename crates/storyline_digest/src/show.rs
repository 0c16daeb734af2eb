//! Plain-text rendering of one story for a terminal (`storyline show STORY`).
//!
//! [`render_story`] takes a [`StoryRecord`] (a line of `stories.jsonl`) and the run's
//! [`ArticleRecord`]s, and returns text with no colours or control characters from the data
//! (they are replaced), so it is safe to print.

use std::fmt::Write as _;

use rustc_hash::FxHashMap;
use storyline_core::output::ArticleRecord;

use crate::report::html::count;
use crate::{EntityKind, StoryRecord};

/// Replaces control characters (terminal escapes) other than newline and tab.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

/// Renders one story for a terminal; `articles` may be the whole run or only the story's.
pub fn render_story(story: &StoryRecord, articles: &[ArticleRecord]) -> String {
    let digest = &story.digest;
    let mut out = String::new();
    let headline = digest
        .headline
        .as_deref()
        .map_or_else(|| "(no headline)".to_owned(), clean);
    let _ = writeln!(out, "Story {}: {headline}", story.story);
    let mut meta = vec![
        count("article", story.articles.len()),
        count("source", digest.sources.len()),
    ];
    if let Some(first) = &digest.first_seen {
        meta.push(format!("first seen {}", clean(first)));
    }
    if let Some(last) = &digest.last_seen {
        meta.push(format!("last seen {}", clean(last)));
    }
    let _ = writeln!(out, "{}", meta.join(" · "));
    if let Some(report) = &digest.first_report {
        let date = report
            .date
            .as_deref()
            .map(|d| format!(" ({})", clean(d)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "First report: {}{date} — {}",
            clean(&report.id),
            clean(&report.reason)
        );
    }

    if !digest.summary.is_empty() {
        out.push_str("\nSummary\n");
        for (index, sentence) in digest.summary.iter().enumerate() {
            let _ = writeln!(
                out,
                "  {}. {} [{}]",
                index + 1,
                clean(&sentence.text),
                clean(&sentence.article)
            );
        }
    }
    if !digest.event_dates.is_empty() {
        out.push_str("\nDates mentioned\n");
        for date in &digest.event_dates {
            let _ = writeln!(
                out,
                "  {}  \"{}\"  in {}",
                clean(&date.date),
                clean(&date.mentions.join("\", \"")),
                clean(&date.articles.join(", "))
            );
        }
    }
    if !digest.sources.is_empty() {
        out.push_str("\nSources\n");
        for source in &digest.sources {
            let copies = if source.copies > 0 {
                format!(" ({})", count("copy", source.copies))
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "  {:>4}  {}{copies}",
                source.articles,
                clean(&source.source)
            );
        }
    }
    if !digest.families.is_empty() {
        out.push_str("\nWho copied whom\n");
        for family in &digest.families {
            let _ = writeln!(out, "  original {}", clean(&family.original));
            for copy in &family.copies {
                let _ = writeln!(
                    out,
                    "    {} <- {}  {} {:.2}",
                    clean(&copy.copy_of),
                    clean(&copy.id),
                    crate::provenance::kind_label(copy.kind),
                    copy.similarity
                );
            }
        }
    }
    if !digest.entities.is_empty() {
        out.push_str("\nPeople, places and organisations\n");
        for kind in [
            EntityKind::Person,
            EntityKind::Place,
            EntityKind::Organisation,
            EntityKind::Other,
        ] {
            let names: Vec<String> = digest
                .entities
                .iter()
                .filter(|e| e.kind == kind)
                .map(|e| format!("{} ({})", clean(&e.name), e.articles.len()))
                .collect();
            if !names.is_empty() {
                let _ = writeln!(out, "  {}: {}", kind.as_str(), names.join(", "));
            }
        }
    }
    if !digest.disagreements.is_empty() {
        out.push_str("\nWhere the articles disagree\n");
        for disagreement in &digest.disagreements {
            let values: Vec<String> = disagreement
                .values
                .iter()
                .map(|v| {
                    let copies = if v.copies.is_empty() {
                        String::new()
                    } else {
                        format!("; copies: {}", clean(&v.copies.join(", ")))
                    };
                    format!(
                        "{} [{}{copies}]",
                        clean(&v.value),
                        clean(&v.articles.join(", "))
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "  {}: {}",
                clean(&disagreement.about),
                values.join(" vs ")
            );
        }
    }
    out.push_str("\nArticles\n");
    // One pass over `articles` (it may be the whole run), then lookups by id.
    let wanted: FxHashMap<&str, usize> = story
        .articles
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    let mut records: Vec<Option<&ArticleRecord>> = vec![None; story.articles.len()];
    for article in articles {
        if let Some(&position) = wanted.get(article.id.as_str()) {
            records[position].get_or_insert(article);
        }
    }
    for (id, record) in story.articles.iter().zip(records) {
        let title = record
            .and_then(|a| a.title.as_deref())
            .map(clean)
            .unwrap_or_default();
        let date = record
            .and_then(|a| a.date.as_deref())
            .map(|d| format!("  {}", clean(d)))
            .unwrap_or_default();
        let copy = record
            .and_then(|a| a.copy_of.as_deref().map(|of| (of, a.copy_kind)))
            .map(|(of, kind)| {
                format!(
                    "  (copy of {}{})",
                    clean(of),
                    kind.map(|k| format!(", {}", k.as_str()))
                        .unwrap_or_default()
                )
            })
            .unwrap_or_default();
        let _ = writeln!(out, "  {}{date}  {title}{copy}", clean(id));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Digest, SummarySentence};

    fn check(story: &StoryRecord, expected_lines: &[&str]) {
        let text = render_story(story, &[]);
        for line in expected_lines {
            assert!(
                text.lines().any(|l| l == *line),
                "missing line {line:?} in\n{text}"
            );
        }
    }

    #[test]
    fn renders_headline_summary_and_articles() {
        let story = StoryRecord {
            story: 7,
            articles: vec!["a1".to_owned()],
            digest: Digest {
                headline: Some("Floods \u{1b}[31mhit".to_owned()),
                summary: vec![SummarySentence {
                    text: "Water rose.".to_owned(),
                    article: "a1".to_owned(),
                }],
                ..Digest::default()
            },
        };
        check(
            &story,
            &[
                "Story 7: Floods \u{fffd}[31mhit",
                "  1. Water rose. [a1]",
                "  a1  ",
            ],
        );
    }
}
