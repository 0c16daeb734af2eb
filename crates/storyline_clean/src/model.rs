//! Learned boilerplate: lines that recur across many different articles, per source and
//! across sources.
//!
//! [`BoilerplateModelBuilder`] sees every article's raw text in a first pass (one builder per
//! parallel shard, then [`BoilerplateModelBuilder::merge`]); [`BoilerplateModelBuilder::build`]
//! keeps the recurring lines in an immutable [`BoilerplateModel`] that [`crate::clean`] queries.
//!
//! Syndicated wire copies make long news sentences recur too, and those are copies, not
//! boilerplate. So each tracked line also keeps a 64-bit "body" bitmap: every article sets the
//! bit of its body fingerprint (the smallest hash among its long lines, which copies share).
//! A line counts as boilerplate only when it recurs in many articles whose bodies differ.
//!
//! Memory is bounded: the builder tracks at most `learn_max_tracked_lines` line hashes per map
//! (24 bytes each plus table overhead); when full it drops the rarest entries (lossy counting),
//! so a line first seen after a prune is undercounted by at most the prune floor. Below the cap
//! the model is exactly the same for any split into shards and any merge order; once pruning
//! starts, which rare lines survive depends on the order articles arrive in.

use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

use crate::text::{line_keys, with_line_buffers, Line, LineBuffers, LineKey};
use crate::CleanConfig;

/// Lines with at least this many words make up an article's body fingerprint.
const BODY_LINE_MIN_WORDS: u32 = 10;

/// Counts of one line across sources (key: line hash).
#[derive(Debug, Clone, Copy, Default)]
struct GlobalStats {
    docs: u32,
    bodies: u64,
    sources: u64,
}

/// Counts of one line within one source (key: line hash mixed with the source hash).
#[derive(Debug, Clone, Copy, Default)]
struct SourceStats {
    docs: u32,
    bodies: u64,
    source: u64,
}

/// Collects corpus statistics (recurring lines, per source) in a first pass.
#[derive(Debug, Default)]
pub struct BoilerplateModelBuilder {
    config: CleanConfig,
    global: FxHashMap<u64, GlobalStats>,
    per_source: FxHashMap<u64, SourceStats>,
    /// Articles seen per source hash, for the share threshold.
    source_docs: FxHashMap<u64, u32>,
    n_docs: u64,
    /// Entries with at most this many documents are dropped at the next prune.
    prune_floor: u32,
}

impl BoilerplateModelBuilder {
    pub fn new(config: &CleanConfig) -> BoilerplateModelBuilder {
        BoilerplateModelBuilder {
            config: config.clone(),
            prune_floor: 1,
            ..Default::default()
        }
    }

    /// Observes one article's raw text.
    pub fn observe(&mut self, source: Option<&str>, text: &str) {
        with_line_buffers(|buffers| self.observe_with(source, text, buffers));
    }

    /// [`BoilerplateModelBuilder::observe`] with the buffers that hold the article's lines.
    fn observe_with(&mut self, source: Option<&str>, text: &str, buffers: &mut LineBuffers) {
        // Only keys are needed here, not the lines' texts (see `text::line_keys`).
        let mut lines = std::mem::take(&mut buffers.keys);
        line_keys(text, buffers, &mut lines);
        let body = body_fingerprint(&lines);
        let source_hash = source_hash(source);
        let mut keys: Vec<u64> = Vec::with_capacity(lines.len());
        keys.extend(
            lines
                .iter()
                .filter(|line| is_learnable_key(line.key, line.folded_len, &self.config))
                .map(|line| line.key),
        );
        buffers.keys = lines;
        keys.sort_unstable();
        keys.dedup();

        self.n_docs += 1;
        let body_bit = 1u64 << (body % 64);
        // Articles without a source count as their own source, so that a line shared only by
        // copies of one body does not look like it spans many sites.
        let source_bit = 1u64 << (source_hash.unwrap_or(body.rotate_left(17)) % 64);
        if let Some(source) = source_hash {
            *self.source_docs.entry(source).or_default() += 1;
        }
        for &key in &keys {
            let stats = self.global.entry(key).or_default();
            stats.docs = stats.docs.saturating_add(1);
            stats.bodies |= body_bit;
            stats.sources |= source_bit;
            if let Some(source) = source_hash {
                let stats = self.per_source.entry(mix(key, source)).or_default();
                stats.docs = stats.docs.saturating_add(1);
                stats.bodies |= body_bit;
                stats.source = source;
            }
        }
        self.prune_if_full();
    }

