//! Folding a normalised ASCII line in one branch-light pass: the path that
//! [`crate::text::split_lines`] takes for most lines (through
//! [`crate::fold::fold_normalised_ascii`]), so that `observe` and `clean` fold them cheaply.
//!
//! The line is read eight bytes at a time as a `u64` with masks that have the high bit of each
//! byte set. Sixteen bytes of plain words and single spaces are copied lowered
//! ([`plain_pair`]); any other chunk is folded by [`fold_chunk_into`] without a branch on its
//! bytes: a letter or digit is kept lowered, the byte before each word start (other than the
//! line's first) becomes its space, and the rest is squeezed out. What the masks cannot
//! judge — a byte of another script, a control byte, a double space, or two apostrophes inside
//! a word — is only noted, and the line is handed back (`None`) to the general fold in
//! [`crate::fold`], which then also normalises it. Every answer agrees with
//! [`crate::fold::fold`]; its tests compare them on generated text.

use crate::fold::{bytes_in_range, count_flags, write_block, HIGH_BITS, LOWERCASE_BITS, LOW_BITS};

/// [`LOWERCASE_BITS`] in both halves of sixteen bytes.
const LOWERCASE_PAIR: u128 = (LOWERCASE_BITS as u128) << 64 | LOWERCASE_BITS as u128;

/// Where the fold of a line stands between two chunks. The `*_top` flags are `0x80` (the high
/// bit of the first byte) or 0, so that they OR into a mask shifted up by one byte.
#[derive(Debug, Clone, Copy)]
struct LineState {
    /// The byte before the chunk belongs to a word: a letter, a digit, or an apostrophe after
    /// one ("don't" is one word).
    word_top: u64,
    /// The byte before the chunk is an apostrophe after a letter or digit.
    apostrophe_top: u64,
    /// The byte before the chunk is a space.
    space_top: u64,
    /// All ones until the line's first word starts, then 0: the first word gets no space.
    before_first_word: u64,
    /// High bits of the reasons the line is not plain normalised ASCII (see
    /// [`fold_chunk_into`]); the line is handed back when any is set.
    bad: u64,
    n_words: u32,
}

/// Folds `line` into `out` and returns its word count when the line is ASCII text that
/// whitespace normalisation would leave as it is (the caller has checked that it neither
/// starts nor ends with a space) and holds no apostrophe after an apostrophe inside a word;
/// `None`, with `out` as it was, for any other line.
pub(crate) fn fold_plain_ascii_line(line: &[u8], out: &mut Vec<u8>) -> Option<u32> {
    let base = out.len();
    // The folded line is at most one byte longer than the line (a space before a word at the
    // start of a chunk); every chunk writes a space and eight bytes whole past its end.
    out.resize(base + line.len() + 1 + 16, 0);
    let room = out.get_mut(base..).unwrap_or_default();
    let mut state = LineState {
        word_top: 0,
        apostrophe_top: 0,
        space_top: 0,
        before_first_word: u64::MAX,
        bad: 0,
        n_words: 0,
    };
    // A line that opens with a letter or digit opens its first word: counted here, so that the
    // first chunk may already go the plain way.
    if line.first().is_some_and(u8::is_ascii_alphanumeric) {
        state.word_top = 0x80;
        state.before_first_word = 0;
        state.n_words = 1;
    }
    let mut end = 0usize;
    let mut at = 0usize;
    while let Some(pair) = pair_at(line, at) {
        if state.word_top == 0 && IS_ALPHANUMERIC[usize::from(pair as u8)] {
            // A word starts on the pair's first byte: its space (if a word came before) and
            // its count go first, so that the pair may go the plain way as if inside it.
            let space = usize::from(state.before_first_word == 0);
            if let Some(slot) = room.get_mut(end) {
                *slot = b' ';
            }
            end += space;
            state.n_words += 1;
            state.before_first_word = 0;
            state.word_top = 0x80;
            state.space_top = 0;
        }
        if state.word_top != 0 {
            // Inside a word, runs of plain text (most of a line) are copied lowered in a loop
            // of their own, whose state is a pointer, a length and a count.
            let mut n_spaces = 0;
            let mut plain = false;
            while let Some(pair) = pair_at(line, at) {
                let Some(spaces) = plain_pair(pair, line.get(at + 16)) else {
                    break;
                };
                if let Some(target) = room.get_mut(end..end + 16) {
                    target.copy_from_slice(&(pair | LOWERCASE_PAIR).to_le_bytes());
                }
                (at, end, n_spaces, plain) = (at + 16, end + 16, n_spaces + spaces, true);
            }
            if plain {
                // The text ends inside a word, or on a space before one that is counted
                // already: either way the next byte goes on as if inside a word.
                state.n_words += n_spaces;
                state.apostrophe_top = 0;
                state.space_top = 0;
                continue;
            }
        }
        let (low, high) = (pair as u64, (pair >> 64) as u64);
        end = fold_chunk_into(low, 8, &mut state, room, end);
        end = fold_chunk_into(high, 8, &mut state, room, end);
        at += 16;
        // A line of another script gives up early rather than at its end.
        if state.bad & HIGH_BITS != 0 {
            out.truncate(base);
            return None;
        }
    }
    if let Some(chunk) = line.get(at..at + 8) {
        let chunk = <[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes);
        end = fold_chunk_into(chunk, 8, &mut state, room, end);
        at += 8;
    }
    let n_bytes = line.len().saturating_sub(at);
    if n_bytes > 0 {
        end = fold_chunk_into(tail_chunk(line, n_bytes), n_bytes, &mut state, room, end);
    }
    if state.bad & HIGH_BITS != 0 {
        out.truncate(base);
        return None;
    }
    out.truncate(base + end);
    Some(state.n_words)
}

