//! Copy detection: per-article [`Fingerprint`]s → candidate pairs → verified copy edges,
//! with the original of each copy family chosen from evidence.
//!
//! CONTRACT (used by storyline_pipeline; keep the signatures): [`fingerprint`] runs per
//! article in parallel and must stay small (bounded bytes per article); [`find_copies`] runs
//! once over all fingerprints and returns at most one edge per copy, sorted by `copy`.
//!
//! Invariants: a fingerprint is bounded (≈1 KB for a 2 KB article, ≤ ~3.5 KB for any text,
//! see [`Fingerprint::size_bytes`]); `find_copies` never compares all pairs (LSH buckets are
//! capped, candidates per article are capped) and its output does not depend on the thread
//! count or on hash-map order; no input text can make either function panic.
//!
//! Data flow, one module per step:
//! `text.rs` (tokens) → `sketch.rs` ([`Fingerprint`]) → `candidates.rs` (LSH / inverted
//! index, near-linear) → `verify.rs` (exact, near-duplicate, rewrite) → `origin.rs`
//! (families, originals, evidence).
//!
//! ```
//! use storyline_match::{find_copies, fingerprint, DocFacts, MatchConfig};
//! use storyline_core::CopyKind;
//!
//! let config = MatchConfig::default();
//! let story = "The council approved the budget on Monday after a long debate. \
//!     Mayor Ana Ruiz said the plan adds 40 buses and repairs three bridges. \
//!     Opposition members argued that taxes would rise for small shops. \
//!     The vote passed nine to four and takes effect in January.";
//! let page = format!("Morning briefing: what you need to know in the city today. {story} \
//!     Subscribe to our newsletter for more local news and weather every morning.");
//! let fingerprints = [fingerprint(&page, &config), fingerprint(story, &config)];
//! let edges = find_copies(&fingerprints, &[DocFacts::default(), DocFacts::default()], &config);
//! assert_eq!(edges.len(), 1);
//! assert_eq!((edges[0].copy.0, edges[0].original.0), (0, 1)); // the page wraps the story
//! assert_eq!(edges[0].kind, CopyKind::NearDuplicate);
//! ```

mod candidates;
mod origin;
mod quotes;
mod sketch;
mod store;
#[cfg(test)]
mod tests_support;
mod text;
mod typography;
mod verify;
mod words;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use storyline_core::CopyEdge;

pub use sketch::Fingerprint;
pub use store::FingerprintStore;

/// Errors of this crate: only a configuration can be wrong; any text is valid input.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A threshold or cap is outside its meaningful range.
    #[error("invalid match config: `{field}` {reason}")]
    InvalidConfig {
        field: &'static str,
        reason: &'static str,
    },
}

pub type Result<T> = std::result::Result<T, Error>;

