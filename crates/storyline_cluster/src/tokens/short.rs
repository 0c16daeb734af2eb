//! The tokenizer's quickest path: a plain word of under eight bytes, read as one `u64`
//! ([`Tokens::next_short`] → [`ShortWord`]).
//!
//! Most tokens of news text are short ASCII words. [`crate::features`] reads tokens with
//! [`Tokens::next_word`], which gives such a word already lowercased in a register, with
//! its shape, so that it can be hashed there ([`crate::short_hash`]) without copying or
//! rescanning its bytes; any other token (longer, non-ASCII, with inner punctuation, near
//! the end of the text) comes as the [`Token`] the iterator reads.

use super::{Case, Token, Tokens};
use crate::byte_classes::{
    class_of, classify_lanes, skip_alphanumeric, ALPHA, ALPHANUMERIC, BREAKS_NAMES, DIGIT,
    ENDS_SENTENCE, LOWER, UPPER,
};

/// A plain token of one to seven bytes, lowercased, with what the gap before it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ShortWord {
    /// The lowercase bytes, little-endian (first byte lowest); bytes past `len` are zero.
    pub(crate) lower: u64,
    pub(crate) len: usize,
    pub(crate) has_digit: bool,
    /// How the token is written (as [`super::lowercase_into`] reports it).
    pub(crate) case: Case,
    pub(crate) gap_ends_sentence: bool,
    pub(crate) gap_breaks_names: bool,
}

/// The lowest `n` bytes of `word` (n < 8).
#[inline(always)]
pub(crate) fn low_bytes(word: u64, n: usize) -> u64 {
    word & ((1u64 << ((8 * n) & 63)) - 1)
}

/// The byte at `position` (below 8) of a word held little-endian.
#[inline(always)]
fn byte_at(word: u64, position: usize) -> u8 {
    (word >> ((8 * position) & 63)) as u8
}

/// The next token as [`Tokens::next_word`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Word<'a> {
    /// A plain word of under eight bytes, in a register.
    Short(ShortWord),
    /// Any other token.
    Token(Token<'a>),
}

impl<'a> Tokens<'a> {
    /// The next token: a short plain word in a register where it is one (shorter than
    /// eight bytes, eight bytes of text from its start, read as [`Tokens::next_plain`]
    /// would), else the token the iterator gives. A longer plain word goes on from the
    /// eight bytes already judged rather than being read again.
    #[inline(always)]
    pub(crate) fn next_word(&mut self) -> Option<Word<'a>> {
        let bytes = self.text.as_bytes();
        let mut index = self.position;
        let mut gap_classes = 0;
        loop {
            let &byte = bytes.get(index)?;
            let class = class_of(byte);
            if class & ALPHANUMERIC != 0 {
                break;
            }
            if byte >= 0x80 {
                return self.next().map(Word::Token);
            }
            gap_classes |= class;
            index += 1;
        }
        let Some(chunk) = bytes.get(index..index + 8) else {
            return self.next().map(Word::Token);
        };
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let lanes = classify_lanes(word);
        let start = index;
        let (len, next) = if lanes.run < 8 {
            (lanes.run, byte_at(word, lanes.run))
        } else {
            // A long plain word: the rest of its run, byte classes gathered as
            // `next_plain` gathers them (those of the bytes after the first).
            let mut later_classes = classes_of_lanes(
                lanes.digit & !0x80,
                lanes.upper & !0x80,
                lanes.lower & !0x80,
            );
            let end = skip_alphanumeric(bytes, start + 8, &mut later_classes);
            let next = bytes.get(end).copied();
            if next.is_some_and(|byte| continues_token(bytes, start, end, byte)) {
                return self.next().map(Word::Token);
            }
            let text = self.text.get(start..end)?;
            self.position = end;
            return Some(Word::Token(Token {
                text,
                gap_ends_sentence: gap_classes & ENDS_SENTENCE != 0,
                gap_breaks_names: gap_classes & BREAKS_NAMES != 0,
                is_ascii: true,
                ascii_classes: Some((class_of(word as u8), later_classes)),
            }));
        };
        if continues_token(bytes, start, start + len, next) {
            return self.next().map(Word::Token);
        }
        self.position = start + len;
        // Lane 0 is the first byte; the case rules look at it apart from the rest.
        let first_upper = lanes.upper & 0x80 != 0;
        let later_lower = lanes.lower & !0xff != 0;
        let later_alpha = (lanes.upper | lanes.lower) & !0xff != 0;
        let case = if !first_upper {
            Case::Lower
        } else if !later_lower && later_alpha {
            Case::AllCaps
        } else {
            Case::Capitalised
        };
        Some(Word::Short(ShortWord {
            // Bit 5 lowers an ASCII capital: the capitals' top bits shifted down by two.
            lower: low_bytes(word, len) | (lanes.upper >> 2),
            len,
            has_digit: lanes.digit != 0,
            case,
            gap_ends_sentence: gap_classes & ENDS_SENTENCE != 0,
            gap_breaks_names: gap_classes & BREAKS_NAMES != 0,
        }))
    }
}

