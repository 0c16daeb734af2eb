//! Tokenizer for copy detection: cleaned text → a stream of [`Token`]s (normalised words and
//! sentence ends), plus the small word classes the sketches need (stopwords, stems).
//!
//! Data comes from `fingerprint` (one article's cleaned text) and goes straight into the
//! sketch builder in `sketch.rs`; nothing here allocates per word (one buffer is reused).
//! Normalisation makes every measure case-, whitespace- and punctuation-insensitive: a word
//! is a maximal run of letters/digits, lowercased; apostrophes and hyphens split words.
//! Ideographic scripts (Chinese, Japanese kana) are written without spaces, so each
//! ideograph counts as one word; otherwise a whole Chinese paragraph would be one "word".

use std::sync::OnceLock;

use storyline_core::xxh3;
use xxhash_rust::xxh3::xxh3_64;

use crate::words::COMMON_WORDS;

/// Where the tokenizer's words and sentence ends go (the sketch builder; a recorder in tests).
/// A trait with two methods rather than a callback taking a token enum: the builder's word
/// step is then inlined into the tokenizer loop, with no enum to build and take apart per
/// word (that round trip cost ~18 instructions per word).
pub(crate) trait TokenSink {
    /// A normalised (lowercased) word with the shape of its original spelling.
    fn word(&mut self, lower: &str, capitalized: bool, numeric: bool);
    /// The end of a sentence (`.`, `!`, `?` before a space, ideographic stops, line breaks).
    fn sentence_end(&mut self);
}

/// Counts of quoted spans seen while tokenizing; quotes are evidence of an original.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct QuoteCount {
    /// Opening curly or guillemet quotes (`“`, `«`, `„`, `「`).
    opening: u32,
    /// Straight double quotes; two of them make one span.
    straight: u32,
}

impl QuoteCount {
    /// Number of quoted spans.
    pub(crate) fn spans(self) -> u32 {
        self.opening + self.straight / 2
    }
}

/// Walks `text` once, handing every word and sentence end to `sink`, and returns the quote
/// count. `word` is a buffer for words that need lowercasing or decoding (reused across
/// texts; emptied here). Never panics: it only ever looks at whole chars.
pub(crate) fn tokenize(text: &str, word: &mut String, sink: &mut impl TokenSink) -> QuoteCount {
    let mut quotes = QuoteCount::default();
    word.clear();
    let mut capitalized = false;
    let mut numeric = true;
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        // ASCII bytes first, without UTF-8 decoding: most news text is ASCII, and the
        // Unicode tables are slow. A byte < 0x80 is always a whole char in UTF-8.
        let class = ASCII_CLASS[usize::from(byte)];
        if class & PLAIN != 0 {
            // Spaces, commas and the like only end a word: no decoding, no dispatch.
            flush(word, capitalized, numeric, sink);
            at += 1;
            continue;
        }
        if class & ALNUM != 0 && word.is_empty() {
            // A word of ASCII letters and digits that ends on an ASCII byte (most words):
            // taken whole, and lent straight from the text when it has no capitals.
            let (end, classes) = scan_ascii_word(bytes, at);
            if bytes.get(end).map_or(true, u8::is_ascii) {
                let Some(run) = text.get(at..end) else {
                    break; // unreachable: both ends sit next to ASCII bytes
                };
                let capitalized = class & UPPER != 0;
                let numeric = classes & LETTER == 0;
                if classes & UPPER != 0 {
                    word.push_str(run);
                    word.make_ascii_lowercase();
                    sink.word(word, capitalized, numeric);
                    word.clear();
                } else {
                    sink.word(run, capitalized, numeric);
                }
                // The usual single space before the next word is skipped here rather than
                // by a turn of the outer loop (it only ends the word, which has ended).
                at = if bytes.get(end) == Some(&b' ') {
                    end + 1
                } else {
                    end
                };
                continue;
            }
        }
        let c = if byte.is_ascii() {
            at += 1;
            if byte.is_ascii_alphanumeric() {
                if word.is_empty() {
                    capitalized = byte.is_ascii_uppercase();
                    numeric = true;
                }
                numeric &= byte.is_ascii_digit();
                word.push(char::from(byte.to_ascii_lowercase()));
                continue;
            }
            char::from(byte)
        } else {
            let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                break; // unreachable for valid UTF-8 positions; stop rather than panic
            };
            at += c.len_utf8();
            if c.is_alphanumeric() {
                if is_ideograph(c) {
                    flush(word, capitalized, numeric, sink);
                    word.push(c);
                    flush(word, false, false, sink);
                    continue;
                }
                if word.is_empty() {
                    capitalized = c.is_uppercase();
                    numeric = true;
                }
                numeric &= c.is_numeric();
                word.extend(c.to_lowercase());
                continue;
            }
            c
        };
        flush(word, capitalized, numeric, sink);
        match c {
            '.' | '!' | '?' | '…' => {
                // "3.5" and "U.S" keep going; a stop needs a space, a quote or the end after it.
                let next = text.get(at..).and_then(|rest| rest.chars().next());
                if next.map_or(true, |n| n.is_whitespace() || is_quote(n)) {
                    sink.sentence_end();
                }
            }
            '\n' | '。' | '！' | '？' | '；' => sink.sentence_end(),
            '“' | '«' | '„' | '「' | '『' => quotes.opening += 1,
            '"' => quotes.straight += 1,
            _ => {}
        }
    }
    flush(word, capitalized, numeric, sink);
    sink.sentence_end();
    quotes
}

