//! The two small collections a fingerprint build leans on, kept apart from the builder in
//! `sketch.rs`: [`DistinctCount`] counts a text's distinct shingle hashes (reused from build
//! to build through the builder's per-thread scratch), and [`sort_dedup_small`] sorts and
//! deduplicates one sentence's word keys before they are sampled.

/// The number of distinct 64-bit hashes inserted: a set with open addressing and linear
/// probing, kept at most half full. Counting a text's distinct shingles this way costs a
/// probe or two per shingle, where sorting and deduplicating them cost a fifth of the
/// fingerprint. One set serves many builds (the builder's `Scratch`) and is never emptied:
/// each slot carries the stamp of the build that filled it, and a slot with another
/// build's stamp is free. Remembering each filled slot to empty it afterwards cost ~10
/// instructions a shingle; zeroing the table per build, a `memset` as long as the table.
#[derive(Default)]
pub(crate) struct DistinctCount {
    /// Empty, or a power of two long.
    slots: Vec<u64>,
    /// The build stamp of each slot; a slot is taken only if it holds `stamp`.
    stamps: Vec<u8>,
    /// This build's stamp, never 0 (the stamp of fresh slots).
    stamp: u8,
    mask: usize,
    /// Distinct hashes inserted.
    n_distinct: usize,
    /// Distinct hashes at which the slots in use double (half of them).
    limit: usize,
}

impl DistinctCount {
    /// Slots above which a set is not kept for the next build (1 MB), so that one huge text
    /// does not pin its table to the thread.
    const MAX_KEPT_SLOTS: usize = 1 << 17;

    /// A set that holds `expected` hashes without growing.
    #[cfg(test)]
    fn with_capacity(expected: usize) -> Self {
        let mut count = Self::default();
        count.reset(expected);
        count
    }

    /// Empties the set and makes room for `expected` hashes without growing.
    pub(crate) fn reset(&mut self, expected: usize) {
        if self.slots.len() > Self::MAX_KEPT_SLOTS {
            *self = Self::default();
        }
        // A new stamp frees every slot; after 255 builds the stamps start over.
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.stamps.fill(0);
            self.stamp = 1;
        }
        self.n_distinct = 0;
        let n_slots = (2 * expected).next_power_of_two().max(64);
        if self.slots.len() < n_slots {
            self.slots = vec![0; n_slots];
            self.stamps = vec![0; n_slots];
        }
        // All the slots, even when a longer text left more than this one needs: emptier,
        // a probe finds its slot free more often (a mispredicted branch when not).
        self.mask = self.slots.len() - 1;
        self.limit = self.slots.len() / 2;
    }

    pub(crate) fn len(&self) -> usize {
        self.n_distinct
    }

    /// Inlined into the word step (a call cost ~15 instructions a shingle); the rare growth
    /// stays out of line.
    #[inline(always)]
    pub(crate) fn insert(&mut self, hash: u64) {
        if self.place(hash) {
            self.n_distinct += 1;
            if self.n_distinct >= self.limit {
                self.grow();
            }
        }
    }

    /// Puts `hash` into the slots unless it is there; whether it was new. The hashes are
    /// already well mixed, so their low bits pick the slot.
    #[inline(always)]
    fn place(&mut self, hash: u64) -> bool {
        let mut slot = hash as usize & self.mask;
        // There is always a free slot (at most half are taken): the loop ends.
        while let (Some(stamp), Some(found)) = (self.stamps.get_mut(slot), self.slots.get_mut(slot))
        {
            if *stamp != self.stamp {
                *stamp = self.stamp;
                *found = hash;
                return true;
            }
            if *found == hash {
                return false;
            }
            slot = (slot + 1) & self.mask;
        }
        false // unreachable: `mask` is below the table's length
    }

    /// Doubles the slots (in new tables) and places every hash again.
    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        let hashes: Vec<u64> = self
            .slots
            .iter()
            .zip(&self.stamps)
            .filter(|&(_, &stamp)| stamp == self.stamp)
            .map(|(&hash, _)| hash)
            .collect();
        let n_slots = 2 * self.slots.len();
        self.slots = vec![0; n_slots];
        self.stamps = vec![0; n_slots];
        self.mask = n_slots - 1;
        self.limit = n_slots / 2;
        for hash in hashes {
            self.place(hash);
        }
    }
}