/// Thresholds and caps for copy detection. Fingerprints built with one config must be
/// compared with the same config.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MatchConfig {
    /// Words per shingle for near-duplicate detection.
    pub shingle_words: usize,
    /// Articles shorter than this (in words) are never copies nor originals: short texts
    /// ("Subscribe", a one-line caption) repeat everywhere by chance.
    pub min_words: u32,
    /// Estimated shingle Jaccard from which two texts are near-duplicates. 0.5, not 0.7: a
    /// copy with 5% of words replaced keeps only ~77% of its 5-grams, i.e. Jaccard ≈ 0.63.
    pub near_duplicate_jaccard: f64,
    /// Share of the smaller text found in the larger from which one contains the other.
    pub near_duplicate_containment: f64,
    /// Estimated content-word Jaccard a pair needs before sentence alignment is tried. The
    /// alignment, not this floor, tells independent reports apart: ECB+ gains no link with
    /// it as low as 0.25. A rewrite that merges and splits sentences shares fewer words
    /// (0.33 for probe ho12's, `bench/probes`); 0.30 finds it, at 0.2% more instructions.
    pub rewrite_content_jaccard: f64,
    /// Dice similarity of content words from which two sentences align.
    pub rewrite_sentence_similarity: f64,
    /// Share of EACH article's sentences that the monotone alignment must cover.
    pub rewrite_coverage: f64,
    /// A rewrite padded with commentary (or a condensed copy) covers little of the longer
    /// text: when the alignment covers at least this share of one article's sentences...
    /// (0.75: at 0.8, two content farms' shortened rewrites of nine new probe sets were
    /// missed at 0.79 and 0.78; no edge of ECB+ or the generated corpora changes.)
    pub rewrite_padded_coverage: f64,
    /// ...the other needs only this share covered.
    pub rewrite_padded_min_coverage: f64,
    /// A condensed rewrite (a content farm's short version of a long article) has at most
    /// this share of the other's sentences...
    pub rewrite_condensed_ratio: f64,
    /// ...and shares fewer of its words: such a pair needs only this content-word Jaccard
    /// before alignment is tried...
    pub rewrite_condensed_content_jaccard: f64,
    /// ...and is a rewrite when the alignment covers this share of the shorter article's
    /// sentences, whatever share of the longer one's. Nearly all: an independent brief on
    /// the same event tells its facts in much the same order, but not every one of them in
    /// the longer report's words. (0.9: at 0.95, three blind probe sets' condensed rewrites
    /// were missed, their shorter side covered 0.90–0.92, and so was ECB+'s 19_11, a brief
    /// "according to RussiaToday" of RT's 19_6, at 0.93; of the 1,090 pairs of the 109 probe
    /// sets, no pair of independent reports with five sentences or more and the content
    /// Jaccard asked for covers 0.8 of its shorter side.)
    pub rewrite_condensed_coverage: f64,
    /// A rewrite that rewords nearly every content word ("a rewrite tool's" paraphrase)
    /// shares few of them: such a pair needs only this content-word Jaccard...
    pub rewrite_ordered_content_jaccard: f64,
    /// ...and is a rewrite when the alignment covers at least this share of EACH article's
    /// sentences...
    pub rewrite_ordered_coverage: f64,
    /// ...and, on each side, this share of the sentences from its first aligned sentence to
    /// its last: it retells the whole story in order, where two reports of one event agree
    /// on a few facts and tell the rest apart.
    pub rewrite_ordered_span_coverage: f64,
    /// A long rewrite on a page that keeps furniture or comments (a rewrite of a story in
    /// which most of either page's sentences are not the story) covers little of either
    /// side: such a pair is a rewrite when at least this many sentences align in order...
    pub rewrite_chain_sentences: usize,
    /// ...with at least this content-word Jaccard...
    pub rewrite_chain_content_jaccard: f64,
    /// ...covering this share of each article's sentences...
    pub rewrite_chain_coverage: f64,
    /// ...and this share of each side's sentences from its first aligned sentence to its
    /// last. (7, 0.35, 0.4, 0.65: three of eighteen blind probe sets' rewrites, covered
    /// 0.40–0.48 and 0.67–1.0 of their spans with chains of 7 to 11, were missed without
    /// it; of the independent reports in 127 probe sets and of ECB+'s pairs sharing no
    /// five 6-grams, none with 7 aligned sentences or more covers more than 0.61 of its
    /// span, and ECB+'s edges do not change.)
    pub rewrite_chain_span_coverage: f64,
    /// Fewest aligned sentences (and sentences per article) for a rewrite.
    pub rewrite_min_sentences: usize,
    /// Sentence hashes kept per article (containment of a story in a long page).
    pub max_sentence_hashes: usize,
    /// Sentences kept per article for alignment (at most 255).
    pub max_aligned_sentences: usize,
    /// LSH buckets larger than this are chained (each member paired with a few neighbours)
    /// instead of expanded into all pairs.
    pub max_bucket: usize,
    /// Candidate pairs kept per article, the ones sharing the most keys.
    pub max_candidates_per_doc: usize,
    /// Runs of at most this many articles (long enough to match) also compare the MinHash
    /// signatures of every pair, so that a small run does not depend on LSH's luck (see
    /// `candidates.rs`); 0 turns it off.
    pub exhaustive_max_docs: usize,
}

impl Default for MatchConfig {
    fn default() -> Self {
        Self {
            shingle_words: 5,
            min_words: 20,
            near_duplicate_jaccard: 0.5,
            near_duplicate_containment: 0.8,
            rewrite_content_jaccard: 0.30,
            rewrite_sentence_similarity: 0.3,
            rewrite_coverage: 0.6,
            rewrite_padded_coverage: 0.75,
            rewrite_padded_min_coverage: 0.45,
            rewrite_condensed_ratio: 0.6,
            rewrite_condensed_content_jaccard: 0.15,
            rewrite_condensed_coverage: 0.9,
            rewrite_ordered_content_jaccard: 0.22,
            rewrite_ordered_coverage: 0.5,
            rewrite_ordered_span_coverage: 0.75,
            rewrite_chain_sentences: 7,
            rewrite_chain_content_jaccard: 0.35,
            rewrite_chain_coverage: 0.4,
            rewrite_chain_span_coverage: 0.65,
            rewrite_min_sentences: 5,
            max_sentence_hashes: 256,
            max_aligned_sentences: 64,
            max_bucket: 64,
            max_candidates_per_doc: 32,
            exhaustive_max_docs: 2_000,
        }
    }
}