/// The last `n_bytes` (1 to 7) of `line` as the low bytes of a chunk, the bytes after them
/// periods (dropped, and no word starts on them). A line of eight bytes or more gives its last
/// eight shifted down: a copy of a variable length was a `memcpy` call whose branches on the
/// length often went the wrong way.
fn tail_chunk(line: &[u8], n_bytes: usize) -> u64 {
    let n_bytes = n_bytes.clamp(1, 7);
    let periods = (LOW_BITS * u64::from(b'.')) << (8 * n_bytes);
    let last_eight = line
        .len()
        .checked_sub(8)
        .and_then(|start| line.get(start..))
        .and_then(|last| <[u8; 8]>::try_from(last).ok());
    let tail = match last_eight {
        Some(last) => u64::from_le_bytes(last) >> (8 * (8 - n_bytes)),
        None => line
            .iter()
            .rev()
            .take(n_bytes)
            .fold(0, |tail, &byte| (tail << 8) | u64::from(byte)),
    };
    tail | periods
}

/// True for the ASCII letters and digits.
const IS_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0usize;
    while byte < 128 {
        table[byte] = (byte as u8).is_ascii_alphanumeric();
        byte += 1;
    }
    table
};

/// The sixteen bytes of `line` from `at` (little-endian), if there are as many.
fn pair_at(line: &[u8], at: usize) -> Option<u128> {
    let pair = line.get(at..at + 16)?;
    <[u8; 16]>::try_from(pair).ok().map(u128::from_le_bytes)
}

