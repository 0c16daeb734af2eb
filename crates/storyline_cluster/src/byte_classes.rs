//! Byte classes of ASCII text: a table of what each byte is ([`class_of`]), and a scan
//! that judges eight bytes at a time ([`skip_alphanumeric`], [`classify_eight`]).
//!
//! Used by the tokenizer of story features ([`crate::tokens`]): most news text is ASCII, so
//! its words are found and described (case, digits) without decoding characters.

/// Byte classes of ASCII characters (bit flags), for [`CLASSES`].
pub(crate) const ALPHA: u8 = 1;
pub(crate) const DIGIT: u8 = 2;
pub(crate) const UPPER: u8 = 4;
pub(crate) const LOWER: u8 = 8;
/// '.', '!', '?' and the line break end a sentence.
pub(crate) const ENDS_SENTENCE: u8 = 16;
/// ':', ';', '"' and '(' break a run of capitalised names.
pub(crate) const BREAKS_NAMES: u8 = 32;
pub(crate) const COMMA: u8 = 64;
pub(crate) const ALPHANUMERIC: u8 = ALPHA | DIGIT;

/// Class bits of each ASCII byte (0 for the bytes of other characters).
pub(crate) const CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0usize;
    while byte < 128 {
        let value = byte as u8;
        table[byte] = if value.is_ascii_uppercase() {
            ALPHA | UPPER
        } else if value.is_ascii_lowercase() {
            ALPHA | LOWER
        } else if value.is_ascii_digit() {
            DIGIT
        } else {
            match value {
                b'.' | b'!' | b'?' | b'\n' => ENDS_SENTENCE,
                b':' | b';' | b'"' | b'(' => BREAKS_NAMES,
                b',' => COMMA,
                _ => 0,
            }
        };
        byte += 1;
    }
    table
};

/// The class bits of an ASCII byte; 0 for a non-ASCII one.
#[inline]
pub(crate) fn class_of(byte: u8) -> u8 {
    CLASSES[usize::from(byte)]
}

/// Skips the run of ASCII letters and digits starting at byte `index`, ORing their class
/// bits into `classes`; returns where the run ends. Eight bytes are judged at a time
/// ([`classify_eight`]): most words fit in one step, which spares a byte loop whose exit,
/// at a different length for every word, the processor cannot predict.
#[inline]
pub(crate) fn skip_alphanumeric(bytes: &[u8], mut index: usize, classes: &mut u8) -> usize {
    while let Some(chunk) = bytes.get(index..index.saturating_add(8)) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let (run, run_classes) = classify_eight(u64::from_le_bytes(chunk));
        *classes |= run_classes;
        index += run;
        if run < 8 {
            return index;
        }
    }
    // The last few bytes of the text, one at a time.
    while let Some(&byte) = bytes.get(index) {
        let class = class_of(byte);
        if class & ALPHANUMERIC == 0 {
            break;
        }
        *classes |= class;
        index += 1;
    }
    index
}

/// Eight bytes of text (first byte lowest): how many leading bytes are ASCII letters or
/// digits, and the OR of their class bits ([`ALPHA`], [`UPPER`], [`LOWER`], [`DIGIT`]).
#[inline]
pub(crate) fn classify_eight(word: u64) -> (usize, u8) {
    let lanes = classify_lanes(word);
    let classes = (u8::from(lanes.digit != 0) * DIGIT)
        | (u8::from(lanes.lower != 0) * (ALPHA | LOWER))
        | (u8::from(lanes.upper != 0) * (ALPHA | UPPER));
    (lanes.run, classes)
}

/// What [`classify_lanes`] finds in eight bytes of text: the length of the leading run of
/// ASCII letters and digits, and per class the top bit of each byte lane (0x80 for the
/// first byte, 0x8000 for the second…) inside that run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Lanes {
    pub(crate) run: usize,
    pub(crate) digit: u64,
    pub(crate) upper: u64,
    pub(crate) lower: u64,
}

/// Judges eight bytes of text (first byte lowest) at once. Each byte's test ends in its top
/// bit; the 7-bit sums below cannot carry into the next byte, so the eight lanes never mix.
#[inline]
pub(crate) fn classify_lanes(word: u64) -> Lanes {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let ascii = !word & HIGH;
    let low7 = word & !HIGH;
    // Top bit set where the 7-bit byte is at least '0' and not above '9'.
    let digit = (low7 + ONES * u64::from(0x80 - b'0')) & !(low7 + ONES * u64::from(0x7f - b'9'));
    // Setting bit 5 folds capitals onto small letters; bit 5 itself (moved to the top bit)
    // then tells which case the letter had.
    let folded = low7 | (ONES * 0x20);
    let letter =
        (folded + ONES * u64::from(0x80 - b'a')) & !(folded + ONES * u64::from(0x7f - b'z'));
    let small = low7 << 2;
    let stop = (!(digit | letter) & HIGH) | (!ascii & HIGH);
    // The lowest stop bit (bit 7 of byte k) shifted to bit 0 of byte k, minus one: the
    // bytes before k. Without a stop, 0 - 1 wraps to all eight bytes.
    let first_stop = stop & stop.wrapping_neg();
    let in_run = (first_stop >> 7).wrapping_sub(1) & HIGH;
    let run = (stop.trailing_zeros() / 8) as usize;
    let letter = letter & in_run;
    Lanes {
        run,
        digit: digit & in_run,
        upper: letter & !small,
        lower: letter & small,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks [`classify_eight`] on `chunk` against the byte table.
    fn check(chunk: [u8; 8]) {
        let mut expected_classes = 0;
        let mut expected_run = 8;
        for (position, &value) in chunk.iter().enumerate() {
            let class = class_of(value);
            if class & ALPHANUMERIC == 0 {
                expected_run = position;
                break;
            }
            expected_classes |= class;
        }
        assert_eq!(
            classify_eight(u64::from_le_bytes(chunk)),
            (expected_run, expected_classes),
            "{chunk:?}"
        );
    }

    #[test]
    fn eight_byte_classes_match_the_byte_table() {
        // Every byte value in every lane, next to letters, digits and other bytes.
        let fillers = [b'a', b'Q', b'7', b' ', 0xc3, b'z', b'.', 0x80, 0xff];
        for byte in 0..=255u8 {
            for lane in 0..8 {
                for &filler in &fillers {
                    let mut chunk = [filler; 8];
                    chunk[lane] = byte;
                    check(chunk);
                }
            }
        }
    }

    #[test]
    fn runs_cross_chunks() {
        let text = b"abcdefghIJKLMNOP12345 x";
        let mut classes = 0;
        assert_eq!(skip_alphanumeric(text, 0, &mut classes), 21);
        assert_eq!(classes, ALPHA | UPPER | LOWER | DIGIT);
        let mut classes = 0;
        assert_eq!(skip_alphanumeric(b"ab", 0, &mut classes), 2);
        assert_eq!(skip_alphanumeric(b"", 0, &mut classes), 0);
    }
}
