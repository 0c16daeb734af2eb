//! The two small collections a fingerprint build leans on, kept apart from the builder in
//! `sketch.rs`: [`DistinctCount`] counts a text's distinct shingle hashes (reused from build
//! to build through the builder's per-thread scratch), and [`sort_small`] sorts one
//! sentence's word keys before they are sampled.

/// The number of distinct 64-bit hashes inserted: a set with open addressing and linear
/// probing, kept at most half full. Counting a text's distinct shingles this way costs a
/// probe or two per shingle, where sorting and deduplicating them cost a fifth of the
/// fingerprint. One set serves many builds (the builder's `Scratch`): it remembers which slots it
/// filled, so emptying it costs one store per hash instead of zeroing the whole table.
#[derive(Default)]
pub(crate) struct DistinctCount {
    /// Zero marks an empty slot; the hash zero itself is tracked by `has_zero`. Empty, or a
    /// power of two long.
    slots: Vec<u64>,
    /// Indices of the filled slots; its length is the number of distinct non-zero hashes.
    filled: Vec<u32>,
    has_zero: bool,
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
            self.slots = Vec::new();
            self.filled = Vec::new();
        }
        for &slot in &self.filled {
            if let Some(hash) = self.slots.get_mut(slot as usize) {
                *hash = 0;
            }
        }
        self.filled.clear();
        self.has_zero = false;
        let n_slots = (2 * expected).next_power_of_two().max(64);
        if self.slots.len() < n_slots {
            self.slots = vec![0; n_slots];
        }
        self.filled.reserve(self.slots.len() / 2);
    }

    pub(crate) fn len(&self) -> usize {
        self.filled.len() + usize::from(self.has_zero)
    }

    /// Inlined into the word step (a call cost ~15 instructions a shingle); the rare growth
    /// stays out of line.
    #[inline(always)]
    pub(crate) fn insert(&mut self, hash: u64) {
        if hash == 0 {
            self.has_zero = true;
            return;
        }
        if 2 * (self.filled.len() + 1) > self.slots.len() {
            self.grow();
        }
        if let Some(slot) = Self::place(&mut self.slots, hash) {
            self.filled.push(slot);
        }
    }

    /// Puts `hash` into `slots` unless it is there; the slot it took if it was new. The
    /// hashes are already well mixed, so their low bits pick the slot.
    fn place(slots: &mut [u64], hash: u64) -> Option<u32> {
        let mask = slots.len() - 1;
        let mut slot = hash as usize & mask;
        loop {
            match slots[slot] {
                0 => {
                    slots[slot] = hash;
                    return Some(slot as u32);
                }
                found if found == hash => return None,
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        let mut slots = vec![0; (2 * self.slots.len()).max(64)];
        let mut filled = Vec::with_capacity(self.filled.len());
        for &slot in &self.filled {
            if let Some(&hash) = self.slots.get(slot as usize) {
                filled.extend(Self::place(&mut slots, hash));
            }
        }
        self.slots = slots;
        self.filled = filled;
    }
}

/// Sorts a sentence's word keys. Up to 32 keys (most sentences) are placed by rank: each key's
/// place is the number of keys below it, counted over a fixed padded width with no
/// data-dependent branch. An insertion sort
/// mispredicted about one branch per key (15% of all the fingerprint's mispredicts); the
/// library sort's set-up costs more at this size.
pub(crate) fn sort_small(keys: &mut [u16]) {
    if keys.len() <= 16 {
        sort_by_rank::<16>(keys);
    } else if keys.len() <= 32 {
        sort_by_rank::<32>(keys);
    } else {
        keys.sort_unstable();
    }
}

/// [`sort_small`] for at most `WIDTH` (≤ 256) keys; longer slices are left as they are.
fn sort_by_rank<const WIDTH: usize>(keys: &mut [u16]) {
    if keys.len() > WIDTH {
        return;
    }
    // Each key carries its position in the low byte, so that all are distinct and a key's
    // rank is simply the number of smaller ones; equal keys keep their order, as in any
    // sort of plain integers. Padding (i32::MAX) is above every real key. Signed 32-bit
    // lanes, because that is the compare the vector unit has.
    let mut tagged = [i32::MAX; WIDTH];
    for (position, (slot, &key)) in tagged.iter_mut().zip(keys.iter()).enumerate() {
        *slot = (i32::from(key) << 8) | (position as i32 & 0xFF);
    }
    let mut sorted = [0u16; WIDTH];
    for &mine in &tagged[..keys.len()] {
        let rank = tagged
            .iter()
            .map(|&other| u32::from(other < mine))
            .sum::<u32>();
        // A real key ranks below `keys.len()`: only real keys are smaller.
        if let Some(slot) = sorted.get_mut(rank as usize) {
            *slot = (mine >> 8) as u16;
        }
    }
    // Element by element: a copy of a length known only at run time is a memcpy call,
    // which costs more than these few moves.
    for (key, &sorted) in keys.iter_mut().zip(sorted.iter()) {
        *key = sorted;
    }
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
    }

    #[test]
    fn small_sort_sorts() {
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
            sort_small(&mut keys);
            assert_eq!(keys, expected, "length {len}");
        }
    }
}