    /// Folds another shard's observations into this one.
    pub fn merge(&mut self, other: BoilerplateModelBuilder) {
        self.n_docs += other.n_docs;
        self.prune_floor = self.prune_floor.max(other.prune_floor);
        for (source, count) in other.source_docs {
            *self.source_docs.entry(source).or_default() += count;
        }
        for (key, theirs) in other.global {
            let stats = self.global.entry(key).or_default();
            stats.docs = stats.docs.saturating_add(theirs.docs);
            stats.bodies |= theirs.bodies;
            stats.sources |= theirs.sources;
        }
        for (key, theirs) in other.per_source {
            let stats = self.per_source.entry(key).or_default();
            stats.docs = stats.docs.saturating_add(theirs.docs);
            stats.bodies |= theirs.bodies;
            stats.source = theirs.source;
        }
        self.prune_if_full();
    }

    pub fn build(self) -> BoilerplateModel {
        let config = &self.config;
        let mut global = FxHashMap::default();
        for (key, stats) in &self.global {
            let n_sources = stats.sources.count_ones();
            if stats.docs >= config.learn_min_docs_global
                && n_sources >= config.learn_min_sources_global
                && bodies_differ(stats.bodies, stats.docs, config.learn_min_docs_global)
            {
                global.insert(
                    *key,
                    Learned {
                        docs: stats.docs,
                        spread: n_sources,
                    },
                );
            }
        }
        let mut per_source = FxHashMap::default();
        for (key, stats) in &self.per_source {
            let source_docs = self
                .source_docs
                .get(&stats.source)
                .copied()
                .unwrap_or(stats.docs);
            let share = f64::from(stats.docs) / f64::from(source_docs.max(1));
            if stats.docs >= config.learn_min_docs_per_source
                && share >= f64::from(config.learn_min_source_share)
                && bodies_differ(stats.bodies, stats.docs, config.learn_min_docs_per_source)
            {
                per_source.insert(
                    *key,
                    Learned {
                        docs: stats.docs,
                        spread: source_docs,
                    },
                );
            }
        }
        BoilerplateModel {
            global,
            per_source,
            config: self.config,
        }
    }

    /// Number of line hashes currently tracked, for memory accounting.
    pub fn n_tracked_lines(&self) -> usize {
        self.global.len() + self.per_source.len()
    }

    /// Drops the rarest entries when a map outgrows its cap, raising the floor when a prune
    /// frees too little.
    fn prune_if_full(&mut self) {
        let cap = self.config.learn_max_tracked_lines.max(1024);
        while self.global.len() > cap || self.per_source.len() > cap {
            let floor = self.prune_floor;
            self.global.retain(|_, stats| stats.docs > floor);
            self.per_source.retain(|_, stats| stats.docs > floor);
            if self.global.len() * 4 > cap * 3 || self.per_source.len() * 4 > cap * 3 {
                self.prune_floor = self.prune_floor.saturating_add(1);
            }
            if self.prune_floor == u32::MAX {
                break;
            }
        }
    }
}

/// One learned recurring line: in how many articles it appeared, and either the number of
/// sources (global table) or the number of articles of its source (per-source table).
#[derive(Debug, Clone, Copy)]
struct Learned {
    docs: u32,
    spread: u32,
}

/// Immutable corpus statistics used by [`crate::clean`].
#[derive(Debug, Default)]
pub struct BoilerplateModel {
    global: FxHashMap<u64, Learned>,
    per_source: FxHashMap<u64, Learned>,
    config: CleanConfig,
}

