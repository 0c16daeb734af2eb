//! Copy detection: per-article [`Fingerprint`]s → candidate pairs → verified copy edges,
//! with the original of each copy family chosen from evidence.
//!
//! CONTRACT (used by storyline_pipeline; keep the signatures): `fingerprint` runs per
//! article in parallel and must stay small (bounded bytes per article); `find_copies` runs
//! once over all fingerprints and returns at most one edge per copy, sorted by `copy`.

use storyline_core::CopyEdge;

/// Thresholds for copy detection.
#[derive(Debug, Clone, Default)]
pub struct MatchConfig {}

/// Facts about an article, besides its text, that help decide which copy is the original.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocFacts {
    /// Publication date as days since 1970-01-01, when known.
    pub date_days: Option<i32>,
    /// How many filler / boilerplate removals cleaning made.
    pub n_filler_removed: u32,
}

/// Compact per-article signature. STUB.
#[derive(Debug, Clone, Default)]
pub struct Fingerprint {}

pub fn fingerprint(text: &str, config: &MatchConfig) -> Fingerprint {
    let _ = (text, config);
    Fingerprint {}
}

/// Finds copies among all articles. STUB.
pub fn find_copies(
    fingerprints: &[Fingerprint],
    facts: &[DocFacts],
    config: &MatchConfig,
) -> Vec<CopyEdge> {
    let _ = (fingerprints, facts, config);
    Vec::new()
}
