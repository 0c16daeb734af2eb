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
    let mut end = 0usize;
    let mut pairs = line.chunks_exact(16);
    for pair in &mut pairs {
        let Ok(pair) = <[u8; 16]>::try_from(pair) else {
            continue;
        };
        let both = u128::from_le_bytes(pair);
        let (low, high) = (both as u64, (both >> 64) as u64);
        if let Some((space, after)) = plain_pair(low, high, &state) {
            if let Some(target) = room
                .get_mut(end..end + 17)
                .and_then(|target| <&mut [u8; 17]>::try_from(target).ok())
            {
                // The space is written whether or not it is kept: the text lands on it
                // otherwise.
                target[0] = b' ';
                target[space..space + 16].copy_from_slice(&(both | LOWERCASE_PAIR).to_le_bytes());
            }
            end += space + 16;
            state = after;
            continue;
        }
        end = fold_chunk_into(low, 8, &mut state, room, end);
        end = fold_chunk_into(high, 8, &mut state, room, end);
        // A line of another script gives up early rather than at its end.
        if state.bad & HIGH_BITS != 0 {
            out.truncate(base);
            return None;
        }
    }
    let mut rest = pairs.remainder();
    while !rest.is_empty() {
        let n_bytes = rest.len().min(8);
        // The bytes past the line are periods: they are dropped and start no word.
        let mut padded = [b'.'; 8];
        padded[..n_bytes].copy_from_slice(&rest[..n_bytes]);
        end = fold_chunk_into(u64::from_le_bytes(padded), n_bytes, &mut state, room, end);
        rest = &rest[n_bytes..];
    }
    if state.bad & HIGH_BITS != 0 {
        out.truncate(base);
        return None;
    }
    out.truncate(base + end);
    Some(state.n_words)
}

/// Sixteen bytes of plain text: letters, digits and single spaces, ending in a letter or
/// digit, and not starting with a space before the line's first word. They fold to
/// themselves lowered, and each space starts a word. Returns whether a space goes first (0 or
/// 1) and the state after them; `None` for any other bytes, which [`fold_chunk_into`] folds.
#[inline(always)]
fn plain_pair(low: u64, high: u64, state: &LineState) -> Option<(usize, LineState)> {
    let classes = |chunk: u64| {
        let lowered = chunk | LOWERCASE_BITS;
        let alphanumeric = bytes_in_range(lowered, b'a', b'z') | bytes_in_range(chunk, b'0', b'9');
        let spaces = bytes_in_range(chunk, b' ', b' ');
        (alphanumeric, spaces)
    };
    let (low_alphanumeric, low_spaces) = classes(low);
    let (high_alphanumeric, high_spaces) = classes(high);
    let any_word = state.before_first_word == 0;
    let first_alphanumeric = low_alphanumeric & 0x80 != 0;
    // The high half follows a letter or digit, so only the low half can meet a space before.
    let is_plain = (low | high) & HIGH_BITS == 0
        && low_alphanumeric | low_spaces == HIGH_BITS
        && high_alphanumeric | high_spaces == HIGH_BITS
        && (low_spaces & ((low_spaces << 8) | state.space_top)) | (high_spaces & (high_spaces << 8))
            == 0
        && low_alphanumeric >> 63 == 1
        && high_alphanumeric >> 63 == 1
        && (any_word || first_alphanumeric);
    if !is_plain {
        return None;
    }
    let starts_word = first_alphanumeric && state.word_top == 0;
    let after = LineState {
        word_top: 0x80,
        apostrophe_top: 0,
        space_top: 0,
        before_first_word: 0,
        bad: state.bad,
        n_words: state.n_words
            + count_flags(low_spaces)
            + count_flags(high_spaces)
            + u32::from(starts_word),
    };
    Some((usize::from(starts_word && any_word), after))
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
    while dropped != 0 {
        let lowest = dropped & dropped.wrapping_neg();
        let below = (lowest >> 7) - 1;
        bytes = (bytes & below) | ((bytes >> 8) & !below);
        dropped = (dropped ^ lowest) >> 8;
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
            Some(("the quick brown fox jumps over the lazy dogs bone twice", 11)),
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
        check("long line of text with two  spaces far from its start", None);
    }
}
