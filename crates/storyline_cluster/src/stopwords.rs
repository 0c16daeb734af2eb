//! English stop words: function words and reporting verbs that say nothing about which
//! event an article reports. Used by [`crate::features`] to skip tokens before counting.

use crate::features::term_hash;

/// English function words and reporting verbs that say nothing about which event it is.
pub(crate) fn is_stopword(hash: u32) -> bool {
    // A set of term hashes: the hash is computed for every token anyway, and comparing
    // strings (binary search, or a string-keyed set) cost a third of the extraction time.
    // A content word colliding with a stop word's 32-bit hash is merely dropped.
    static SET: std::sync::OnceLock<StopSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        StopSet::new(
            STOPWORDS
                .iter()
                .map(|word| term_hash(word.as_bytes()))
                .collect(),
        )
    })
    .contains(hash)
}

/// The stop word hashes in a small table of four-slot buckets chosen by the hash's low
/// bits (4 KB, so it stays in cache next to the tallies). A test reads one bucket and
/// compares all four slots without branching: whether a word is a stop word is hard to
/// predict, and a probe loop paid for every wrong guess.
#[derive(Debug)]
struct StopSet {
    /// Power-of-two many buckets; no hash needs more than its own bucket.
    buckets: Vec<[u32; 4]>,
    /// The value of empty slots: the smallest one that is no stop word's hash.
    empty: u32,
}

impl StopSet {
    fn new(mut hashes: Vec<u32>) -> StopSet {
        hashes.sort_unstable();
        hashes.dedup();
        let empty = (0..=u32::MAX)
            .find(|candidate| hashes.binary_search(candidate).is_err())
            .unwrap_or(0);
        // About two hashes per bucket; more buckets while one overflows.
        let mut n_buckets = (hashes.len() / 2).next_power_of_two().max(16);
        loop {
            let mut buckets = vec![[empty; 4]; n_buckets];
            let mask = n_buckets - 1;
            let fits = hashes.iter().all(|&hash| {
                let Some(bucket) = buckets.get_mut(hash as usize & mask) else {
                    return false;
                };
                let Some(slot) = bucket.iter_mut().find(|slot| **slot == empty) else {
                    return false;
                };
                *slot = hash;
                true
            });
            if fits {
                return StopSet { buckets, empty };
            }
            n_buckets *= 2;
        }
    }

    #[inline]
    fn contains(&self, hash: u32) -> bool {
        let mask = self.buckets.len() - 1;
        let Some(bucket) = self.buckets.get(hash as usize & mask) else {
            return false;
        };
        let found =
            (bucket[0] == hash) | (bucket[1] == hash) | (bucket[2] == hash) | (bucket[3] == hash);
        found & (hash != self.empty)
    }
}

/// Sorted, so a reader finds a word quickly (checked by a unit test).
const STOPWORDS: &[&str] = &[
    "about",
    "above",
    "according",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "became",
    "because",
    "become",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "down",
    "during",
    "each",
    "either",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "get",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "later",
    "least",
    "less",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "near",
    "never",
    "new",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "said",
    "same",
    "say",
    "saying",
    "says",
    "see",
    "seen",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "to",
    "told",
    "too",
    "took",
    "two",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "year",
    "yet",
    "you",
    "your",
    "yours",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks whether `word` is a stop word.
    fn check(word: &str, expected: bool) {
        assert_eq!(is_stopword(term_hash(word.as_bytes())), expected, "{word}");
    }

    #[test]
    fn function_words_are_stop_words() {
        check("the", true);
        check("said", true);
        check("earthquake", false);
        check("reid", false);
    }

    #[test]
    fn table_agrees_with_a_plain_set() {
        // Includes 0, the usual empty marker, as a stop word hash.
        let hashes: Vec<u32> = (0..200u32).map(|i| i.wrapping_mul(0x9e37_79b9)).collect();
        let table = StopSet::new(hashes.clone());
        let plain: std::collections::HashSet<u32> = hashes.iter().copied().collect();
        for probe in (0..5_000u32)
            .map(|i| i.wrapping_mul(0x9e37_79b9 / 7))
            .chain(hashes)
        {
            assert_eq!(table.contains(probe), plain.contains(&probe), "{probe}");
        }
        assert!(!table.contains(table.empty));
        for word in STOPWORDS {
            check(word, true);
        }
    }

    #[test]
    fn list_is_sorted() {
        assert!(STOPWORDS.windows(2).all(|pair| pair[0] < pair[1]));
    }
}
