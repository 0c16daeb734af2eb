//! The word scan: where words start and end in a text, and the byte classes of their
//! letters, read eight bytes at a time where the text is ASCII.
//!
//! [`next_word_start`] and [`word_end`] find the words: runs of letters and digits joined by
//! inner apostrophes and hyphens. The tokenizer ([`super::tokenize_with_words`]) calls them in
//! its own loop; [`WordRanges`] walks a text word by word with them (titles, short texts).

/// Whether `c` may continue a word after a letter or digit ("Jong-un", "Putin's").
fn is_word_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐')
}

/// Byte ranges of the words of `text`: runs of letters and digits with inner apostrophes
/// and hyphens. ASCII bytes are classified directly; other characters are decoded.
pub(crate) fn word_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(text.len() / 5);
    out.extend(WordRanges { text, offset: 0 });
    out
}

/// The words of a text as an iterator (see [`word_ranges`]).
#[derive(Debug, Clone)]
pub(crate) struct WordRanges<'t> {
    text: &'t str,
    offset: usize,
}

/// The character at a byte offset of `text` (a char boundary), ASCII without decoding.
#[inline]
fn char_at(text: &str, offset: usize) -> Option<char> {
    match text.as_bytes().get(offset) {
        Some(&byte) if byte.is_ascii() => Some(char::from(byte)),
        Some(_) => text.get(offset..).and_then(|rest| rest.chars().next()),
        None => None,
    }
}

/// Byte classes of the word scan, as bits: a letter or digit, an upper-case letter, a
/// byte of a non-ASCII character. A word's classes or-ed together say whether it needs
/// lower-casing at all.
pub(super) const ALNUM: u8 = 1;
pub(super) const UPPER: u8 = 2;
pub(super) const NON_ASCII: u8 = 4;
pub(super) const DIGIT: u8 = 8;
pub(super) const LOWER: u8 = 16;

pub(super) static BYTE_CLASS: [u8; 256] = {
    let mut table = [0_u8; 256];
    let mut byte = 0;
    while byte < 256 {
        let value = byte as u8;
        table[byte] = if value.is_ascii_uppercase() {
            ALNUM | UPPER
        } else if value.is_ascii_lowercase() {
            ALNUM | LOWER
        } else if value.is_ascii_digit() {
            ALNUM | DIGIT
        } else if value >= 0x80 {
            NON_ASCII
        } else {
            0
        };
        byte += 1;
    }
    table
};

/// How many of the eight bytes of `chunk` (little-endian) are ASCII letters and digits
/// before the first that is not, and their byte classes (see [`BYTE_CLASS`]) or-ed
/// together. Each byte is range-tested in parallel: with its high bit cleared, adding
/// `0x80 - low` sets the high bit exactly when it is at least `low`, and no sum carries
/// into the next byte.
fn alnum_prefix(chunk: u64) -> (usize, u8) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let ascii = !chunk & HIGHS;
    let low7 = chunk & !HIGHS;
    let at_least = |low: u8| low7.wrapping_add(ONES * u64::from(0x80 - low)) & HIGHS;
    let above = |high: u8| low7.wrapping_add(ONES * u64::from(0x7f - high)) & HIGHS;
    let upper = at_least(b'A') & !above(b'Z') & ascii;
    let lower = at_least(b'a') & !above(b'z') & ascii;
    let digit = at_least(b'0') & !above(b'9') & ascii;
    let stops = !(upper | lower | digit) & HIGHS;
    let length = (stops.trailing_zeros() / 8) as usize;
    // The high bits of the bytes before the first stop (all eight when there is none),
    // and the classes found there, without a branch: where a word ends is a coin toss,
    // and mispredicted branches cost more than the arithmetic.
    let prefix = (stops & stops.wrapping_neg()).wrapping_sub(1) & HIGHS;
    let marks = (ALNUM * u8::from(length > 0))
        | (UPPER * u8::from(upper & prefix != 0))
        | (LOWER * u8::from(lower & prefix != 0))
        | (DIGIT * u8::from(digit & prefix != 0));
    (length, marks)
}