impl MatchConfig {
    /// Checks that every field is in range; the pipeline calls this once before a run.
    pub fn validate(&self) -> Result<()> {
        let share = |field: &'static str, value: f64| {
            if (0.0..=1.0).contains(&value) {
                Ok(())
            } else {
                Err(Error::InvalidConfig {
                    field,
                    reason: "must be between 0 and 1",
                })
            }
        };
        share("near_duplicate_jaccard", self.near_duplicate_jaccard)?;
        share(
            "near_duplicate_containment",
            self.near_duplicate_containment,
        )?;
        share("rewrite_content_jaccard", self.rewrite_content_jaccard)?;
        share(
            "rewrite_sentence_similarity",
            self.rewrite_sentence_similarity,
        )?;
        share("rewrite_coverage", self.rewrite_coverage)?;
        share("rewrite_padded_coverage", self.rewrite_padded_coverage)?;
        share(
            "rewrite_padded_min_coverage",
            self.rewrite_padded_min_coverage,
        )?;
        share("rewrite_condensed_ratio", self.rewrite_condensed_ratio)?;
        share(
            "rewrite_condensed_content_jaccard",
            self.rewrite_condensed_content_jaccard,
        )?;
        share(
            "rewrite_condensed_coverage",
            self.rewrite_condensed_coverage,
        )?;
        share(
            "rewrite_ordered_content_jaccard",
            self.rewrite_ordered_content_jaccard,
        )?;
        share("rewrite_ordered_coverage", self.rewrite_ordered_coverage)?;
        share(
            "rewrite_ordered_span_coverage",
            self.rewrite_ordered_span_coverage,
        )?;
        share(
            "rewrite_chain_content_jaccard",
            self.rewrite_chain_content_jaccard,
        )?;
        share("rewrite_chain_coverage", self.rewrite_chain_coverage)?;
        share(
            "rewrite_chain_span_coverage",
            self.rewrite_chain_span_coverage,
        )?;
        if !(1..=16).contains(&self.shingle_words) {
            return Err(Error::InvalidConfig {
                field: "shingle_words",
                reason: "must be between 1 and 16",
            });
        }
        if !(1..=255).contains(&self.max_aligned_sentences) {
            return Err(Error::InvalidConfig {
                field: "max_aligned_sentences",
                reason: "must be between 1 and 255",
            });
        }
        if self.max_bucket < 2 || self.max_candidates_per_doc == 0 {
            return Err(Error::InvalidConfig {
                field: "max_bucket",
                reason: "needs at least 2 (and 1 candidate per doc)",
            });
        }
        Ok(())
    }
}

/// Facts about an article, besides its text, that help decide which copy is the original.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocFacts {
    /// Publication date as days since 1970-01-01, when known.
    pub date_days: Option<i32>,
    /// How many template filler passages cleaning removed (lorem ipsum, "It is a long
    /// established fact…"): text no newsroom writes, only a content farm's template, so the
    /// strongest sign of a copy besides containment. Site furniture is not counted: every
    /// outlet's page has its own (see `origin.rs`).
    pub n_template_filler: u32,
}

/// Builds the bounded fingerprint of one article's CLEANED text. Any text is fine (empty,
/// huge, any script); about 1 KB for a 2 KB article, never more than ~3.5 KB.
pub fn fingerprint(text: &str, config: &MatchConfig) -> Fingerprint {
    sketch::build(text, config)
}

/// Finds copies among all articles: at most one edge per copy, pointing at the original of
/// its copy family, sorted by `copy`. `facts[i]` belongs to `fingerprints[i]`; missing facts
/// count as unknown. Deterministic whatever the thread count.
pub fn find_copies(
    fingerprints: &[Fingerprint],
    facts: &[DocFacts],
    config: &MatchConfig,
) -> Vec<CopyEdge> {
    find_copies_in(fingerprints, facts, config)
}

/// [`find_copies`] over fingerprints kept anywhere, e.g. in a scratch file (see
/// [`FingerprintStore`]): the same edges, while holding only a few bytes per article.
pub fn find_copies_in<S: FingerprintStore + ?Sized>(
    store: &S,
    facts: &[DocFacts],
    config: &MatchConfig,
) -> Vec<CopyEdge> {
    find_copies_alongside(store, facts, config, || ()).0
}

/// [`find_copies_in`], running `alongside` on the thread pool at the same time as the
/// verification of candidate pairs, and returning its result too. Verification has idle
/// moments a second job fills; the candidate stage before it, the matcher's memory peak,
/// runs alone, so the two jobs' memory peaks do not add up.
pub fn find_copies_alongside<S, R>(
    store: &S,
    facts: &[DocFacts],
    config: &MatchConfig,
    alongside: impl FnOnce() -> R + Send,
) -> (Vec<CopyEdge>, R)
where
    S: FingerprintStore + ?Sized,
    R: Send,
{
    let (pairs, clues) = candidates::candidate_pairs(store, config);
    let verify = || {
        // Pairs come sorted by `left`: each run of one `left` reads that fingerprint once.
        let runs: Vec<&[(u32, u32)]> = pairs.chunk_by(|a, b| a.0 == b.0).collect();
        // Each worker reads into the same two fingerprints and buffer, pair after pair.
        let links: Vec<origin::Linked> = runs
            .par_iter()
            .map_init(
                || (Fingerprint::default(), Fingerprint::default(), Vec::new()),
                |(left, right, scratch), run| {
                    store.get_into(run[0].0 as usize, left, scratch);
                    run.iter()
                        .filter_map(|&(left_doc, right_doc)| {
                            store.get_into(right_doc as usize, right, scratch);
                            let link = verify::verify(left, right, config)?;
                            Some((left_doc, right_doc, link))
                        })
                        .collect::<Vec<_>>()
                },
            )
            .flat_map_iter(|links| links)
            .collect();
        origin::edges_from_links(&links, &clues, facts)
    };
    rayon::join(verify, alongside)
}
