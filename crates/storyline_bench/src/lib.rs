//! Generated news corpora for end-to-end benchmarks: stories reported by several outlets,
//! with exact copies, near-duplicates, rewrites and per-site boilerplate, as JSONL.
//!
//! The generator is deterministic (its own SplitMix64 generator, seeded): the same
//! `(n_articles, seed)` always gives the same bytes, so benchmark figures are comparable.
//! Articles average about 2.2 KB of text, like real news.
//!
//! ```
//! let mut out = Vec::new();
//! storyline_bench::CorpusSpec { n_articles: 20, seed: 7 }.write_jsonl(&mut out).unwrap();
//! assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 20);
//! ```

pub mod cpu;
mod warc;
mod words;

use std::io::Write;

pub use warc::WarcSpec;

use words::{Rng, Vocabulary};

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct CorpusSpec {
    pub n_articles: usize,
    pub seed: u64,
}

/// One story's fixed facts: the names, place, numbers every report of it shares.
struct Event {
    people: Vec<String>,
    place: String,
    numbers: Vec<u32>,
    topic_words: Vec<usize>,
    day: u32,
}

/// One generated article, before it is written as JSONL or as a crawled page.
#[derive(Debug)]
pub struct Article<'a> {
    pub id: String,
    pub title: &'a str,
    /// ISO day (`2024-MM-DD`).
    pub date: String,
    pub source: String,
    pub url: String,
    /// Paragraphs, one per line.
    pub body: &'a str,
    /// The site's furniture lines (navigation, share prompts) that follow the body.
    pub furniture: &'a [String],
    /// What the generator knows about the article: the answers a run is scored against.
    pub truth: Truth<'a>,
}

/// The generator's answers for one article.
#[derive(Debug, Clone, Copy)]
pub struct Truth<'a> {
    /// The event reported (a copy reports the event of the article it copies).
    pub story: usize,
    /// The article copied, and how: `exact`, `near_duplicate` (a few words edited) or
    /// `rewrite` (every sentence reworded); `None` for an independent report.
    pub copy_of: Option<(&'a str, &'static str)>,
}

impl CorpusSpec {
    /// Writes `n_articles` JSONL records (`id`, `title`, `date`, `source`, `url`, `text`).
    pub fn write_jsonl(&self, out: &mut impl Write) -> std::io::Result<()> {
        self.write_records(out, false)
    }

    /// The same records with the generator's answers added (`truth_story`, and for a copy
    /// `truth_copy_of` and `truth_copy_kind`), for scoring a run: `storyline eval --gold
    /// truth_story`, and `bench/copies/score.py` for the copies. The other fields and the
    /// text are the same bytes as [`CorpusSpec::write_jsonl`]'s.
    pub fn write_jsonl_with_truth(&self, out: &mut impl Write) -> std::io::Result<()> {
        self.write_records(out, true)
    }

    fn write_records(&self, out: &mut impl Write, with_truth: bool) -> std::io::Result<()> {
        self.for_each_article(|article| {
            let mut text = String::with_capacity(article.body.len() + 200);
            text.push_str(article.title);
            text.push('\n');
            text.push_str(article.body);
            for line in article.furniture {
                text.push('\n');
                text.push_str(line);
            }
            let mut record = serde_json::json!({
                "id": article.id,
                "title": article.title,
                "date": article.date,
                "source": article.source,
                "url": article.url,
                "text": text,
            });
            if with_truth {
                record["truth_story"] = article.truth.story.into();
                if let Some((original, kind)) = article.truth.copy_of {
                    record["truth_copy_of"] = original.into();
                    record["truth_copy_kind"] = kind.into();
                }
            }
            serde_json::to_writer(&mut *out, &record)?;
            out.write_all(b"\n")
        })
    }