/// Classes of bytes for the word scan: ASCII letters and digits, and which letters are
/// capitals; `PLAIN` marks ASCII separators that mean nothing but a word's end (all but
/// sentence stops, line breaks and straight quotes).
const ALNUM: u8 = 1;
const LETTER: u8 = 2;
const UPPER: u8 = 4;
const PLAIN: u8 = 8;
const ASCII_CLASS: [u8; 256] = {
    let mut classes = [0u8; 256];
    let mut byte = 0;
    while byte < 128 {
        let c = byte as u8;
        if c.is_ascii_digit() {
            classes[byte] = ALNUM;
        } else if c.is_ascii_lowercase() {
            classes[byte] = ALNUM | LETTER;
        } else if c.is_ascii_uppercase() {
            classes[byte] = ALNUM | LETTER | UPPER;
        } else if !matches!(c, b'.' | b'!' | b'?' | b'\n' | b'"') {
            classes[byte] = PLAIN;
        }
        byte += 1;
    }
    classes
};

/// The end of the run of ASCII letters and digits starting at `start`, and the union of the
/// run's byte classes (`LETTER`, `UPPER`). Looks at 8 bytes at a time: each byte is tested
/// for the three ranges with SWAR arithmetic, and the first byte outside them ends the run.
/// Byte by byte, the loop cost ~5 instructions a byte plus a mispredicted exit per word.
fn scan_ascii_word(bytes: &[u8], start: usize) -> (usize, u8) {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const BIT5: u64 = 0x2020_2020_2020_2020;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // For bytes below 0x80, adding `0x80 - bound` sets a byte's high bit exactly when the
    // byte is ≥ `bound`, with no carry into the next byte.
    let at_least = |low7: u64, bound: u8| low7 + u64::from(0x80 - bound) * ONES;
    let mut end = start;
    let mut letters = 0u64;
    let mut capitals = 0u64;
    loop {
        let chunk = match bytes.get(end..end + 8) {
            Some(eight) => u64::from_le_bytes(eight.try_into().unwrap_or([0; 8])),
            None => {
                // The text's last few bytes, padded with zero bytes (which end a word).
                let mut padded = [0u8; 8];
                let rest = bytes.get(end..).unwrap_or_default();
                padded[..rest.len().min(8)].copy_from_slice(&rest[..rest.len().min(8)]);
                u64::from_le_bytes(padded)
            }
        };
        let low7 = chunk & LOW7;
        // Setting bit 5 folds capitals onto small letters (and nothing else onto them).
        // These masks also flag some bytes ≥ 0x80 (by their low 7 bits): such a byte is
        // made a stop below, and masks are only kept for bytes before the first stop.
        let folded = low7 | BIT5;
        let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1) & HIGH;
        let digit = at_least(low7, b'0') & !at_least(low7, b'9' + 1);
        // A capital is a letter with bit 5 clear; `<< 2` moves bit 5 to the high bit.
        let capital = letter & !(chunk << 2);
        let stops = (!(letter | digit) | chunk) & HIGH;
        if stops == 0 {
            letters |= letter;
            capitals |= capital;
            end += 8;
            continue;
        }
        // The high bits of the bytes before the first stop.
        let inside = (stops & stops.wrapping_neg()) - 1;
        letters |= letter & inside;
        capitals |= capital & inside;
        let classes = if letters != 0 { LETTER } else { 0 } | if capitals != 0 { UPPER } else { 0 };
        return (end + (stops.trailing_zeros() / 8) as usize, classes);
    }
}

