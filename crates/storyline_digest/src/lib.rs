//! Digests: the articles and copy edges of one story → a [`Digest`] people can read; and
//! the static HTML report built from a run's output directory.
//!
//! CONTRACT (used by storyline_pipeline; keep the signatures).
//!
//! [`build_digest`] takes the articles of one story (as [`StoryArticle`]s borrowed from the
//! pipeline) and the copy edges between them, and returns a [`Digest`]: headline, time span
//! and event dates, sources, the first original report, copy families, named entities, a
//! short non-redundant summary and the facts on which the articles disagree. The pipeline
//! writes one [`StoryRecord`] per story to `stories.jsonl`; [`report::write_report`] turns
//! a run directory into a static HTML site and [`show::render_story`] renders one story for
//! a terminal.
//!
//! Invariants: a digest depends only on its inputs (no clock, no randomness, fixed-seed
//! hashing, every map sorted before it is emitted), so the same story gives the same bytes
//! whatever the thread count; [`build_digest`] never panics on any text and reads at most
//! [`DigestConfig::max_text_articles`] × [`DigestConfig::max_text_bytes`] bytes of a story,
//! so it is O(articles) with a bounded constant and can run per story in parallel. Names,
//! dates and numbers come from small rule sets and word tables in the code; no model is
//! downloaded.
//!
//! ```
//! use storyline_core::{DocIdx, StoryId};
//! use storyline_digest::{build_digest, DigestConfig, StoryArticle};
//!
//! let article = |idx: u32, id, text| StoryArticle {
//!     idx: DocIdx(idx), id, title: None, date: Some("2024-06-18"),
//!     source: None, url: Some("https://news.example.com/a"), text,
//! };
//! let articles = [
//!     article(0, "a", "Flooding hit the town of Riverton on Monday. Mayor Ann Lee said 12 people were rescued."),
//!     article(1, "b", "Mayor Ann Lee said rescuers saved 12 people in Riverton. The river rose overnight."),
//! ];
//! let digest = build_digest(StoryId(0), &articles, &[], &DigestConfig::default());
//! assert_eq!(digest.first_seen.as_deref(), Some("2024-06-18"));
//! assert!(digest.entities.iter().any(|entity| entity.name == "Ann Lee"));
//! assert!(!digest.summary.is_empty());
//! ```

mod dates;
mod disagree;
mod entities;
mod error;
mod lexicon;
mod pool;
mod provenance;
pub mod report;
pub mod show;
mod summary;
mod text;
mod tokens;

use serde::{Deserialize, Serialize};
use storyline_core::output::EvidenceRecord;
use storyline_core::{CopyEdge, CopyKind, DocIdx, StoryId};

pub use error::{Error, Result};

/// Switches for digests.
#[derive(Debug, Clone)]
pub struct DigestConfig {
    /// At most this many articles' texts are read for the summary, entities, event dates and
    /// disagreements; larger stories use their first articles only, so that a digest costs
    /// O(articles) with a bounded constant.
    pub max_text_articles: usize,
    /// At most this many bytes of each article's text are read (cut at a char boundary).
    pub max_text_bytes: usize,
    /// Stories with fewer articles than this are digested from each article's lead only
    /// (its first `lead_text_bytes`): one-article stories are most of a crawl, and a news
    /// article's lead carries its who, what, when and where. This keeps digests cheap.
    pub full_text_min_articles: usize,
    /// Bytes of each article read for stories under `full_text_min_articles`, and of every
    /// copy (it adds no independent facts beyond its lead, where a rewrite's dateline sits).
    pub lead_text_bytes: usize,
    /// Bytes of text read for a whole story, shared evenly by its originals (each still
    /// reads at least its lead and at most `max_text_bytes`): keeps a digest's cost per
    /// article flat, since most of a story's facts are in its articles' leads.
    pub story_text_bytes: usize,
    /// Number of summary sentences wanted (3–5 is readable).
    pub summary_sentences: usize,
    /// At most this many entities are listed.
    pub max_entities: usize,
}

impl Default for DigestConfig {
    fn default() -> Self {
        DigestConfig {
            max_text_articles: 200,
            max_text_bytes: 8_000,
            full_text_min_articles: 2,
            lead_text_bytes: 1_000,
            story_text_bytes: 12_000,
            summary_sentences: 5,
            max_entities: 40,
        }
    }
}

/// One article of a story, as the digest sees it.
#[derive(Debug, Clone, Copy)]
pub struct StoryArticle<'a> {
    pub idx: DocIdx,
    pub id: &'a str,
    pub title: Option<&'a str>,
    /// ISO 8601 date when known.
    pub date: Option<&'a str>,
    pub source: Option<&'a str>,
    pub url: Option<&'a str>,
    /// Cleaned text.
    pub text: &'a str,
}

