//! Tokenizer for copy detection: cleaned text → normalised words and sentence ends handed to
//! a [`TokenSink`], plus the word hash and stem the sketches key words by (the word classes
//! built on them are in `words.rs`).
//!
//! Data comes from `fingerprint` (one article's cleaned text) and goes straight into the
//! sketch builder in `sketch.rs`; nothing here allocates per word (one buffer is reused).
//! Most words (ASCII letters and digits, at most 16 bytes) are handed over as a
//! [`ShortWord`] held in registers by the scan that found them.
//! Normalisation makes every measure case-, whitespace- and punctuation-insensitive: a word
//! is a maximal run of letters/digits, lowercased; apostrophes and hyphens split words.
//! Ideographic scripts (Chinese, Japanese kana) are written without spaces, so each
//! ideograph counts as one word; otherwise a whole Chinese paragraph would be one "word".

use storyline_core::xxh3;
use xxhash_rust::xxh3::xxh3_64;

/// Where the tokenizer's words and sentence ends go (the sketch builder; a recorder in tests).
/// A trait with two methods rather than a callback taking a token enum: the builder's word
/// step is then inlined into the tokenizer loop, with no enum to build and take apart per
/// word (that round trip cost ~18 instructions per word).
pub(crate) trait TokenSink {
    /// A normalised (lowercased) word with the shape of its original spelling.
    fn word(&mut self, lower: &str, capitalized: bool, numeric: bool);
    /// [`TokenSink::word`] for a word of 1 to [`SHORT_WORD`] ASCII letters and digits (most
    /// words), given as the [`ShortWord`] the tokenizer's scan already holds in registers:
    /// lowercased, hashed and stemmed from there without reading the text again.
    fn short_word(&mut self, word: ShortWord, capitalized: bool, numeric: bool);
    /// The end of a sentence (`.`, `!`, `?` before a space, ideographic stops, line breaks).
    fn sentence_end(&mut self);
}

/// Walks `text` once, handing every word and sentence end to `sink`. `word` is a buffer for words that need lowercasing or decoding (reused across
/// texts; emptied here). Never panics: it only ever looks at whole chars.
pub(crate) fn tokenize(text: &str, word: &mut String, sink: &mut impl TokenSink) {
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
            // taken whole; a short one straight from the scan's registers, a longer one
            // lent from the text (or lowercased into `word` when it has capitals).
            let run = scan_ascii_word(bytes, at);
            let next = bytes.get(run.end).copied();
            if next.map_or(true, |next| next.is_ascii()) {
                let capitalized = class & UPPER != 0;
                let numeric = run.classes & LETTER == 0;
                if let Some(short) = run.short {
                    sink.short_word(short, capitalized, numeric);
                } else {
                    let Some(run_text) = text.get(at..run.end) else {
                        break; // unreachable: both ends sit next to ASCII bytes
                    };
                    if run.classes & UPPER != 0 {
                        word.push_str(run_text);
                        word.make_ascii_lowercase();
                        sink.word(word, capitalized, numeric);
                        word.clear();
                    } else {
                        sink.word(run_text, capitalized, numeric);
                    }
                }
                // The usual single space before the next word is skipped here rather than
                // by a turn of the outer loop (it only ends the word, which has ended).
                at = run.end + usize::from(next == Some(b' '));
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
            _ => {}
        }
    }
    flush(word, capitalized, numeric, sink);
    sink.sentence_end();
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

/// The longest word handed over as a [`ShortWord`]: two 8-byte chunks of the scan.
pub(crate) const SHORT_WORD: usize = 16;

/// A word of 1 to [`SHORT_WORD`] ASCII letters and digits, lowercased: its bytes as two
/// little-endian words (zero past the end) and its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ShortWord {
    pub(crate) chunks: [u64; 2],
    pub(crate) len: usize,
}

impl ShortWord {
    /// The word's bytes (for tests and rare paths; the hot path reads `chunks`).
    pub(crate) fn bytes(&self) -> Vec<u8> {
        let [low, high] = self.chunks;
        let mut bytes = low.to_le_bytes().to_vec();
        bytes.extend(high.to_le_bytes());
        bytes.truncate(self.len);
        bytes
    }
}

/// A run of ASCII letters and digits found by [`scan_ascii_word`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct AsciiRun {
    /// Where the run ends (the first byte after it).
    end: usize,
    /// The union of the run's byte classes (`LETTER`, `UPPER`).
    classes: u8,
    /// The run, lowercased, when it is at most [`SHORT_WORD`] bytes long.
    short: Option<ShortWord>,
}

/// The run of ASCII letters and digits starting at `start` (it must start with one). Looks
/// at 8 bytes at a time: each byte is tested for the three ranges with SWAR arithmetic, and
/// the first byte outside them ends the run; capitals are lowercased in the same registers.
/// Byte by byte, the loop cost ~5 instructions a byte plus a mispredicted exit per word.
fn scan_ascii_word(bytes: &[u8], start: usize) -> AsciiRun {
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
    // The first two whole chunks, kept in registers: stores into an array indexed by the
    // chunk number, read back as one 16-byte value, stalled each word on store forwarding.
    let (mut first, mut second) = (0u64, 0u64);
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
        // `>> 2` moves a capital's high bit to bit 5, which makes it a small letter.
        let lowered = chunk | (capital >> 2);
        if stops == 0 {
            letters |= letter;
            capitals |= capital;
            first = if end == start { lowered } else { first };
            second = if end == start + 8 { lowered } else { second };
            end += 8;
            continue;
        }
        // The high bits of the bytes before the first stop.
        let inside = (stops & stops.wrapping_neg()) - 1;
        letters |= letter & inside;
        capitals |= capital & inside;
        // The whole bytes before the stop: `inside` also has the stop's low 7 bits.
        let last = lowered & (inside >> 7);
        let classes = if letters != 0 { LETTER } else { 0 } | if capitals != 0 { UPPER } else { 0 };
        let chunks = match (end - start) / 8 {
            0 => [last, 0],
            1 => [first, last],
            _ => [first, second], // 16 bytes, or a long word (no short form then)
        };
        let end = end + (stops.trailing_zeros() / 8) as usize;
        let len = end - start;
        let short = (1..=SHORT_WORD)
            .contains(&len)
            .then_some(ShortWord { chunks, len });
        return AsciiRun {
            end,
            classes,
            short,
        };
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
        9..=16 => xxh3::hash_9_to_16(read_u64(0), read_u64(len - 8), len as u64),
        _ => xxh3_64(bytes),
    }
}