impl WordRanges<'_> {
    /// The next word's byte range and its byte classes or-ed together: the same scan as the
    /// tokenizer's ([`next_word_start`], then [`word_end`]).
    #[inline]
    pub(super) fn next_word(&mut self) -> Option<(usize, usize, u8)> {
        let start = next_word_start(self.text, self.offset)?;
        let (end, marks) = word_end(self.text, start);
        self.offset = end;
        Some((start, end, marks))
    }
}

impl Iterator for WordRanges<'_> {
    type Item = (usize, usize);

    #[inline]
    fn next(&mut self) -> Option<(usize, usize)> {
        self.next_word().map(|(start, end, _)| (start, end))
    }
}

/// Where the next word starts at or after `offset`: the next letter or digit.
#[inline(always)]
pub(super) fn next_word_start(text: &str, mut offset: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    loop {
        let byte = *bytes.get(offset)?;
        let class = BYTE_CLASS[usize::from(byte)];
        if class & ALNUM != 0 {
            return Some(offset);
        }
        if class & NON_ASCII == 0 {
            offset += 1;
            continue;
        }
        let c = char_at(text, offset)?;
        if c.is_alphanumeric() {
            return Some(offset);
        }
        offset += c.len_utf8();
    }
}

/// The end of the word that starts at `start` (see [`WordRanges`]) and its byte classes
/// or-ed together: runs of letters and digits, joined by a joiner followed by one.
// Inlined into the tokenizer's loop: as a call, saving and restoring its registers cost a
// quarter of it.
#[inline(always)]
pub(super) fn word_end(text: &str, start: usize) -> (usize, u8) {
    let bytes = text.as_bytes();
    let mut offset = start;
    let mut marks = 0;
    loop {
        // Eight bytes at a time while the run of ASCII letters and digits goes on.
        while let Some(chunk) = bytes.get(offset..offset + 8) {
            let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
                break;
            };
            let (length, run_marks) = alnum_prefix(u64::from_le_bytes(chunk));
            marks |= run_marks;
            offset += length;
            if length < 8 {
                break;
            }
        }
        // Then byte by byte: the last few bytes of the text, and what ends the run.
        let byte = loop {
            let Some(&byte) = bytes.get(offset) else {
                return (offset, marks);
            };
            let class = BYTE_CLASS[usize::from(byte)];
            if class & ALNUM == 0 {
                break byte;
            }
            marks |= class;
            offset += 1;
        };
        let c = if byte.is_ascii() {
            if byte != b'\'' && byte != b'-' {
                return (offset, marks);
            }
            char::from(byte)
        } else {
            match char_at(text, offset) {
                Some(c) if c.is_alphanumeric() => {
                    marks |= NON_ASCII;
                    offset += c.len_utf8();
                    continue;
                }
                Some(c) if is_word_joiner(c) => c,
                _ => return (offset, marks),
            }
        };
        let next_offset = offset + c.len_utf8();
        if !char_at(text, next_offset).is_some_and(char::is_alphanumeric) {
            return (offset, marks);
        }
        marks |= BYTE_CLASS[usize::from(byte)];
        offset = next_offset;
    }
}

impl<'t> WordRanges<'t> {
    /// The scan of `text` from its start.
    pub(crate) fn new(text: &'t str) -> Self {
        WordRanges { text, offset: 0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_bytes_classed_as_one_at_a_time() {
        let samples: [&[u8]; 6] = [
            b"abcdefgh",
            b"Abc1 xyz",
            b"ab-cd'ef",
            b"\xc3\xa9abcdef",
            b"12345678",
            b"ZZ@[`{/:",
        ];
        for sample in samples {
            let Ok(chunk) = <[u8; 8]>::try_from(sample) else {
                continue;
            };
            let length = sample
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            let marks = sample[..length]
                .iter()
                .fold(0, |marks, &b| marks | BYTE_CLASS[usize::from(b)]);
            assert_eq!(alnum_prefix(u64::from_le_bytes(chunk)), (length, marks));
        }
        for byte in 0..=255_u8 {
            let chunk = [byte, b' ', b' ', b' ', b' ', b' ', b' ', b' '];
            let expected = if byte.is_ascii_alphanumeric() {
                (1, BYTE_CLASS[usize::from(byte)])
            } else {
                (0, 0)
            };
            assert_eq!(alnum_prefix(u64::from_le_bytes(chunk)), expected, "{byte}");
        }
    }
}