impl BoilerplateModel {
    /// Number of lines the model treats as boilerplate (global + per-source entries).
    pub fn len(&self) -> usize {
        self.global.len() + self.per_source.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Why `line` is learned boilerplate for `source`, if it is. Sentence-like lines need
    /// stronger evidence within a source and never qualify across sources, and quoted speech
    /// almost never does: a quote that many outlets carry is news, not furniture.
    ///
    /// `between_paragraphs` says the line sits between two long paragraphs, where a short
    /// label is a subheading of the article rather than a menu entry: there only evidence from
    /// the article's own source counts.
    pub(crate) fn reason(
        &self,
        line: &Line,
        source: &SourceKey<'_>,
        between_paragraphs: bool,
    ) -> Option<String> {
        if self.is_empty() || !is_learnable(line, &self.config) {
            return None;
        }
        let quoted = line.has_quote();
        if let Some(hash) = source.hash {
            if let Some(learned) = self.per_source.get(&mix(line.key, hash)) {
                let sentence_like = line.n_words >= 8 && line.ends_with_sentence_punctuation();
                let factor = if quoted {
                    4
                } else if sentence_like {
                    2
                } else {
                    1
                };
                if learned.docs >= self.config.learn_min_docs_per_source.saturating_mul(factor) {
                    return Some(format!(
                        "line recurs in {} of {} articles of {}",
                        learned.docs, learned.spread, source.name
                    ));
                }
            }
        }
        if between_paragraphs {
            return None;
        }
        let learned = self.global.get(&line.key)?;
        // Across sources only labels qualify: a sentence that many outlets print ("He was
        // 77.") is news, while furniture with a full stop is caught per source.
        // Labels ending in a colon ("Pros:", "Ingredients:") introduce content.
        if quoted || line.ends_with_sentence_punctuation() || line.last_char() == Some(':') {
            return None;
        }
        Some(format!(
            "line recurs in {} articles from {} sources",
            learned.docs, learned.spread
        ))
    }
}

/// An article's source, hashed once per article rather than once per line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SourceKey<'a> {
    name: &'a str,
    hash: Option<u64>,
}

