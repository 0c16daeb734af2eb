//! Word lists of copy detection and the table that classifies words by them: stopwords and
//! the frequent English words that carry too little to count as shared content, looked up
//! by word hash in [`WordClasses`] (a branch-free cuckoo table). Kept apart from the
//! tokenizer in `text.rs`, whose word hashes and stems they are keyed by; the fingerprint
//! builder (`sketch/`) and the sentence alignment (`verify.rs`) read them.

use std::sync::OnceLock;

use crate::text::{stem, word_hash};

/// Frequent general English words beyond the stopwords (sorted and unique, checked by a test).
pub(crate) const COMMON_WORDS: &[&str] = &[
    "able",
    "across",
    "actually",
    "add",
    "added",
    "ago",
    "ahead",
    "almost",
    "already",
    "although",
    "always",
    "among",
    "another",
    "anyone",
    "anything",
    "area",
    "around",
    "ask",
    "asked",
    "away",
    "back",
    "bad",
    "based",
    "become",
    "becomes",
    "began",
    "begin",
    "behind",
    "believe",
    "best",
    "better",
    "big",
    "bit",
    "bring",
    "brought",
    "build",
    "business",
    "call",
    "called",
    "came",
    "case",
    "cause",
    "certain",
    "chance",
    "change",
    "clear",
    "close",
    "come",
    "comes",
    "coming",
    "company",
    "continue",
    "country",
    "course",
    "create",
    "current",
    "day",
    "days",
    "decided",
    "different",
    "done",
    "early",
    "easy",
    "else",
    "end",
    "enough",
    "even",
    "ever",
    "every",
    "everyone",
    "everything",
    "example",
    "expected",
    "face",
    "fact",
    "family",
    "far",
    "feel",
    "felt",
    "find",
    "first",
    "five",
    "follow",
    "following",
    "found",
    "four",
    "free",
    "full",
    "gave",
    "get",
    "gets",
    "getting",
    "give",
    "given",
    "goes",
    "going",
    "gone",
    "good",
    "got",
    "great",
    "group",
    "grow",
    "half",
    "hand",
    "happen",
    "hard",
    "head",
    "hear",
    "help",
    "high",
    "hold",
    "home",
    "however",
    "idea",
    "important",
    "include",
    "including",
    "instead",
    "issue",
    "keep",
    "kind",
    "knew",
    "know",
    "known",
    "large",
    "last",
    "late",
    "later",
    "lead",
    "least",
    "leave",
    "left",
    "less",
    "let",
    "life",
    "like",
    "likely",
    "line",
    "little",
    "live",
    "long",
    "look",
    "looking",
    "lot",
    "made",
    "major",
    "make",
    "makes",
    "making",
    "man",
    "many",
    "matter",
    "mean",
    "means",
    "million",
    "move",
    "much",
    "need",
    "needs",
    "never",
    "new",
    "news",
    "next",
    "nothing",
    "now",
    "number",
    "offer",
    "often",
    "old",
    "one",
    "open",
    "order",
    "part",
    "past",
    "people",
    "per",
    "percent",
    "perhaps",
    "person",
    "place",
    "plan",
    "play",
    "point",
    "possible",
    "power",
    "probably",
    "problem",
    "provide",
    "put",
    "question",
    "quite",
    "rather",
    "read",
    "real",
    "really",
    "reason",
    "recent",
    "recently",
    "remain",
    "report",
    "result",
    "right",
    "run",
    "saw",
    "see",
    "seem",
    "seemed",
    "seen",
    "set",
    "several",
    "show",
    "side",
    "since",
    "small",
    "someone",
    "something",
    "sometimes",
    "soon",
    "start",
    "started",
    "state",
    "still",
    "story",
    "sure",
    "take",
    "taken",
    "takes",
    "taking",
    "talk",
    "tell",
    "ten",
    "thing",
    "things",
    "think",
    "though",
    "thought",
    "three",
    "time",
    "times",
    "today",
    "together",
    "told",
    "took",
    "top",
    "toward",
    "turn",
    "two",
    "upon",
    "use",
    "used",
    "using",
    "usually",
    "want",
    "wanted",
    "way",
    "ways",
    "week",
    "weeks",
    "well",
    "went",
    "whether",
    "whole",
    "without",
    "work",
    "working",
    "world",
    "year",
    "years",
    "yes",
    "yet",
    "young",
];

