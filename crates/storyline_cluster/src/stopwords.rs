//! English stop words: function words and reporting verbs that say nothing about which
//! event an article reports. Used by [`crate::features`] to skip tokens before counting.

use crate::features::term_hash;

/// English function words and reporting verbs that say nothing about which event it is.
pub(crate) fn is_stopword(hash: u32) -> bool {
    // A set of term hashes: the hash is computed for every token anyway, and comparing
    // strings (binary search, or a string-keyed set) cost a third of the extraction time.
    // A content word colliding with a stop word's 32-bit hash is merely dropped. A bitmap
    // over the low 16 bits answers most tokens with one load; the set confirms the rest.
    static SET: std::sync::OnceLock<StopSet> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| {
        let hashes: rustc_hash::FxHashSet<u32> = STOPWORDS
            .iter()
            .map(|word| term_hash(word.as_bytes()))
            .collect();
        let mut low_bits = vec![0u64; 1 << 10];
        for &hash in &hashes {
            low_bits[(hash as usize & 0xffff) >> 6] |= 1 << (hash & 63);
        }
        StopSet { low_bits, hashes }
    });
    let may_be = set
        .low_bits
        .get((hash as usize & 0xffff) >> 6)
        .is_some_and(|bits| bits >> (hash & 63) & 1 != 0);
    may_be && set.hashes.contains(&hash)
}

/// Stop word hashes, with a bitmap of their low 16 bits in front.
#[derive(Debug)]
struct StopSet {
    low_bits: Vec<u64>,
    hashes: rustc_hash::FxHashSet<u32>,
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
    fn list_is_sorted() {
        assert!(STOPWORDS.windows(2).all(|pair| pair[0] < pair[1]));
    }
}