/// The number of spaces in sixteen bytes of plain text that follow a letter or digit (or a
/// space counted already, before a letter or digit): letters, digits and single spaces, the
/// last byte a letter or digit or a space before one (`next` is the byte after them). Such
/// bytes fold to themselves lowered and each space starts a word. `None` for any other bytes.
#[inline(always)]
fn plain_pair(pair: u128, next: Option<&u8>) -> Option<u32> {
    let (low, high) = (pair as u64, (pair >> 64) as u64);
    let classes = |chunk: u64| {
        let lowered = chunk | LOWERCASE_BITS;
        let alphanumeric = bytes_in_range(lowered, b'a', b'z') | bytes_in_range(chunk, b'0', b'9');
        let spaces = bytes_in_range(chunk, b' ', b' ');
        (alphanumeric, spaces)
    };
    let (low_alphanumeric, low_spaces) = classes(low);
    let (high_alphanumeric, high_spaces) = classes(high);
    // Arithmetic rather than `||` and `is_some_and`, whose branches often went wrong.
    let next = next.copied().unwrap_or(0);
    let next_alphanumeric =
        ((next | 0x20).wrapping_sub(b'a') < 26) | (next.wrapping_sub(b'0') < 10);
    let ends_well = (high_alphanumeric >> 63 == 1) | next_alphanumeric;
    // One test for all conditions: `&` rather than `&&`, so that it is one branch.
    let is_plain = ((low | high) & HIGH_BITS == 0)
        & ((low_alphanumeric | low_spaces) & (high_alphanumeric | high_spaces) == HIGH_BITS)
        & ((low_spaces & (low_spaces << 8))
            | (high_spaces & ((high_spaces << 8) | (low_spaces >> 56)))
            == 0)
        & ends_well;
    // Both halves' flags summed per byte (at most 2 each), then all bytes in one multiply.
    is_plain.then(|| (((low_spaces >> 7) + (high_spaces >> 7)).wrapping_mul(LOW_BITS) >> 56) as u32)
}

