//! Copy edges: one article is a copy of another, of a given [`CopyKind`], with [`Evidence`].

use serde::{Deserialize, Serialize};

use crate::DocIdx;

/// How an article copies its original.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CopyKind {
    /// The same cleaned text.
    Exact,
    /// The same text with small edits, or one text contained in the other.
    NearDuplicate,
    /// A paraphrase: the same facts in the same order, in other words.
    Rewrite,
}

impl CopyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CopyKind::Exact => "exact",
            CopyKind::NearDuplicate => "near_duplicate",
            CopyKind::Rewrite => "rewrite",
        }
    }
}

/// Why an edge was drawn and why its `original` was chosen as the original.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Evidence {
    /// Named similarity measures between the two texts, e.g. `("shingle_jaccard", 0.93)`.
    pub measures: Vec<(String, f64)>,
    /// Reasons for the direction of the edge, strongest first, e.g.
    /// `"copy carries template filler"`, `"original dated 2024-06-18, copy 2022-12-09"`.
    pub origin: Vec<String>,
}

/// `copy` is a copy of `original`, of kind `kind`, with a similarity in `[0, 1]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyEdge {
    pub copy: DocIdx,
    pub original: DocIdx,
    pub kind: CopyKind,
    pub similarity: f64,
    pub evidence: Evidence,
}
