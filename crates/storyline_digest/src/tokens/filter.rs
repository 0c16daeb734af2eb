//! [`HashFilter`]: a small fixed set of words (stopwords, fact words, role heads, number
//! words), asked about by the hash of a lower-cased word (see [`super::Token::lower`]).
//! Built once per process from the word lists of the passes that use it; the tokenizer asks
//! it about every token, so a lookup is a bit test and, rarely, a probe.

use super::hash_text;

/// A set of words by the hashes of their lower-cased forms (see [`Token::lower`]): a
/// 4096-bit filter that turns most other words away with one memory read, then an
/// open-addressing table at most a quarter full, so that a lookup is one multiplication
/// and, nearly always, one or two memory reads. Passes that look for a few words
/// (stopwords, role heads, number words) ask it about every token before comparing text.
#[derive(Debug)]
pub(crate) struct HashFilter {
    filter: [u64; 64],
    /// Hashes at their slots; 0 marks an empty slot (a word hashing to 0 is `has_zero`).
    slots: Vec<u64>,
    /// log2 of the number of slots.
    bits: u32,
    has_zero: bool,
}

fn filter_bit(hash: u64) -> (usize, u64) {
    // Fx hashes mix into their high bits; take the bit index from there.
    let bit = (hash >> 52) as usize;
    (bit / 64, 1 << (bit % 64))
}

impl HashFilter {
    /// The filter of lower-case `words`.
    pub(crate) fn new(words: &[&str]) -> Self {
        let n_slots = (words.len() * 4).next_power_of_two().max(16);
        let mut filter = HashFilter {
            filter: [0; 64],
            slots: vec![0; n_slots],
            bits: n_slots.trailing_zeros(),
            has_zero: false,
        };
        for word in words {
            let hash = hash_text(word);
            let (word, bit) = filter_bit(hash);
            filter.filter[word] |= bit;
            if hash == 0 {
                filter.has_zero = true;
                continue;
            }
            let mut slot = filter.slot_of(hash);
            while filter.slots[slot] != 0 && filter.slots[slot] != hash {
                slot = (slot + 1) & (n_slots - 1);
            }
            filter.slots[slot] = hash;
        }
        filter
    }

    fn slot_of(&self, hash: u64) -> usize {
        // Spread the hash again so that the slot does not depend on a few of its bits.
        (hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - self.bits)) as usize
    }

    /// Whether a lower-cased word's hash is one of the set's.
    #[inline]
    pub(crate) fn contains(&self, lower: u64) -> bool {
        let (word, bit) = filter_bit(lower);
        if self.filter.get(word).is_some_and(|bits| bits & bit == 0) {
            return false;
        }
        if lower == 0 {
            return self.has_zero;
        }
        let mask = self.slots.len() - 1;
        let mut slot = self.slot_of(lower);
        // The table is never full, so an empty slot ends every search.
        for _ in 0..self.slots.len() {
            match self.slots.get(slot) {
                Some(&hash) if hash == lower => return true,
                Some(0) | None => return false,
                Some(_) => slot = (slot + 1) & mask,
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds the filter of `words` and checks which of `asked` it holds.
    fn check(words: &[&str], asked: &[(&str, bool)]) {
        let filter = HashFilter::new(words);
        for &(word, expected) in asked {
            assert_eq!(filter.contains(hash_text(word)), expected, "{word}");
        }
    }

    #[test]
    fn holds_its_words_only() {
        check(
            &["the", "of", "killed", "minister"],
            &[
                ("the", true),
                ("killed", true),
                ("minister", true),
                ("The", false),
                ("kill", false),
                ("", false),
            ],
        );
    }
}