/// Sorts a sentence's word keys and drops repeats. Up to 32 keys (most sentences) are
/// placed by rank: a key's place is the number of keys below it, counted for all the keys at
/// once (one key against every lane of a fixed-width array per step, a few vector compares)
/// with no data-dependent branch. Repeats get the same rank and land in the same place; the
/// final pass closes the holes they leave. An insertion sort mispredicted about one branch
/// per key; ranking one key at a time against all the others cost ~60 instructions a key;
/// the library sort's set-up costs more at this size.
pub(crate) fn sort_dedup_small(keys: &mut Vec<u16>) {
    let kept = if keys.len() <= 16 {
        sort_dedup_by_rank::<16>(keys)
    } else if keys.len() <= 32 {
        sort_dedup_by_rank::<32>(keys)
    } else {
        keys.sort_unstable();
        keys.dedup();
        keys.len()
    };
    keys.truncate(kept);
}

/// [`sort_dedup_small`] for at most `WIDTH` keys: sorts and deduplicates `keys` in place
/// and returns how many distinct keys lead it; longer slices are left as they are.
#[inline(always)]
fn sort_dedup_by_rank<const WIDTH: usize>(keys: &mut [u16]) -> usize {
    if keys.len() > WIDTH {
        return keys.len();
    }
    // Keys as signed 16-bit lanes in the same order (the vector unit compares signed);
    // padding lanes hold the largest value and are never read back.
    let mut lanes = [i16::MAX; WIDTH];
    for (lane, &key) in lanes.iter_mut().zip(keys.iter()) {
        *lane = (key ^ 0x8000) as i16;
    }
    let mut ranks = [0i16; WIDTH];
    for &other in &lanes[..keys.len()] {
        // `black_box` hides each key from the optimiser: left to itself, it vectorized
        // across the keys instead of across the lanes (a sum per lane, then 16 or 32
        // horizontal additions), at two to three times the cost.
        let other = std::hint::black_box(other);
        for (rank, &mine) in ranks.iter_mut().zip(lanes.iter()) {
            *rank += i16::from(other < mine);
        }
    }
    // `EMPTY` marks a place no key took (a repeat's): it is above every key.
    const EMPTY: u32 = u32::MAX;
    let mut placed = [EMPTY; WIDTH];
    for (&rank, &key) in ranks.iter().zip(keys.iter()) {
        // A real key ranks below `keys.len()`: only real keys can be smaller.
        if let Some(slot) = placed.get_mut(rank as usize) {
            *slot = u32::from(key);
        }
    }
    // Closes the holes without a branch: every place is written, the count only moves past
    // the taken ones (so it never passes the place being read).
    let mut kept = 0;
    for &value in placed.iter().take(keys.len()) {
        if let Some(key) = keys.get_mut(kept) {
            *key = value as u16;
        }
        kept += usize::from(value != EMPTY);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sketch::mix64;

    #[test]
    fn distinct_count_matches_a_sorted_dedup() {
        // Enough values to make the table grow several times, with repeats and a zero.
        let values: Vec<u64> = (0..5000u64)
            .map(|i| mix64(i % 1700))
            .chain([0, 0])
            .collect();
        let mut count = DistinctCount::with_capacity(10);
        for &value in &values {
            count.insert(value);
        }
        let mut sorted = values.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(count.len(), sorted.len());
        // Reused, smaller: the big table's used part is emptied.
        for expected in [3, 10, 5000] {
            count.reset(expected);
            for &value in &values[..100] {
                count.insert(value);
            }
            assert_eq!(count.len(), 100, "{expected}");
        }
    }

    #[test]
    fn small_sort_sorts_and_dedups() {
        for len in (0usize..=40).chain([100]) {
            // Few distinct values, so that equal keys are common, and the largest key too.
            let mut keys: Vec<u16> = (0..len as u64)
                .map(|i| match mix64(i) % 7 {
                    0 => u16::MAX,
                    value => value as u16,
                })
                .collect();
            let mut expected = keys.clone();
            expected.sort_unstable();
            expected.dedup();
            sort_dedup_small(&mut keys);
            assert_eq!(keys, expected, "length {len}");
        }
    }
}