/// The word classes of a word hash, from one table probe: [`STOPWORD`] for the hash of an
/// English function word (plus reporting verbs, which every article uses), [`COMMON_STEM`]
/// for the stem hash of a very common English word (see [`COMMON_WORDS`]). A word of at
/// most six bytes is its own stem, so one probe answers both questions for it (two separate
/// tables cost two probes a word). Other languages get no stopwords; their function words
/// then count as content, which only makes the rewrite test a little more lenient to
/// shared grammar. Hash 0 is never found.
pub(crate) fn word_classes() -> &'static WordClasses {
    static CLASSES: OnceLock<WordClasses> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let stopwords = STOPWORDS.iter().map(|word| (word_hash(word), STOPWORD));
        let common = COMMON_WORDS
            .iter()
            .map(|word| (word_hash(stem(word)), COMMON_STEM));
        WordClasses::new(stopwords.chain(common))
    })
}

/// Class bit of [`word_classes`]: the hash is a stopword's. Only words of at most
/// [`LONGEST_STOPWORD`] bytes are looked up for it.
pub(crate) const STOPWORD: u8 = 1;
/// Class bit of [`word_classes`]: the hash is a very common word's stem hash ("people",
/// "year", "make"), so sharing it says nothing about copying. Such words stay in the sentence
/// alignment but are left out of the content-word MinHash: long unrelated pages share
/// hundreds of them, which made unrelated pairs collide in the rewrite LSH bands.
pub(crate) const COMMON_STEM: u8 = 2;

/// Longer words are never stopwords.
pub(crate) const LONGEST_STOPWORD: usize = 7;

/// Sorted and unique (checked by a test).
pub(crate) const STOPWORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "down", "during", "each", "few", "for",
    "from", "further", "had", "has", "have", "he", "her", "here", "his", "how", "i", "if", "in",
    "into", "is", "it", "its", "just", "may", "me", "might", "more", "most", "must", "my", "no",
    "not", "of", "off", "on", "once", "only", "or", "other", "our", "out", "over", "own", "said",
    "same", "say", "says", "shall", "she", "should", "so", "some", "such", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too",
    "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "whom", "whose", "why", "will", "with", "would", "you", "your",
];

/// The 16-bit key a stem is kept under in per-sentence samples (see `sketch.rs`).
pub(crate) fn sentence_word_key(stem_hash: u64) -> u16 {
    (stem_hash >> 48) as u16
}

/// Whether a 16-bit sentence word key is that of a very common stem ([`COMMON_STEM`]).
pub(crate) fn is_common_word_key(key: u16) -> bool {
    static KEYS: OnceLock<Vec<u16>> = OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        let mut keys: Vec<u16> = COMMON_WORDS
            .iter()
            .map(|word| sentence_word_key(word_hash(stem(word))))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    });
    keys.binary_search(&key).is_ok()
}

/// A fixed map from word hashes to class bits, looked up without a branch: a cuckoo table,
/// where a hash can only sit in one of two slots (one per half, picked by its low and its
/// high bits), so a lookup reads both and keeps the class of the one that holds the hash.
/// A linear-probing table cost ~0.6 mispredicted branches per English word (is the word
/// short enough to be a stopword, is this slot empty, is it the hash). The halves have a
/// fixed size, so a lookup needs no bounds check; an entry that finds no place (none does
/// with the word lists in use) goes to `overflow`, searched only when not empty.
#[derive(Debug)]
pub(crate) struct WordClasses {
    /// Both halves; 0 marks an empty slot.
    slots: [u64; 2 * CLASS_HALF],
    classes: [u8; 2 * CLASS_HALF],
    overflow: Vec<(u64, u8)>,
}