/// Folds the first `n_bytes` (1 to 8) of an ASCII chunk (little-endian in a `u64`) into
/// `room` at `end` and returns the new end. Letters and digits are kept and lowered (one OR
/// with 0x20, which digits already have); an apostrophe right after one is dropped and keeps
/// the word going; the byte before each word start becomes the space before the word, unless
/// the word is the line's first (a start on the chunk's first byte gets a space written ahead
/// of the chunk); every other byte goes, squeezed out one shift each.
///
/// Bytes of other scripts, control bytes, double spaces and an apostrophe after such an
/// apostrophe ("a''b" is one word, which this fold would split) are only noted in
/// `state.bad`: the caller hands the line to the general fold.
#[inline(always)]
fn fold_chunk_into(
    chunk: u64,
    n_bytes: usize,
    state: &mut LineState,
    room: &mut [u8],
    end: usize,
) -> usize {
    let lowered = chunk | LOWERCASE_BITS;
    let alphanumeric = bytes_in_range(lowered, b'a', b'z') | bytes_in_range(chunk, b'0', b'9');
    let spaces = bytes_in_range(chunk, b' ', b' ');
    let apostrophes = bytes_in_range(chunk, b'\'', b'\'');
    let continuing = apostrophes & ((alphanumeric << 8) | state.word_top);
    let word = alphanumeric | continuing;
    let starts = alphanumeric & !((word << 8) | state.word_top);
    let first_word = starts & starts.wrapping_neg() & state.before_first_word;
    let spaced_starts = starts ^ first_word;
    let kept = alphanumeric | (spaced_starts >> 8);
    let valid = HIGH_BITS >> (8 * (8 - n_bytes.clamp(1, 8)));
    let mut dropped = !kept & valid;
    let n_kept = n_bytes - count_flags(dropped) as usize;
    // High bits of bytes >= 0x80, of bytes below 0x20 (plus 0x60 stays below 0x80) and of
    // 0x7f (plus 1 reaches 0x80); a byte >= 0x80 may carry into the next, which is moot.
    state.bad |= chunk
        | !chunk.wrapping_add(LOW_BITS * 0x60)
        | chunk.wrapping_add(LOW_BITS)
        | (spaces & ((spaces << 8) | state.space_top))
        | (apostrophes & ((continuing << 8) | state.apostrophe_top));
    let letters = (alphanumeric >> 7) * 0xff;
    let mut bytes = (lowered & letters) | (LOWERCASE_BITS & !letters);
    // The first byte to drop is squeezed out without a branch (with none, `below` is every
    // byte and nothing moves): most chunks drop none or one, and a loop's exit went the wrong
    // way on many of them.
    let squeeze = |bytes: u64, dropped: u64| {
        let lowest = dropped & dropped.wrapping_neg();
        let below = (lowest >> 7).wrapping_sub(1);
        let bytes = (bytes & below) | ((bytes >> 8) & !below);
        (bytes, (dropped ^ lowest) >> 8)
    };
    (bytes, dropped) = squeeze(bytes, dropped);
    while dropped != 0 {
        (bytes, dropped) = squeeze(bytes, dropped);
    }
    let space = usize::from(spaced_starts & 0x80 != 0);
    // Written whether or not it is kept: the chunk lands on it otherwise.
    if let Some(slot) = room.get_mut(end) {
        *slot = b' ';
    }
    write_block(room, end + space, &bytes.to_le_bytes());
    state.word_top = (word >> 56) & 0x80;
    state.apostrophe_top = (continuing >> 56) & 0x80;
    state.space_top = (spaces >> 56) & 0x80;
    state.before_first_word &= u64::from(starts == 0).wrapping_neg();
    state.n_words += count_flags(starts);
    end + space + n_kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::tests::reference_fold;

    /// Folds `input` on this path alone and compares with `expected` (`None`: handed back).
    fn check(input: &str, expected: Option<(&str, u32)>) {
        let mut out = b"kept".to_vec();
        let n_words = fold_plain_ascii_line(input.as_bytes(), &mut out);
        match expected {
            Some((folded, expected_words)) => {
                assert_eq!(n_words, Some(expected_words), "input: {input:?}");
                assert_eq!(out, format!("kept{folded}").as_bytes(), "input: {input:?}");
            }
            None => {
                assert_eq!(n_words, None, "input: {input:?}");
                assert_eq!(out, b"kept", "input: {input:?}");
            }
        }
    }

    #[test]
    fn folds_running_text_and_hands_back_the_rest() {
        check("Hello", Some(("hello", 1)));
        check(
            "The Quick Brown Fox jumps over the lazy dog's bone, twice.",
            Some((
                "the quick brown fox jumps over the lazy dogs bone twice",
                11,
            )),
        );
        check(
            "(Reuters) -- U.S. troops, 2,000 of them: \"don't\" 'n' rock",
            Some(("reuters u s troops 2 000 of them dont n rock", 11)),
        );
        check("'quoted' and ''double'", Some(("quoted and double", 3)));
        check("***", Some(("", 0)));
        // Punctuation, a hyphen and an apostrophe at every position of a chunk.
        for offset in 0..20 {
            let prefix = "a".repeat(offset);
            let expected = format!("{prefix} x rayd");
            let n_words = if offset > 0 { 3 } else { 2 };
            check(
                &format!("{prefix}. X-ray'd"),
                Some((expected.trim_start(), n_words)),
            );
        }
        // An apostrophe after one inside a word, another script, a control byte, a double
        // space: the general fold decides.
        check("rock''n roll", None);
        check("Café society", None);
        check("tab\there", None);
        check("two  spaces", None);
        check(
            "long line of text with two  spaces far from its start",
            None,
        );
    }

    #[test]
    fn long_running_text_agrees_with_the_definition() {
        // Words and separators of running text, so that lines run through many pairs, with
        // every separator at every position of a pair.
        let words = [
            "a", "Bc", "def", "Ghij", "klmno", "2024", "x7", "Quick", "brown",
        ];
        let separators = [
            " ", " ", " ", ". ", ", ", " - ", "'", "-", "\"", " (", ") ", ": ", "''", "  ", "\t",
            "é",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |bound: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % bound as u64) as usize
        };
        for _ in 0..3000 {
            let mut text = String::new();
            let n_words = 1 + next(60);
            for index in 0..n_words {
                if index > 0 {
                    text.push_str(separators[next(separators.len())]);
                }
                text.push_str(words[next(words.len())]);
            }
            let mut out = Vec::new();
            let (expected, expected_words) = reference_fold(&text);
            match fold_plain_ascii_line(text.as_bytes(), &mut out) {
                Some(n_words) => {
                    assert_eq!(out, expected.as_bytes(), "text: {text:?}");
                    assert_eq!(n_words, expected_words, "text: {text:?}");
                }
                // Handed back only for what the general fold must judge.
                None => assert!(
                    !text.is_ascii()
                        || text.contains("  ")
                        || text.contains('\t')
                        || text.contains("''"),
                    "text: {text:?}"
                ),
            }
        }
    }
}
