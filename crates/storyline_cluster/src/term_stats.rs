//! Corpus statistics of terms: term hash → document frequency and IDF ([`TermTable`]).
//!
//! [`crate::vectors::VectorStore::build`] counts every article's feature terms here, turns
//! the counts into IDFs once per distinct term, then looks each term up again to weigh it.
//! A term's slot number doubles as a dense term id: the inverted index of
//! [`crate::candidates`] is an array over slots, so the candidate search hashes nothing.

use crate::ClusterConfig;

/// Statistics of one distinct term.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct TermStats {
    /// The term hash.
    pub(crate) term: u32,
    /// Articles whose features hold the term (0 marks an empty slot).
    pub(crate) df: u32,
    /// Inverse document frequency (see [`idf`]), set by [`TermTable::set_idf`].
    pub(crate) idf: f32,
}

/// Term hash → [`TermStats`]: open addressing with linear probing on the hash's own low bits
/// (term hashes are already uniform). One slot holds the key and its statistics together, so
/// a lookup costs one cache line where a general map read a control group and then a
/// bucket elsewhere; with some hundred thousand distinct terms the table outgrows the
/// cache and those misses were most of the weighing time.
#[derive(Debug, Clone)]
pub(crate) struct TermTable {
    /// Power-of-two many slots, at most half full.
    slots: Vec<TermStats>,
    n_terms: usize,
}

/// Slots of a fresh table.
const INITIAL_SLOTS: usize = 1024;

impl Default for TermTable {
    fn default() -> Self {
        TermTable {
            slots: vec![TermStats::default(); INITIAL_SLOTS],
            n_terms: 0,
        }
    }
}

impl TermTable {
    /// Counts one more article holding `term`.
    pub(crate) fn count(&mut self, term: u32) {
        if (self.n_terms + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut slot = term as usize & mask;
        // At most half full, so the probe ends at the term or at a gap.
        while let Some(entry) = self.slots.get_mut(slot) {
            if entry.df == 0 {
                *entry = TermStats {
                    term,
                    df: 1,
                    idf: 0.0,
                };
                self.n_terms += 1;
                return;
            }
            if entry.term == term {
                entry.df += 1;
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let n_slots = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![TermStats::default(); n_slots]);
        let mask = n_slots - 1;
        for stats in old.into_iter().filter(|stats| stats.df != 0) {
            let mut slot = stats.term as usize & mask;
            while self.slots.get(slot).is_some_and(|held| held.df != 0) {
                slot = (slot + 1) & mask;
            }
            if let Some(entry) = self.slots.get_mut(slot) {
                *entry = stats;
            }
        }
    }

    /// Sets every term's IDF from its document frequency (once per distinct term: a
    /// logarithm each).
    pub(crate) fn set_idf(&mut self, n_docs: f32, config: &ClusterConfig) {
        for stats in self.slots.iter_mut().filter(|stats| stats.df != 0) {
            stats.idf = idf(stats.df, n_docs, config);
        }
    }

    /// Reads the first slot of each term so that the look-ups or counts that follow find
    /// it in cache. These reads do not wait on one another, so the processor overlaps
    /// their cache misses, where a probe loop waits for each miss in turn.
    pub(crate) fn warm(&self, terms: impl Iterator<Item = u32>) {
        let mask = self.slots.len() - 1;
        let mut sink = 0u32;
        for term in terms {
            sink ^= self
                .slots
                .get(term as usize & mask)
                .map_or(0, |held| held.df);
        }
        std::hint::black_box(sink);
    }

    /// The slot of `term`, if it was counted.
    #[inline]
    pub(crate) fn slot_of(&self, term: u32) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut slot = term as usize & mask;
        loop {
            let held = self.slots.get(slot)?;
            if held.df == 0 {
                return None;
            }
            if held.term == term {
                return u32::try_from(slot).ok();
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The statistics in `slot` (empty statistics for an empty or unknown slot).
    #[inline]
    pub(crate) fn stats(&self, slot: u32) -> TermStats {
        self.slots.get(slot as usize).copied().unwrap_or_default()
    }

    /// Number of slots: slot numbers are below it.
    pub(crate) fn n_slots(&self) -> usize {
        self.slots.len()
    }
}

/// `ln((N + 1) / df)`, N floored at `min_idf_docs`, raised to `idf_power`.
pub(crate) fn idf(df: u32, n_docs: f32, config: &ClusterConfig) -> f32 {
    let df = df.max(1);
    let mut idf = ((n_docs.max(config.min_idf_docs) + 1.0) / df as f32)
        .ln()
        .max(0.0);
    if config.idf_power != 1.0 {
        idf = idf.powf(config.idf_power);
    }
    idf
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts `terms` and checks each expected (term, df); terms not listed must be absent.
    fn check(terms: &[u32], expected: &[(u32, u32)]) {
        let mut table = TermTable::default();
        for &term in terms {
            table.count(term);
        }
        for &(term, df) in expected {
            let slot = table.slot_of(term);
            assert!(slot.is_some(), "term {term} missing");
            let stats = table.stats(slot.unwrap_or(0));
            assert_eq!((stats.term, stats.df), (term, df));
        }
        let mut distinct = terms.to_vec();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(table.n_terms, distinct.len());
    }

    #[test]
    fn counts_collide_and_grow() {
        check(&[], &[]);
        check(&[7, 7, 0, 7], &[(7, 3), (0, 1)]);
        // Same low bits (one probe chain), and enough terms to grow several times.
        let clashing: Vec<u32> = (0..40).map(|i| i << 20).collect();
        let expected: Vec<(u32, u32)> = clashing.iter().map(|&term| (term, 1)).collect();
        check(&clashing, &expected);
        let many: Vec<u32> = (0..5000u32)
            .map(|i| i.wrapping_mul(2_654_435_761) % 3000)
            .collect();
        let mut want = std::collections::BTreeMap::new();
        for &term in &many {
            *want.entry(term).or_insert(0) += 1;
        }
        let expected: Vec<(u32, u32)> = want.into_iter().collect();
        check(&many, &expected);
    }

    #[test]
    fn unknown_terms_have_no_slot() {
        let mut table = TermTable::default();
        table.count(5);
        assert_eq!(table.slot_of(6), None);
        assert_eq!(table.stats(u32::MAX), TermStats::default());
    }
}
