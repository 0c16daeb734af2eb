//! [`WordCache`]: a per-thread memo of what a fingerprint needs to know about a short word
//! (its hash, its stem's hash, whether it is a stopword or a common stem), so that a word
//! seen before, most words of any text, costs one lookup instead of two hashes and two
//! class probes.
//!
//! The fingerprint builder in `sketch.rs` asks it for every [`ShortWord`] the tokenizer
//! hands over; the cache lives in the builder's per-thread scratch and so carries over from
//! article to article. It only remembers values of pure functions of the word, so what it
//! holds never changes a fingerprint, only how fast it is built.

use crate::text::{short_stem_hash, short_word_hash, ShortWord};
use crate::words::{WordClasses, COMMON_STEM, LONGEST_STOPWORD, STOPWORD};

/// Entries: a direct-mapped table of 4,096 × 40 bytes (160 KB, one per thread). The 4,096
/// most frequent words are ~91% of the words of news text (English, ECB+) and of the
/// generated corpus alike.
const SLOTS: usize = 1 << 12;

/// What a fingerprint needs to know about a word besides its shape.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordFacts {
    /// [`crate::text::word_hash`] of the word.
    pub(crate) hash: u64,
    /// The hash of its stem ([`crate::text::stem`]); the word's own when it is its stem.
    pub(crate) stem_hash: u64,
    /// [`Self::STOPWORD`], [`Self::COMMON_STEM`], [`Self::LONG_ENOUGH`].
    pub(crate) flags: u8,
}

impl WordFacts {
    /// The word is a stopword.
    pub(crate) const STOPWORD: u8 = STOPWORD;
    /// The word's stem is a very common one (kept out of the content MinHash).
    pub(crate) const COMMON_STEM: u8 = COMMON_STEM;
    /// The word is long enough to carry content ([`crate::text::is_long_enough`]).
    pub(crate) const LONG_ENOUGH: u8 = 4;

    /// The facts of `word`, computed: its hash and its classes from `classes`, as the
    /// builder takes them for any word (a stopword is at most [`LONGEST_STOPWORD`] bytes;
    /// a word that is its own stem has its own classes).
    fn of(word: ShortWord, classes: &WordClasses) -> WordFacts {
        let hash = short_word_hash(word);
        let word_classes = if word.len <= LONGEST_STOPWORD {
            classes.get(hash)
        } else {
            0
        };
        let (stem_hash, stem_classes) = match short_stem_hash(word) {
            Some(stem_hash) => (stem_hash, classes.get(stem_hash)),
            None => (hash, word_classes),
        };
        // ASCII: bytes are chars, so three bytes are three chars.
        let long_enough = if word.len >= 3 { Self::LONG_ENOUGH } else { 0 };
        WordFacts {
            hash,
            stem_hash,
            flags: (word_classes & Self::STOPWORD)
                | (stem_classes & Self::COMMON_STEM)
                | long_enough,
        }
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    /// The word's chunks; zero (no word) marks an empty entry, as a word's first byte is
    /// never zero.
    chunks: [u64; 2],
    facts: WordFacts,
}

/// See the module docs.
#[derive(Debug)]
pub(crate) struct WordCache {
    entries: Box<[Entry; SLOTS]>,
}

impl Default for WordCache {
    fn default() -> Self {
        // Built on the heap: 160 KB is too much for a thread's stack.
        let entries = vec![Entry::default(); SLOTS].into_boxed_slice();
        let entries = match entries.try_into() {
            Ok(entries) => entries,
            Err(_) => Box::new([Entry::default(); SLOTS]), // unreachable: the length is SLOTS
        };
        Self { entries }
    }
}

impl WordCache {
    /// The facts of `word`, from the cache or computed (and then remembered in place of
    /// whatever word shared its entry).
    #[inline(always)]
    pub(crate) fn facts(&mut self, word: ShortWord, classes: &WordClasses) -> WordFacts {
        let [low, high] = word.chunks;
        let mixed = (low ^ high.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let entry = &mut self.entries[(mixed >> 52) as usize % SLOTS];
        // Compared as two words: as one 16-byte value the compiler read the word's chunks
        // back from memory, which stalled on the stores that had just written them.
        if entry.chunks[0] == low && entry.chunks[1] == high {
            return entry.facts;
        }
        Self::fill(entry, word, classes)
    }

    /// The miss path, out of line: most words are found.
    #[inline(never)]
    fn fill(entry: &mut Entry, word: ShortWord, classes: &WordClasses) -> WordFacts {
        let facts = WordFacts::of(word, classes);
        *entry = Entry {
            chunks: word.chunks,
            facts,
        };
        facts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{is_long_enough, stem, word_hash};
    use crate::words::word_classes;

    /// Looks `input` up twice (computed, then cached) and checks both against the facts
    /// worked out from the word's text.
    fn check(input: &str, expected_flags: u8) {
        let mut padded = [0u8; 16];
        padded[..input.len()].copy_from_slice(input.as_bytes());
        let chunks = [
            u64::from_le_bytes(padded[..8].try_into().unwrap()),
            u64::from_le_bytes(padded[8..].try_into().unwrap()),
        ];
        let word = ShortWord {
            chunks,
            len: input.len(),
        };
        let expected = WordFacts {
            hash: word_hash(input),
            stem_hash: word_hash(stem(input)),
            flags: expected_flags,
        };
        assert_eq!(
            is_long_enough(input),
            expected_flags & WordFacts::LONG_ENOUGH != 0
        );
        let mut cache = WordCache::default();
        assert_eq!(cache.facts(word, word_classes()), expected, "{input}");
        assert_eq!(cache.facts(word, word_classes()), expected, "{input}");
    }

    #[test]
    fn facts_of_words() {
        const LONG: u8 = WordFacts::LONG_ENOUGH;
        check("the", WordFacts::STOPWORD | LONG);
        check("through", WordFacts::STOPWORD | LONG);
        check("people", WordFacts::COMMON_STEM | LONG);
        check("important", WordFacts::COMMON_STEM | LONG);
        check("pyongyang", LONG);
        check("us", 0);
        check("a", WordFacts::STOPWORD);
        check("2024", LONG);
        check("internationalise", LONG);
    }
}