fn flush(word: &mut String, capitalized: bool, numeric: bool, sink: &mut impl TokenSink) {
    if !word.is_empty() {
        sink.word(word, capitalized, numeric);
        word.clear();
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '」' | '』' | ')')
}

/// CJK ideographs, kana and Hangul syllables: scripts where one char carries a word's weight
/// or words are not separated by spaces.
fn is_ideograph(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF     // Hiragana, Katakana
        | 0x3400..=0x4DBF   // CJK Extension A
        | 0x4E00..=0x9FFF   // CJK Unified Ideographs
        | 0xF900..=0xFAFF   // CJK Compatibility Ideographs
        | 0x20000..=0x2FFFF // CJK Extensions B–F
    )
}

/// Whether a normalised word is long enough to carry content: at least three chars. Numbers
/// count as content whatever their length (they are the specifics a rewrite keeps), and
/// stopwords do not (the caller checks both).
#[inline]
pub(crate) fn is_long_enough(lower: &str) -> bool {
    // More than two bytes, and three ASCII bytes are three chars (tested together, without
    // a loop: this runs for every word).
    match lower.as_bytes() {
        [first, second, third, ..] => {
            (first | second | third) < 0x80 || lower.chars().nth(2).is_some()
        }
        _ => false,
    }
}

/// The hash every word is known by (shingles, exact text, stopword lookup): XXH3-64 with
/// seed 0. Words of up to 16 bytes (nearly all) take XXH3's short-input formulas written out
/// here, inlined into the word step: the library call cost ~29 instructions a word, twice
/// for words longer than their stem. The values are XXH3's to the bit (a test compares
/// them with the library for every length), because fingerprints are stored and compared.
#[inline(always)]
pub(crate) fn word_hash(lower: &str) -> u64 {
    let bytes = lower.as_bytes();
    let len = bytes.len();
    let read_u32 = |at: usize| {
        bytes.get(at..at + 4).map_or(0, |four| {
            u32::from_le_bytes(four.try_into().unwrap_or([0; 4]))
        })
    };
    let read_u64 = |at: usize| {
        bytes.get(at..at + 8).map_or(0, |eight| {
            u64::from_le_bytes(eight.try_into().unwrap_or([0; 8]))
        })
    };
    match len {
        1..=3 => {
            let first = u32::from(bytes[0]);
            let middle = u32::from(bytes[len / 2]);
            let last = u32::from(bytes[len - 1]);
            let combined = (first << 16) | (middle << 24) | last | ((len as u32) << 8);
            xxh3::xxh64_avalanche(u64::from(combined) ^ xxh3::FLIP_1_TO_3)
        }
        4..=8 => {
            let joined = u64::from(read_u32(len - 4)) + (u64::from(read_u32(0)) << 32);
            xxh3::strong_avalanche(joined ^ xxh3::FLIP_4_TO_8, len as u64)
        }
        9..=16 => {
            let low = read_u64(0) ^ xxh3::FLIP_9_TO_16_LOW;
            let high = read_u64(len - 8) ^ xxh3::FLIP_9_TO_16_HIGH;
            let product = u128::from(low) * u128::from(high);
            let folded = (product as u64) ^ ((product >> 64) as u64);
            let sum = (len as u64)
                .wrapping_add(low.swap_bytes())
                .wrapping_add(high)
                .wrapping_add(folded);
            xxh3::avalanche(sum)
        }
        _ => xxh3_64(bytes),
    }
}