/// [`word_hash`] of a [`ShortWord`], from its chunks: the same XXH3 formulas, with each
/// read of the bytes a shift of a register (no loads, no bounds checks).
#[inline(always)]
pub(crate) fn short_word_hash(word: ShortWord) -> u64 {
    let [low, high] = word.chunks;
    let len = word.len;
    // A shift of 64 or more is never asked for: each arm keeps its shifts below.
    let byte_at = |at: usize| (low >> (8 * (at % 8))) as u32 & 0xFF;
    match len {
        1..=3 => {
            let combined = (byte_at(0) << 16)
                | (byte_at(len / 2) << 24)
                | byte_at(len - 1)
                | ((len as u32) << 8);
            xxh3::xxh64_avalanche(u64::from(combined) ^ xxh3::FLIP_1_TO_3)
        }
        4..=8 => {
            let last4 = (low >> (8 * ((len - 4) % 8))) as u32;
            let joined = u64::from(last4) + (u64::from(low as u32) << 32);
            xxh3::strong_avalanche(joined ^ xxh3::FLIP_4_TO_8, len as u64)
        }
        9..=16 => {
            let both = (u128::from(high) << 64) | u128::from(low);
            let last8 = (both >> (8 * ((len - 8) % 16))) as u64;
            xxh3::hash_9_to_16(low, last8, len as u64)
        }
        // Not a short word's length; hashed from its bytes all the same.
        _ => xxh3_64(&word.bytes()),
    }
}

/// The hash of a [`ShortWord`]'s stem ([`stem`]: an ASCII word's first six bytes), or `None`
/// when the word is its own stem.
#[inline(always)]
pub(crate) fn short_stem_hash(word: ShortWord) -> Option<u64> {
    (word.len > 6).then(|| {
        short_word_hash(ShortWord {
            chunks: [word.chunks[0] & 0xFFFF_FFFF_FFFF, 0],
            len: 6,
        })
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders the token stream as words separated by spaces and `|` at sentence ends,
    /// capitalised words marked with `^`, numbers with `#`.
    fn check(input: &str, expected: &str) {
        let mut out = Recorder(String::new());
        tokenize(input, &mut String::new(), &mut out);
        let Recorder(out) = out;
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

        fn short_word(&mut self, word: ShortWord, capitalized: bool, numeric: bool) {
            let lower = String::from_utf8(word.bytes()).unwrap_or_default();
            self.word(&lower, capitalized, numeric);
        }

        fn sentence_end(&mut self) {
            self.0.push_str("| ");
        }
    }

    #[test]
    fn words_sentences_and_quotes() {
        check(
            "Putin's visit. He said: “We are ready.” Costs 3.5 bn\nEnd",
            "^putin s visit | ^he said ^we are ready | ^costs #3 #5 bn | ^end | ",
        );
        check("", "| ");
        check("\"a\" and \"b\"", "a and b | ");
        // ASCII runs that go on in another script are one word, lower-cased as a whole.
        check("CAFÉ Naïve Zoë’s 4×4", "^café ^naïve ^zoë s #4 #4 | ");
        // Words longer than a chunk, capitals late in them, digits and letters mixed.
        check(
            "internationalisation deCENTRALISATIONS 2024abcdefghij\x10x",
            "internationalisation decentralisations 2024abcdefghij x | ",
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
            let run = scan_ascii_word(&bytes, start);
            assert_eq!((run.end, run.classes), (end, classes), "{bytes:?}");
            let lower = bytes[start..end].to_ascii_lowercase();
            assert_eq!(
                run.short.map(|short| short.bytes()),
                (lower.len() <= SHORT_WORD).then_some(lower)
            );
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
                if (1..=SHORT_WORD).contains(&len) {
                    let mut padded = [0u8; 16];
                    padded[..len].copy_from_slice(word.as_bytes());
                    let chunks = [
                        u64::from_le_bytes(padded[..8].try_into().unwrap()),
                        u64::from_le_bytes(padded[8..].try_into().unwrap()),
                    ];
                    let short = ShortWord { chunks, len };
                    assert_eq!(short_word_hash(short), word_hash(&word), "{word}");
                    let stem_hash = short_stem_hash(short).unwrap_or(word_hash(&word));
                    assert_eq!(stem_hash, word_hash(stem(&word)), "{word}");
                }
            }
        }
        for word in ["é", "été", "путина", "普", "déclaration"] {
            assert_eq!(word_hash(word), xxh3_64(word.as_bytes()), "{word}");
        }
    }

    #[test]
    fn ideographs_are_words() {
        check("普京访问。Да, Путин!", "普 京 访 问 | ^да ^путин | | ");
    }

    #[test]
    fn stems_and_stopwords() {
        use crate::words::{
            word_classes, COMMON_STEM, COMMON_WORDS, LONGEST_STOPWORD, STOPWORD, STOPWORDS,
        };
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
        // Every entry is found, with its classes; a small table that must evict.
    }
}