/// The class bits ([`DIGIT`], [`ALPHA`], [`UPPER`], [`LOWER`]) of lane masks.
#[inline(always)]
fn classes_of_lanes(digit: u64, upper: u64, lower: u64) -> u8 {
    (u8::from(digit != 0) * DIGIT)
        | (u8::from(lower != 0) * (ALPHA | LOWER))
        | (u8::from(upper != 0) * (ALPHA | UPPER))
}

/// Whether `next`, the byte after the alphanumeric run `start..end`, would continue the
/// token by the rules of [`Tokens::next_plain`]: an apostrophe or a non-ASCII byte (left
/// to the general path), a comma or dot between digits, a dot after a single capital.
#[inline(always)]
fn continues_token(bytes: &[u8], start: usize, end: usize, next: u8) -> bool {
    match next {
        b',' | b'.' => {
            let last = bytes.get(end.wrapping_sub(1)).copied().unwrap_or(0);
            let between_digits =
                last.is_ascii_digit() && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
            between_digits || (next == b'.' && last.is_ascii_uppercase() && end - 1 == start)
        }
        b'\'' => true,
        byte => byte >= 0x80,
    }
}

/// [`super::strip_plural`] of a short lowercase ASCII word held in a register: the singular
/// and its length, or `None` when the word is no plural.
#[inline(always)]
pub(crate) fn short_plural_stem(word: u64, len: usize) -> Option<(u64, usize)> {
    let last = byte_at(word, len.wrapping_sub(1));
    let before = byte_at(word, len.wrapping_sub(2));
    // One test of all the conditions at once (`&`, not `&&`): plurals come at random, and
    // each extra branch was one more guess the processor could get wrong.
    let plural =
        (len > 3) & (last == b's') & (before != b's') & (before != b'u') & (before != b'i');
    if !plural {
        return None;
    }
    if before == b'e' && len > 4 && byte_at(word, len - 3) == b'i' {
        // "-ies" → "-y".
        let stem = low_bytes(word, len - 3) | (u64::from(b'y') << (8 * (len - 3)));
        return Some((stem, len - 2));
    }
    Some((low_bytes(word, len - 1), len - 1))
}

#[cfg(test)]
mod tests {
    use super::super::{lowercase_into, strip_plural};
    use super::*;

    /// Reads `text` with [`Tokens::next_word`] and checks each word against the iterator's
    /// token (lowercase form, shape, gap), and that `expected_short` of them were short.
    fn check(text: &str, expected_short: usize) {
        let mut words = Tokens::new(text);
        let mut n_short = 0;
        for token in Tokens::new(text) {
            let short = match words.next_word() {
                Some(Word::Short(short)) => short,
                other => {
                    assert_eq!(other, Some(Word::Token(token)), "text: {text:?}");
                    continue;
                }
            };
            n_short += 1;
            let mut lower = Vec::new();
            let shape = lowercase_into(&token, &mut lower);
            let bytes = short.lower.to_le_bytes();
            assert_eq!(&bytes[..short.len], &lower[..], "text: {text:?}");
            assert!(bytes[short.len..].iter().all(|&byte| byte == 0));
            assert_eq!(
                (short.has_digit, short.case, short.len),
                (shape.has_digit, shape.case, shape.n_chars),
                "text: {text:?}"
            );
            assert_eq!(
                (short.gap_ends_sentence, short.gap_breaks_names),
                (token.gap_ends_sentence, token.gap_breaks_names),
                "text: {text:?}"
            );
            if !shape.has_digit {
                let stem = short_plural_stem(short.lower, short.len);
                let plural = strip_plural(&mut lower);
                let got = stem.map(|(stem, len)| stem.to_le_bytes()[..len].to_vec());
                assert_eq!(got, plural.then_some(lower), "text: {text:?}");
            }
        }
        assert_eq!(words.next_word(), None);
        assert_eq!(n_short, expected_short, "text: {text:?}");
    }

    #[test]
    fn short_words_read_like_the_iterator() {
        check("Tara Reid, 33, entered rehab. NATO U.S. cities Ladies", 7);
        check("", 0);
        check(
            "Qeshm island quakes: 1,000 hurt; don't x9 Über it's 6.1 end",
            5,
        );
        check("abcdefgh abcdefg x", 1);
        check("Earthquakes, Qeshm's 1234567890,5 ABCDEFGHIJ. x", 0);
    }

    #[test]
    fn random_texts_read_like_the_iterator() {
        for text in crate::tokens::tests::random_texts() {
            let mut words = Tokens::new(&text);
            for token in Tokens::new(&text) {
                match words.next_word() {
                    Some(Word::Short(short)) => {
                        let mut lower = Vec::new();
                        let shape = lowercase_into(&token, &mut lower);
                        assert_eq!(&short.lower.to_le_bytes()[..short.len], &lower[..]);
                        assert_eq!((short.has_digit, short.case), (shape.has_digit, shape.case));
                        assert_eq!(short.gap_ends_sentence, token.gap_ends_sentence);
                        assert_eq!(short.gap_breaks_names, token.gap_breaks_names);
                    }
                    other => assert_eq!(other, Some(Word::Token(token)), "text: {text:?}"),
                }
            }
            assert_eq!(words.next_word(), None, "text: {text:?}");
        }
    }
}
