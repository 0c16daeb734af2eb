//! Term counts of one article: term hash → [`Tally`] in a [`TallyTable`], and the sort of
//! the terms kept ([`sort_by_top_bits`]).
//!
//! [`crate::features`] counts nearly every token of an article here, then reads the tallies
//! back to choose the terms it keeps. The table is reused from one article to the next
//! (one per thread), so its memory is allocated once.

use crate::features::TermKind;

/// Counts of one term inside one article, before its kind is settled. A slot of the table:
/// count 0 marks an empty slot.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tally {
    pub(crate) hash: u32,
    pub(crate) count: u32,
    /// Capitalised occurrences minus lowercase ones (one number where two counts were only
    /// ever compared: 16-byte slots).
    pub(crate) capital_balance: i32,
    /// Set when an occurrence fixed the kind (a number, a name pair).
    pub(crate) kind: Option<TermKind>,
}

impl Tally {
    /// The kind once all occurrences are in: a fixed kind, else a name when written
    /// capitalised more often than lowercase.
    pub(crate) fn settled_kind(&self) -> TermKind {
        self.kind.unwrap_or(if self.capital_balance > 0 {
            TermKind::Name
        } else {
            TermKind::Word
        })
    }
}

/// Term hash → tally: open addressing with linear probing on the hash's own low bits (term
/// hashes are already uniform), which spares the hashing and control bytes of a general
/// map on the per-token hot path. The slots hold the tallies themselves; `filled` lists the
/// slots in use, so reading the tallies back and emptying the table touch no empty slots.
///
/// Counting does not branch on whether a term is new: that is a coin toss per token, and
/// every wrong guess cost the processor a pipeline flush. The slot's index is written to
/// `filled` either way and kept only when the slot was empty.
#[derive(Debug, Clone, Default)]
pub(crate) struct TallyTable {
    /// Power-of-two many slots, at most half full.
    slots: Vec<Tally>,
    /// `filled[..n_filled]`: the slots in use, in the order their terms first came.
    filled: Vec<u32>,
    n_filled: usize,
}

/// Slots of a fresh table: a typical article's distinct terms fill under a fifth of it, so
/// most look-ups end at their first slot.
const INITIAL_SLOTS: usize = 1024;

impl TallyTable {
    /// Empties the table for the next article, keeping its memory unless an outsized
    /// article made it grow.
    pub(crate) fn clear(&mut self) {
        if self.slots.len() != INITIAL_SLOTS {
            self.slots = vec![Tally::default(); INITIAL_SLOTS];
            self.filled = vec![0; INITIAL_SLOTS / 2];
        } else {
            for &slot in self.filled.get(..self.n_filled).unwrap_or_default() {
                if let Some(tally) = self.slots.get_mut(slot as usize) {
                    *tally = Tally::default();
                }
            }
        }
        self.n_filled = 0;
    }

    /// Counts `times` more occurrences of `hash` and returns its tally. Inlined at each of
    /// its few callers: it runs for nearly every token.
    #[inline(always)]
    pub(crate) fn count(&mut self, hash: u32, times: u32) -> &mut Tally {
        if (self.n_filled + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut slot = hash as usize & mask;
        // The table is at most half full, so the probe ends at the hash or at a gap.
        // One test per probed slot: go on while the slot holds another term. The minimum is
        // 0 when the slot holds this term or is empty, so whether the term is new is not
        // a branch (two tests in turn made it one).
        while self.slots[slot].count.min(self.slots[slot].hash ^ hash) != 0 {
            slot = (slot + 1) & mask;
        }
        let is_new = self.slots[slot].count == 0;
        // In bounds: at most half the slots are filled, and `filled` has half as many.
        if let Some(entry) = self.filled.get_mut(self.n_filled) {
            *entry = slot as u32;
        }
        self.n_filled += usize::from(is_new);
        let tally = &mut self.slots[slot];
        tally.hash = hash;
        tally.count += times;
        tally
    }

    /// The tallies counted since the last [`TallyTable::clear`], in the order their terms
    /// first came.
    pub(crate) fn tallies(&self) -> impl ExactSizeIterator<Item = Tally> + '_ {
        let filled = self.filled.get(..self.n_filled).unwrap_or_default();
        // Of known length (a filled slot is always in the table; the default is never
        // read), so that collecting them needs no capacity test per tally.
        filled
            .iter()
            .map(|&slot| self.slots.get(slot as usize).copied().unwrap_or_default())
    }

