//! Output records: one line of `articles.jsonl` ([`ArticleRecord`]) and of `copies.jsonl`
//! ([`CopyRecord`]). The pipeline writes them; the report and `show` read them back.
//! Field meanings are documented in `docs/formats.md`; [`FORMAT_VERSION`] names the version.

use serde::{Deserialize, Serialize};

use crate::{CopyKind, Removal};

/// Version of the output formats; bumped on any breaking change to a field.
pub const FORMAT_VERSION: &str = "1";

/// What happened to an input article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArticleStatus {
    /// Cleaned, matched and filed into a story.
    Ok,
    /// No text left after reading or cleaning; kept in the output, in no story.
    Empty,
    /// An HTML page that is not an article (error page, paywall stub); in no story.
    NotArticle,
}

/// One line of `articles.jsonl`, in input order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    pub id: String,
    /// Story number (dense, in order of each story's first article); `None` for articles that
    /// are in no story (status not `ok`).
    pub story: Option<u32>,
    pub status: ArticleStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date as given by the input (or extracted from HTML).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Id of the original when this article is a copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_kind: Option<CopyKind>,
    /// Cleaned text.
    pub text: String,
    /// What cleaning removed, where and why.
    pub removals: Vec<Removal>,
    /// Fields of the input record that storyline does not read, kept verbatim.
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// One line of `copies.jsonl`: `copy` copies `original`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyRecord {
    pub copy: String,
    pub original: String,
    pub kind: CopyKind,
    /// Similarity in `[0, 1]`: shingle Jaccard for exact and near-duplicate copies, share of
    /// aligned sentences for rewrites.
    pub similarity: f64,
    pub evidence: EvidenceRecord,
}

/// The evidence of a copy edge, as written out.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EvidenceRecord {
    /// Named similarity measures, e.g. `{"shingle_jaccard": 0.93, "containment": 1.0}`.
    pub measures: std::collections::BTreeMap<String, f64>,
    /// Why `original` is the original, strongest reason first.
    pub origin: Vec<String>,
}