/// The stem a content word is compared by: its first six chars. Prefix truncation is crude
/// but language-agnostic and free, and it merges the inflections a paraphrase tool swaps
/// ("strengthen"/"strengthening", "visit"/"visits").
#[inline(always)]
pub(crate) fn stem(lower: &str) -> &str {
    // Six bytes hold at most six chars; six ASCII bytes are exactly six.
    if lower.len() <= 6 {
        return lower;
    }
    if lower.as_bytes()[..6].is_ascii() {
        return &lower[..6];
    }
    match lower.char_indices().nth(6) {
        Some((end, _)) => &lower[..end],
        None => lower,
    }
}

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
const STOPWORDS: &[&str] = &[
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

/// [`is_common_stem`] for a 16-bit sentence word key.
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

/// A fixed map from word hashes to class bits: open addressing with linear probing, at most
/// a quarter full, so a lookup is one or two probes (a binary search cost 10% of
/// fingerprinting).
#[derive(Debug)]
pub(crate) struct WordClasses {
    slots: Vec<u64>,
    classes: Vec<u8>,
}

impl WordClasses {
    const EMPTY: u64 = 0;

    fn new(entries: impl Iterator<Item = (u64, u8)> + Clone) -> Self {
        let n_slots = (4 * entries.clone().count()).next_power_of_two().max(16);
        let mut slots = vec![Self::EMPTY; n_slots];
        let mut classes = vec![0u8; n_slots];
        // Hash 0 marks an empty slot; a word hashing to 0 is merely never found.
        for (hash, class) in entries.filter(|&(hash, _)| hash != Self::EMPTY) {
            let mut slot = hash as usize & (n_slots - 1);
            while slots[slot] != Self::EMPTY && slots[slot] != hash {
                slot = (slot + 1) & (n_slots - 1);
            }
            slots[slot] = hash;
            classes[slot] |= class;
        }
        Self { slots, classes }
    }

    /// The class bits of `hash`; 0 when it is in no class.
    #[inline]
    pub(crate) fn get(&self, hash: u64) -> u8 {
        let mask = self.slots.len() - 1;
        let mut slot = hash as usize & mask;
        // The table is at most a quarter full, so an empty slot always ends the probe.
        loop {
            match self.slots[slot] {
                Self::EMPTY => return 0,
                found if found == hash => return self.classes[slot],
                _ => slot = (slot + 1) & mask,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders the token stream as words separated by spaces and `|` at sentence ends,
    /// capitalised words marked with `^`, numbers with `#`, followed by the quote spans.
    fn check(input: &str, expected: &str) {
        let mut out = Recorder(String::new());
        let quotes = tokenize(input, &mut String::new(), &mut out);
        let Recorder(mut out) = out;
        out.push_str(&format!("q{}", quotes.spans()));
        assert_eq!(out, expected);
    }

    struct Recorder(String);

    impl TokenSink for Recorder {
        fn word(&mut self, lower: &str, capitalized: bool, numeric: bool) {
            if capitalized {
                self.0.push('^');
            }
            if numeric {
                self.0.push('#');
            }
            self.0.push_str(lower);
            self.0.push(' ');
        }

        fn sentence_end(&mut self) {
            self.0.push_str("| ");
        }
    }

    #[test]
    fn words_sentences_and_quotes() {
        check(
            "Putin's visit. He said: “We are ready.” Costs 3.5 bn\nEnd",
            "^putin s visit | ^he said ^we are ready | ^costs #3 #5 bn | ^end | q1",
        );
        check("", "| q0");
        check("\"a\" and \"b\"", "a and b | q2");
        // ASCII runs that go on in another script are one word, lower-cased as a whole.
        check("CAFÉ Naïve Zoë’s 4×4", "^café ^naïve ^zoë s #4 #4 | q0");
        // Words longer than a chunk, capitals late in them, digits and letters mixed.
        check(
            "internationalisation deCENTRALISATIONS 2024abcdefghij\x10x",
            "internationalisation decentralisations 2024abcdefghij x | q0",
        );
    }

    #[test]
    fn ascii_word_scan_matches_a_byte_by_byte_scan() {
        // Every byte class next to each other, words across the 8-byte chunks and the end.
        let alphabet = b"aZz09A@[`{/:\x10\x19 .\xC3\xA9";
        let mut state = 7u64;
        for _ in 0..20_000 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            let len = (state >> 59) as usize + 1;
            let mut bytes = Vec::with_capacity(len);
            for round in 0..len {
                let pick = (state >> (round % 8 * 7)) as usize;
                // Mostly letters or, in a third of the texts, digits (long numbers).
                let common: &[u8] = if state % 3 == 0 {
                    b"0123456789"
                } else {
                    b"abcXYZ05"
                };
                bytes.push(if pick % 3 == 0 {
                    alphabet[pick / 3 % alphabet.len()]
                } else {
                    common[pick / 3 % common.len()]
                });
            }
            let start = 0;
            if !bytes[start].is_ascii_alphanumeric() {
                continue;
            }
            let mut end = start;
            let mut classes = 0u8;
            while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
                classes |= ASCII_CLASS[usize::from(bytes[end])] & (LETTER | UPPER);
                end += 1;
            }
            assert_eq!(scan_ascii_word(&bytes, start), (end, classes), "{bytes:?}");
        }
    }

    #[test]
    fn word_hash_is_xxh3() {
        let mut state = 11u64;
        for len in 0..=40usize {
            for _ in 0..200 {
                let word: String = (0..len)
                    .map(|_| {
                        state = state
                            .wrapping_mul(6_364_136_223_846_793_005)
                            .wrapping_add(1);
                        char::from(b'a' + (state >> 59) as u8 % 26)
                    })
                    .collect();
                assert_eq!(word_hash(&word), xxh3_64(word.as_bytes()), "{word}");
            }
        }
        for word in ["é", "été", "путина", "普", "déclaration"] {
            assert_eq!(word_hash(word), xxh3_64(word.as_bytes()), "{word}");
        }
    }

    #[test]
    fn ideographs_are_words() {
        check("普京访问。Да, Путин!", "普 京 访 问 | ^да ^путин | | q0");
    }

    #[test]
    fn stems_and_stopwords() {
        assert_eq!(stem("strengthening"), "streng");
        assert_eq!(stem("путина"), "путина");
        assert_eq!(stem("kim"), "kim");
        assert_eq!(stem("déclaration"), "déclar");
        assert_eq!(stem("dé"), "dé");
        assert!(is_long_enough("été") && is_long_enough("abc"));
        assert!(!is_long_enough("é") && !is_long_enough("éa") && !is_long_enough("us"));
        let classes = |word: &str| word_classes().get(word_hash(word));
        assert_eq!(classes("the"), STOPWORD);
        assert_eq!(classes("through"), STOPWORD);
        assert_eq!(classes("pyongyang"), 0);
        assert_eq!(classes("people"), COMMON_STEM);
        assert!(STOPWORDS.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(COMMON_WORDS.windows(2).all(|pair| pair[0] < pair[1]));
        assert_eq!(classes(stem("important")), COMMON_STEM);
        assert_eq!(classes(stem("pyongyang")), 0);
        assert!(STOPWORDS.iter().all(|word| word.len() <= LONGEST_STOPWORD));
    }
}