    /// The tally of `hash`, if counted.
    pub(crate) fn get(&self, hash: u32) -> Option<Tally> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut slot = hash as usize & mask;
        loop {
            let &tally = self.slots.get(slot)?;
            if tally.count == 0 {
                return None;
            }
            if tally.hash == hash {
                return Some(tally);
            }
            slot = (slot + 1) & mask;
        }
    }

    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        let n_slots = (self.slots.len() * 2).max(16);
        let old_slots = std::mem::replace(&mut self.slots, vec![Tally::default(); n_slots]);
        let old_filled = std::mem::replace(&mut self.filled, vec![0; n_slots / 2]);
        let mask = n_slots - 1;
        for (entry, &old_slot) in old_filled.iter().take(self.n_filled).enumerate() {
            let Some(&tally) = old_slots.get(old_slot as usize) else {
                continue;
            };
            let mut slot = tally.hash as usize & mask;
            while self.slots.get(slot).is_some_and(|held| held.count != 0) {
                slot = (slot + 1) & mask;
            }
            if let (Some(held), Some(filled)) =
                (self.slots.get_mut(slot), self.filled.get_mut(entry))
            {
                *held = tally;
                *filled = slot as u32;
            }
        }
    }
}

/// Sorts `keys` (distinct) ascending: placed by their top six bits with one counting pass,
/// then an insertion sort puts right the few that share those bits. For the sixty-odd
/// kept terms of an article, whose hashes are uniform, this is a third of the cost of a
/// general sort; longer lists take the general sort. `scratch` is reused buffer space.
pub(crate) fn sort_by_top_bits(keys: &mut Vec<u64>, scratch: &mut Vec<u64>) {
    const N_BUCKETS: usize = 64;
    if keys.len() > 4 * N_BUCKETS {
        keys.sort_unstable();
        return;
    }
    // The kept keys hold a 32-bit hash above 16 bits: bits 42..48 are its top six.
    let bucket = |key: u64| (key >> 42) as usize % N_BUCKETS;
    let mut starts = [0usize; N_BUCKETS + 1];
    for &key in keys.iter() {
        if let Some(count) = starts.get_mut(bucket(key) + 1) {
            *count += 1;
        }
    }
    for position in 1..starts.len() {
        starts[position] += starts[position - 1];
    }
    scratch.clear();
    scratch.resize(keys.len(), 0);
    for &key in keys.iter() {
        if let Some(start) = starts.get_mut(bucket(key)) {
            if let Some(slot) = scratch.get_mut(*start) {
                *slot = key;
            }
            *start += 1;
        }
    }
    // Each key is at most its bucket's length from its place.
    for position in 1..scratch.len() {
        let mut at = position;
        while at > 0 && scratch[at - 1] > scratch[at] {
            scratch.swap(at - 1, at);
            at -= 1;
        }
    }
    std::mem::swap(keys, scratch);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts `hashes` into a fresh (or `reused`) table and checks (hash, count) of each
    /// tally in first-seen order.
    fn check(table: &mut TallyTable, hashes: &[u32], expected: &[(u32, u32)]) {
        table.clear();
        for &hash in hashes {
            table.count(hash, 1);
        }
        let got: Vec<(u32, u32)> = table
            .tallies()
            .map(|tally| (tally.hash, tally.count))
            .collect();
        assert_eq!(got, expected);
        for &(hash, count) in expected {
            assert_eq!(table.get(hash).map(|tally| tally.count), Some(count));
        }
    }

    #[test]
    fn counts_in_first_seen_order() {
        let mut table = TallyTable::default();
        check(&mut table, &[], &[]);
        check(
            &mut table,
            &[7, 7, 0, 7, 1031],
            &[(7, 3), (0, 1), (1031, 1)],
        );
        // Reused: nothing of the last article remains.
        check(&mut table, &[1031], &[(1031, 1)]);
        assert_eq!(table.get(7), None);
    }

    #[test]
    fn grows_past_its_first_size() {
        let mut table = TallyTable::default();
        // Same low bits (one probe chain), and enough terms to grow twice.
        let hashes: Vec<u32> = (0..2000u32).map(|i| i << 12).chain([0, 4096]).collect();
        let mut expected: Vec<(u32, u32)> = (0..2000u32).map(|i| (i << 12, 1)).collect();
        expected[0].1 = 2;
        expected[1].1 = 2;
        check(&mut table, &hashes, &expected);
        check(&mut table, &[5, 5], &[(5, 2)]);
    }

    #[test]
    fn top_bit_sort_sorts() {
        for n in [0, 1, 2, 64, 100, 256, 257, 1000] {
            // Pseudo-random keys (a multiplicative hash of the index) and clustered ones.
            for spread in [2_654_435_761u64, 1] {
                let mut keys: Vec<u64> = (0..n as u64)
                    .map(|i| (((i * spread) & 0xffff_ffff) << 16) | (i % 7))
                    .collect();
                let mut want = keys.clone();
                want.sort_unstable();
                sort_by_top_bits(&mut keys, &mut vec![5]);
                assert_eq!(keys, want, "n = {n}");
            }
        }
    }

    #[test]
    fn kind_settles_by_case_balance() {
        let mut tally = Tally::default();
        assert_eq!(tally.settled_kind(), TermKind::Word);
        tally.capital_balance = 1;
        assert_eq!(tally.settled_kind(), TermKind::Name);
        tally.kind = Some(TermKind::Number);
        assert_eq!(tally.settled_kind(), TermKind::Number);
    }
}