impl<'a> SourceKey<'a> {
    pub(crate) fn new(source: Option<&'a str>) -> SourceKey<'a> {
        SourceKey {
            name: source.map_or("", str::trim),
            hash: source_hash(source),
        }
    }
}

/// Lines short enough to be furniture; longer lines are never learned.
fn is_learnable(line: &Line, config: &CleanConfig) -> bool {
    is_learnable_key(line.key, line.folded.len(), config)
}

/// [`is_learnable`] from a line's key and folded length.
fn is_learnable_key(key: u64, folded_len: usize, config: &CleanConfig) -> bool {
    key != 0 && folded_len <= config.learn_max_line_chars
}

/// Smallest hash among the article's long lines: copies of one body share it with
/// probability equal to their line overlap. Articles of short lines only hash all their lines.
fn body_fingerprint(lines: &[LineKey]) -> u64 {
    let long_min = lines
        .iter()
        .filter(|line| line.n_words >= BODY_LINE_MIN_WORDS)
        .map(|line| line.key)
        .min();
    long_min.unwrap_or_else(|| {
        lines
            .iter()
            .fold(0x9e37_79b9_7f4a_7c15, |acc, line| acc ^ line.key)
    })
}

/// Hash of a source name (case-insensitive, without a leading "www."); never 0.
fn source_hash(source: Option<&str>) -> Option<u64> {
    let name = source?.trim();
    if name.is_empty() {
        return None;
    }
    // Short ASCII names (almost all) are lowercased on the stack; `to_lowercase` gives the
    // same bytes for them, and allocates.
    let mut buffer = [0u8; 64];
    if let Some(lower) = buffer.get_mut(..name.len()).filter(|_| name.is_ascii()) {
        lower.copy_from_slice(name.as_bytes());
        lower.make_ascii_lowercase();
        let bare = lower.strip_prefix(b"www.").unwrap_or(lower);
        return Some(xxh3_64(bare) | 1);
    }
    let lower = name.to_lowercase();
    let bare = lower.strip_prefix("www.").unwrap_or(&lower);
    Some(xxh3_64(bare.as_bytes()) | 1)
}

/// Line hash specialised to one source.
fn mix(key: u64, source: u64) -> u64 {
    xxh3_64_with_seed(&key.to_le_bytes(), source)
}

/// True when a line seen in `docs` articles appeared with many different bodies: at least
/// `min_distinct` distinct body bits, and at least 60% of the bits `docs` distinct bodies
/// would set in a 64-bit bitmap.
fn bodies_differ(bodies: u64, docs: u32, min_distinct: u32) -> bool {
    let distinct = bodies.count_ones();
    let expected = 64.0 * (1.0 - (63.0f64 / 64.0).powi(docs.min(10_000) as i32));
    distinct >= min_distinct.min(64) && f64::from(distinct) >= 0.6 * expected
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a model from `(source, text)` articles and checks which lines of `probe` (cleaned
    /// as from `probe_source`) are learned boilerplate.
    fn check(
        corpus: &[(Option<&str>, String)],
        probe_source: Option<&str>,
        probe: &str,
        expected: &[bool],
    ) {
        let config = CleanConfig::default();
        let mut builder = BoilerplateModelBuilder::new(&config);
        for (source, text) in corpus {
            builder.observe(*source, text);
        }
        let model = builder.build();
        let source = SourceKey::new(probe_source);
        let got: Vec<bool> = crate::text::test_lines(probe)
            .iter()
            .map(|line| model.reason(line, &source, false).is_some())
            .collect();
        assert_eq!(got, expected);
    }

    fn article(index: usize, furniture: &str) -> String {
        format!(
            "Report number {index} on the harbour works of district {index}\n\
             Officials in district {index} said on day {index} that the harbour would reopen after repairs.\n\
             {furniture}\n\
             Workers number {index} had been hired for the repairs in district {index} last spring."
        )
    }

    #[test]
    fn learns_site_lines_per_source() {
        let corpus: Vec<(Option<&str>, String)> = (0..10)
            .map(|index| {
                (
                    Some("gazette.example"),
                    article(index, "Gazette Weekly Digest"),
                )
            })
            .collect();
        let probe = article(99, "Gazette Weekly Digest");
        check(
            &corpus,
            Some("gazette.example"),
            &probe,
            &[false, false, true, false],
        );
        // Another site never showed the line, and one site is not enough for global evidence.
        check(
            &corpus,
            Some("other.example"),
            &probe,
            &[false, false, false, false],
        );
    }

    #[test]
    fn learns_lines_across_sources() {
        let sources = ["a.example", "b.example", "c.example", "d.example"];
        let corpus: Vec<(Option<&str>, String)> = (0..12)
            .map(|index| {
                (
                    Some(sources[index % 4]),
                    article(index, "Network Partner Content Feed"),
                )
            })
            .collect();
        check(
            &corpus,
            None,
            &article(50, "Network Partner Content Feed"),
            &[false, false, true, false],
        );
    }

    #[test]
    fn wire_copies_are_not_boilerplate() {
        // Twelve sites carry the same wire story word for word: every line recurs, none is
        // furniture.
        let sources = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"];
        let corpus: Vec<(Option<&str>, String)> = sources
            .iter()
            .map(|source| (Some(*source), article(7, "Reporting by the wire desk")))
            .collect();
        check(
            &corpus,
            Some("a"),
            &article(7, "Reporting by the wire desk"),
            &[false, false, false, false],
        );
    }

    #[test]
    fn merge_equals_single_pass_and_prune_bounds_memory() {
        let config = CleanConfig {
            learn_max_tracked_lines: 1024,
            ..CleanConfig::default()
        };
        let mut left = BoilerplateModelBuilder::new(&config);
        let mut right = BoilerplateModelBuilder::new(&config);
        for index in 0..600 {
            let text = article(index, "Gazette Weekly Digest");
            if index % 2 == 0 {
                left.observe(Some("gazette"), &text);
            } else {
                right.observe(Some("gazette"), &text);
            }
        }
        left.merge(right);
        assert!(left.n_tracked_lines() <= 2 * 1024);
        let model = left.build();
        let line = &crate::text::test_lines("Gazette Weekly Digest")[0];
        assert!(model
            .reason(line, &SourceKey::new(Some("gazette")), true)
            .is_some());
    }
}