/// The digest of one story: what a reader needs to know about it at a glance.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
// Missing fields read as empty, so a reader copes with a `stories.jsonl` that lacks parts.
#[serde(default)]
pub struct Digest {
    /// The most representative title of the story (the title sharing the most words with
    /// the other titles), or the most representative lead sentence when no article has a
    /// title; taken from the original (non-copy) articles when any of them has one.
    pub headline: Option<String>,
    /// Earliest article date (`YYYY-MM-DD`, or the article's own ISO timestamp).
    pub first_seen: Option<String>,
    /// Latest article date, in the same form as `first_seen`.
    pub last_seen: Option<String>,
    /// Dates the articles themselves mention (datelines, "on Tuesday, June 18"), resolved
    /// against each article's date; most-mentioned first.
    pub event_dates: Vec<EventDate>,
    /// Outlets (the `source` field, else the URL's domain, else `unknown`) with their counts;
    /// most articles first.
    pub sources: Vec<SourceCount>,
    /// The earliest original report (copies never count), and why it was chosen.
    pub first_report: Option<FirstReport>,
    /// Copy families: each original with the articles that copy it.
    pub families: Vec<Family>,
    /// People, places and organisations named in the story, spelling variants merged;
    /// named in most articles first.
    pub entities: Vec<Entity>,
    /// 3–5 sentences from original (non-copy) articles, most central first, no two
    /// saying the same thing.
    pub summary: Vec<SummarySentence>,
    /// Facts (dates, numbers, names in a role) on which the articles differ.
    pub disagreements: Vec<Disagreement>,
}

/// One line of `stories.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryRecord {
    /// Story number (dense, in order of each story's first article).
    pub story: u32,
    /// Ids of the story's articles, in input order.
    pub articles: Vec<String>,
    /// The digest, flattened into the same JSON object.
    #[serde(flatten)]
    pub digest: Digest,
}

/// A date an article mentions for the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// `YYYY-MM-DD`, or `--MM-DD` when no year could be resolved.
    pub date: String,
    /// The phrases as written ("June 18", "DECEMBER 9, 2022", "Tuesday"), first few.
    pub mentions: Vec<String>,
    /// Ids of the articles that mention this date.
    pub articles: Vec<String>,
}

/// An outlet and how many of the story's articles it published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceCount {
    /// Outlet name or domain, or `unknown`.
    pub source: String,
    /// Number of the story's articles from this outlet.
    pub articles: usize,
    /// How many of those are copies of another article.
    pub copies: usize,
}

/// The earliest original report of a story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirstReport {
    /// Article id.
    pub id: String,
    /// Its date as given, when known.
    pub date: Option<String>,
    /// Why this article was chosen, in words.
    pub reason: String,
}

/// One copy family: an original and every article that copies it (directly or through
/// another copy).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Family {
    /// Id of the original.
    pub original: String,
    /// The copy edges of the family, sorted by copy id.
    pub copies: Vec<FamilyCopy>,
}

/// One copy edge inside a family.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FamilyCopy {
    /// Id of the copy.
    pub id: String,
    /// Id of the article it copies (the family original, or another copy).
    pub copy_of: String,
    pub kind: CopyKind,
    /// Similarity in `[0, 1]`, as found by the matcher.
    pub similarity: f64,
    /// Why the edge was drawn and why its direction.
    pub evidence: EvidenceRecord,
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Place,
    Organisation,
    /// A capitalised name whose kind the simple rules could not tell.
    Other,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organisation => "organisation",
            EntityKind::Other => "other",
        }
    }
}

/// A person, place or organisation named in the story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// The fullest, most frequent spelling.
    pub name: String,
    pub kind: EntityKind,
    /// Every spelling seen (including `name`), sorted.
    pub variants: Vec<String>,
    /// Number of mentions across the story.
    pub mentions: usize,
    /// Ids of the articles that name it, in input order.
    pub articles: Vec<String>,
}

/// One summary sentence, verbatim from an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummarySentence {
    pub text: String,
    /// Id of the article it is taken from.
    pub article: String,
}

/// What kind of fact articles disagree on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisagreementKind {
    /// The date of the event (datelines and dated mentions).
    Date,
    /// A number with a role: an age, a count of people, an amount of money, a magnitude.
    Number,
    /// Different names in the same role ("defense minister X" vs "defense minister Y").
    Name,
}

impl DisagreementKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DisagreementKind::Date => "date",
            DisagreementKind::Number => "number",
            DisagreementKind::Name => "name",
        }
    }
}

/// A fact on which articles give different values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disagreement {
    pub kind: DisagreementKind,
    /// What the fact is, e.g. `event date`, `age of Tara Reid`, `killed`, `defense minister`.
    pub about: String,
    /// The values given, most independent support first.
    pub values: Vec<DisagreementValue>,
}

/// One value of a disputed fact and who gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisagreementValue {
    pub value: String,
    /// Ids of every article giving this value, in input order.
    pub articles: Vec<String>,
    /// Those of `articles` that are copies of another article (no independent confirmation).
    pub copies: Vec<String>,
    /// Number of non-copy articles giving this value.
    pub independent: usize,
}

/// Builds one story's digest; `copies` are the edges whose both ends are in `articles`.
pub fn build_digest(
    story: StoryId,
    articles: &[StoryArticle<'_>],
    copies: &[CopyEdge],
    config: &DigestConfig,
) -> Digest {
    // The story number does not change the digest; it is part of the contract so that
    // future diagnostics can name the story.
    let _ = story;
    let story_view = provenance::StoryView::new(articles, copies);
    let texts = text::StoryTexts::new(articles, &story_view, config);
    let dated = dates::story_dates(articles, &texts);
    let entities = entities::find_entities(&texts, config.max_entities);
    Digest {
        headline: provenance::headline(articles, &texts),
        first_seen: dated.first_seen.clone(),
        last_seen: dated.last_seen.clone(),
        event_dates: dated.event_dates.clone(),
        sources: provenance::sources(articles, &story_view),
        first_report: provenance::first_report(articles, &story_view, &dated),
        families: provenance::families(articles, &story_view),
        summary: summary::summarise(&texts, config.summary_sentences),
        disagreements: disagree::find_disagreements(&texts, &dated, &entities),
        entities: entities.into_entities(),
    }
}