    /// Generates the corpus article by article (deterministic for a seed).
    pub fn for_each_article(
        &self,
        mut emit: impl FnMut(&Article<'_>) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let mut rng = Rng::new(self.seed);
        let vocabulary = Vocabulary::new(&mut rng);
        let n_sources = 200;
        let furniture: Vec<Vec<String>> = (0..n_sources)
            .map(|_| vocabulary.furniture_lines(&mut rng))
            .collect();
        let mut written = 0usize;
        let mut story_idx = 0usize;
        // Recent articles that copies may be made of: (title, text) and (id, story, day).
        let mut recent: Vec<(String, String)> = Vec::new();
        let mut recent_truth: Vec<(String, usize, u32)> = Vec::new();
        while written < self.n_articles {
            let event = new_event(&vocabulary, &mut rng, story_idx);
            let n_reports = 1 + rng.below(6) as usize;
            for _ in 0..n_reports {
                if written >= self.n_articles {
                    break;
                }
                let source = rng.below(n_sources as u64) as usize;
                let roll = rng.below(100);
                let id = format!("a{written:08}");
                // (index into `recent` of the article copied, kind of copy)
                let mut copied: Option<(usize, &'static str)> = None;
                let (title, body) = if roll < 8 && !recent.is_empty() {
                    // Exact copy of a recent article (syndication).
                    let at = rng.below(recent.len() as u64) as usize;
                    copied = Some((at, "exact"));
                    let (title, body) = &recent[at];
                    (title.clone(), body.clone())
                } else if roll < 14 && !recent.is_empty() {
                    let at = rng.below(recent.len() as u64) as usize;
                    copied = Some((at, "near_duplicate"));
                    let (title, body) = &recent[at];
                    (title.clone(), vocabulary.edit(body, &mut rng))
                } else if roll < 17 && !recent.is_empty() {
                    let at = rng.below(recent.len() as u64) as usize;
                    copied = Some((at, "rewrite"));
                    let (title, body) = &recent[at];
                    (
                        vocabulary.rewrite(title, &mut rng),
                        vocabulary.rewrite(body, &mut rng),
                    )
                } else {
                    let title = vocabulary.sentence(&event_words(&event), &mut rng, 8);
                    let body = report(&vocabulary, &event, &mut rng);
                    (title, body)
                };
                let copied = copied.map(|(at, kind)| (recent_truth[at].clone(), kind));
                let story = copied
                    .as_ref()
                    .map_or(story_idx, |((_, story, _), _)| *story);
                // A copy appears the day its original did or later: dated earlier, it would
                // make the publication date a clue against the truth.
                let first_day = copied.as_ref().map_or(0, |((_, _, day), _)| *day);
                let slot = (recent.len() >= 64).then(|| rng.below(64) as usize);
                let day = first_day.max(event.day + rng.below(3) as u32);
                if let Some(slot) = slot {
                    recent[slot] = (title.clone(), body.clone());
                    recent_truth[slot] = (id.clone(), story, day);
                } else {
                    recent.push((title.clone(), body.clone()));
                    recent_truth.push((id.clone(), story, day));
                }
                emit(&Article {
                    id,
                    title: &title,
                    date: format!("2024-{:02}-{:02}", 1 + day / 28 % 12, 1 + day % 28),
                    source: format!("site{source:03}.example"),
                    url: format!("https://site{source:03}.example/news/{written}"),
                    body: &body,
                    furniture: &furniture[source],
                    truth: Truth {
                        story,
                        copy_of: copied
                            .as_ref()
                            .map(|((original, _, _), kind)| (original.as_str(), *kind)),
                    },
                })?;
                written += 1;
            }
            story_idx += 1;
        }
        Ok(())
    }
}

fn new_event(vocabulary: &Vocabulary, rng: &mut Rng, story_idx: usize) -> Event {
    Event {
        people: (0..3).map(|_| vocabulary.name(rng)).collect(),
        place: vocabulary.name(rng),
        numbers: (0..3).map(|_| 2 + rng.below(500) as u32).collect(),
        topic_words: (0..12).map(|_| vocabulary.content_word(rng)).collect(),
        day: (story_idx as u32 / 50) % 330,
    }
}

fn event_words(event: &Event) -> Vec<String> {
    let mut words: Vec<String> = event.people.clone();
    words.push(event.place.clone());
    words.extend(event.numbers.iter().map(u32::to_string));
    words
}

/// One independent report of an event: ~18 sentences mixing the event's facts and prose.
fn report(vocabulary: &Vocabulary, event: &Event, rng: &mut Rng) -> String {
    let facts = event_words(event);
    let mut paragraphs = Vec::new();
    let n_paragraphs = 3 + rng.below(4) as usize;
    for _ in 0..n_paragraphs {
        let mut paragraph = String::new();
        for sentence_idx in 0..3 {
            if sentence_idx > 0 {
                paragraph.push(' ');
            }
            let n_words = 14 + rng.below(10) as usize;
            let mut sentence = vocabulary.sentence(&facts, rng, n_words);
            let topic = vocabulary.word(event.topic_words[rng.below(12) as usize]);
            sentence.insert_str(0, &format!("{} ", capitalise(topic)));
            paragraph.push_str(&sentence);
        }
        paragraphs.push(paragraph);
    }
    paragraphs.join("\n")
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn records(truth: bool) -> Vec<serde_json::Map<String, Value>> {
        let spec = CorpusSpec {
            n_articles: 3_000,
            seed: 11,
        };
        let mut out = Vec::new();
        if truth {
            spec.write_jsonl_with_truth(&mut out).unwrap();
        } else {
            spec.write_jsonl(&mut out).unwrap();
        }
        out.split(|&byte| byte == b'\n')
            .filter(|line| !line.is_empty())
            .map(|line| serde_json::from_slice(line).unwrap())
            .collect()
    }

    #[test]
    fn answers_are_consistent_and_leave_the_records_as_they_were() {
        let plain = records(false);
        let with_truth = records(true);
        assert_eq!(plain.len(), with_truth.len());
        let mut seen: std::collections::HashMap<&str, (&Value, &Value)> = Default::default();
        let mut kinds = std::collections::BTreeMap::new();
        for (plain, with_truth) in plain.iter().zip(&with_truth) {
            let mut stripped = with_truth.clone();
            stripped.retain(|key, _| !key.starts_with("truth_"));
            assert_eq!(&stripped, plain);
            let id = with_truth["id"].as_str().unwrap();
            if let Some(original) = with_truth.get("truth_copy_of") {
                // The original came earlier, reports the same event, and is not dated later.
                let (story, date) = seen[original.as_str().unwrap()];
                assert_eq!(&with_truth["truth_story"], story);
                assert!(with_truth["date"].as_str() >= date.as_str(), "{id}");
                let kind = with_truth["truth_copy_kind"].as_str().unwrap();
                *kinds.entry(kind.to_string()).or_insert(0) += 1;
            }
            seen.insert(id, (&with_truth["truth_story"], &with_truth["date"]));
        }
        // About 8% exact copies, 6% edited, 3% rewritten.
        let n = with_truth.len() as f64;
        for (kind, share) in [("exact", 0.08), ("near_duplicate", 0.06), ("rewrite", 0.03)] {
            let found = f64::from(kinds.get(kind).copied().unwrap_or(0)) / n;
            assert!((found - share).abs() < 0.015, "{kind}: {found}");
        }
    }
}