/// Slots per half of [`WordClasses`]: the ~400 entries fill 2 × 512 slots to 40%, where
/// cuckoo placement practically never fails.
const CLASS_HALF: usize = 512;

impl WordClasses {
    const EMPTY: u64 = 0;

    fn new(entries: impl Iterator<Item = (u64, u8)>) -> Self {
        let mut table = Self {
            slots: [Self::EMPTY; 2 * CLASS_HALF],
            classes: [0; 2 * CLASS_HALF],
            overflow: Vec::new(),
        };
        // Hash 0 marks an empty slot; a word hashing to 0 is merely never found.
        for (hash, class) in entries.filter(|&(hash, _)| hash != Self::EMPTY) {
            table.insert(hash, class);
        }
        table
    }

    fn insert(&mut self, hash: u64, class: u8) {
        let [first, second] = Self::places(hash);
        if let Some(&slot) = [first, second]
            .iter()
            .find(|&&slot| self.slots[slot] == hash)
        {
            self.classes[slot] |= class;
            return;
        }
        if let Some(entry) = self.overflow.iter_mut().find(|entry| entry.0 == hash) {
            entry.1 |= class;
            return;
        }
        // Cuckoo insertion: take a free place, or evict the occupant of the first one to
        // its other place, and so on for a bounded number of moves.
        let (mut hash, mut class) = (hash, class);
        let mut slot = if self.slots[first] != Self::EMPTY && self.slots[second] == Self::EMPTY {
            second
        } else {
            first
        };
        for _ in 0..64 {
            std::mem::swap(&mut self.slots[slot], &mut hash);
            std::mem::swap(&mut self.classes[slot], &mut class);
            if hash == Self::EMPTY {
                return;
            }
            let [first, second] = Self::places(hash);
            slot = if slot == first { second } else { first };
        }
        self.overflow.push((hash, class));
    }

    /// The two slots `hash` may sit in: one in each half.
    #[inline(always)]
    fn places(hash: u64) -> [usize; 2] {
        [
            hash as usize % CLASS_HALF,
            CLASS_HALF + (hash >> 32) as usize % CLASS_HALF,
        ]
    }

    /// The class bits of `hash`; 0 when it is in no class.
    #[inline(always)]
    pub(crate) fn get(&self, hash: u64) -> u8 {
        let class_at = |slot: usize| {
            // A mask instead of a branch: whether a word is a stopword is a coin toss.
            let found = self.slots[slot] == hash;
            self.classes[slot] & 0u8.wrapping_sub(u8::from(found))
        };
        let [first, second] = Self::places(hash);
        let classes = class_at(first) | class_at(second);
        if self.overflow.is_empty() {
            classes
        } else {
            self.overflow_get(hash) | classes
        }
    }

    #[cold]
    fn overflow_get(&self, hash: u64) -> u8 {
        self.overflow
            .iter()
            .find(|entry| entry.0 == hash)
            .map_or(0, |entry| entry.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sketch::mix64;

    /// Builds a table of `n_entries` made-up entries and checks that each is found with its
    /// classes, and a hash never inserted is not.
    fn check(n_entries: u64) {
        let entries = (0..n_entries).map(|i| (mix64(i + 1), 1 << (i % 3)));
        let table = WordClasses::new(entries.clone());
        for (hash, class) in entries {
            assert_eq!(table.get(hash), class, "{n_entries}");
        }
        assert_eq!(table.get(12345), 0);
    }

    #[test]
    fn cuckoo_table_finds_every_entry() {
        check(300); // entries evict each other
        check(1500); // more than fit: the rest overflow
                     // The word lists in use fit without overflow.
        assert!(word_classes().overflow.is_empty());
    }
}
