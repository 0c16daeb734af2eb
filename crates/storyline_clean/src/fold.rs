//! Folding: the lowercase letters and digits of a line, words joined by one space ("Join our
//! WhatsApp group!" → "join our whatsapp group"), the form that every rule compares.
//!
//! [`crate::text::split_lines`] folds every line of every article twice (once when the
//! builder observes it, once when it is cleaned), so this is the hot loop of cleaning. A
//! normalised ASCII line goes to [`crate::line_fold`] first ([`fold_normalised_ascii`]); the
//! general fold here handles the rest: ASCII text eight bytes at a time in a `u64`
//! ([`fold_chunk`]), sixteen when both halves are plain words and spaces
//! ([`fold_plain_pair`]); only rare chunks go byte by byte, and only non-ASCII characters are
//! decoded.
//!
//! Every path agrees with the plain definition of [`fold`]; a test compares them on
//! generated text.

/// Lowercase alphanumeric form of a line and its word count. Apostrophes inside a word are
/// dropped rather than splitting it ("don't" → "dont") so that straight and curly quotes agree.
pub(crate) fn fold(text: &str) -> (String, u32) {
    // Room for the chunks the fold writes whole, so that it never reallocates.
    let mut out = Vec::with_capacity(text.len() + 1 + FOLD_SLACK);
    // A normalised ASCII text (most titles) takes the fast path of article lines.
    let n_words = fold_normalised_ascii(text.as_bytes(), &mut out)
        .unwrap_or_else(|| fold_into(text, &mut out));
    // Whole UTF-8 sequences and ASCII bytes only were written, so this cannot fail; the
    // fallback keeps it free of panics all the same.
    (String::from_utf8(out).unwrap_or_default(), n_words)
}

/// Where a fold stands between two pieces of a line.
#[derive(Debug, Clone, Copy, Default)]
struct FoldState {
    in_word: bool,
    n_words: u32,
}

/// [`fold`] appending to `out`; returns the word count.
pub(crate) fn fold_into(text: &str, out: &mut Vec<u8>) -> u32 {
    let bytes = text.as_bytes();
    let mut state = FoldState::default();
    if text.is_ascii() {
        return fold_ascii::<false>(bytes, out, state).map_or(0, |state| state.n_words);
    }
    let mut index = 0;
    while index < bytes.len() {
        let run_end = bytes
            .get(index..)
            .and_then(|rest| rest.iter().position(|&byte| byte >= 0x80))
            .map_or(bytes.len(), |offset| index + offset);
        let run = bytes.get(index..run_end).unwrap_or_default();
        state = fold_ascii::<false>(run, out, state).unwrap_or(state);
        index = run_end;
        let Some(c) = text.get(index..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        index += c.len_utf8();
        if c.is_alphanumeric() {
            if !state.in_word {
                if state.n_words > 0 {
                    out.push(b' ');
                }
                state.n_words += 1;
                state.in_word = true;
            }
            let mut buffer = [0u8; 4];
            for lower in c.to_lowercase() {
                out.extend_from_slice(lower.encode_utf8(&mut buffer).as_bytes());
            }
        } else if !(state.in_word && c == '’') {
            // "Putin’s" stays one word, like "Putin's".
            state.in_word = false;
        }
    }
    state.n_words
}

/// Folds `line` into `out` and returns its word count when the line is ASCII text that
/// whitespace normalisation would leave as it is: not empty, no space at either end, no
/// double space, no control byte. `None` (with `out` as it was) for any other line, which
/// the caller normalises first.
pub(crate) fn fold_normalised_ascii(line: &[u8], out: &mut Vec<u8>) -> Option<u32> {
    if matches!(line.first(), None | Some(b' ')) || line.last() == Some(&b' ') {
        return None;
    }
    // Most lines take the fast path; the few it hands back (not normalised ASCII) are
    // settled here.
    crate::line_fold::fold_plain_ascii_line(line, out)
        .or_else(|| fold_ascii::<true>(line, out, FoldState::default()).map(|state| state.n_words))
}

/// Folds an ASCII `run` into `out` from `state`, sixteen bytes at a time when both halves are
/// plain text (see [`fold_plain_pair`]), else eight (see [`fold_chunk`]); the rare chunks it
/// does not handle, and the tail, go byte by byte. Returns the state after the run.
///
/// With `CHECK_NORMALISED`, `run` may hold any bytes: the fold gives up with `None` (and `out`
/// as it was) at the first non-ASCII byte, control byte or double space. The checks ride on
/// the fold's own byte classes, so they cost little beyond the fold.
///
/// Chunks are written whole into room made in `out` up front and the length is set at the
/// end: no capacity check or length update per chunk, and the state stays in registers.
fn fold_ascii<const CHECK_NORMALISED: bool>(
    run: &[u8],
    out: &mut Vec<u8>,
    state: FoldState,
) -> Option<FoldState> {
    let base = out.len();
    // The folded run is at most one byte longer than the run (a space before its first word);
    // the slack lets the last chunk write a whole block.
    out.resize(base + run.len() + 1 + FOLD_SLACK, 0);
    let room = out.get_mut(base..).unwrap_or_default();
    let mut end = 0usize;
    let mut now = state;
    // Whether the byte before the current chunk is a space (double spaces across chunks).
    let mut after_space = false;
    let mut pairs = run.chunks_exact(16);
    for pair in &mut pairs {
        let (Some(low), Some(high)) = (chunk_at(pair, 0), chunk_at(pair, 8)) else {
            continue;
        };
        if CHECK_NORMALISED
            && ((low | high) & HIGH_BITS != 0 || (after_space && low & 0xff == u64::from(b' ')))
        {
            out.truncate(base);
            return None;
        }
        if let Some((space, after)) = fold_plain_pair(low, high, now) {
            if let Some(target) = room
                .get_mut(end..end + 17)
                .and_then(|target| <&mut [u8; 17]>::try_from(target).ok())
            {
                // The space is written whether or not it is kept: the chunk lands on it
                // otherwise.
                target[0] = b' ';
                target[space..space + 8].copy_from_slice(&(low | LOWERCASE_BITS).to_le_bytes());
                target[space + 8..space + 16]
                    .copy_from_slice(&(high | LOWERCASE_BITS).to_le_bytes());
            }
            end += space + 16;
            now = after;
            after_space = false;
            continue;
        }
        for chunk in [low, high] {
            let Some((written, after)) =
                fold_one_chunk::<CHECK_NORMALISED>(chunk, room, end, now, after_space)
            else {
                out.truncate(base);
                return None;
            };
            (end, now) = (written, after);
            after_space = chunk >> 56 == u64::from(b' ');
        }
    }
    let mut rest = pairs.remainder();
    if let Some(chunk) = chunk_at(rest, 0) {
        let Some((written, after)) =
            fold_one_chunk::<CHECK_NORMALISED>(chunk, room, end, now, after_space)
        else {
            out.truncate(base);
            return None;
        };
        (end, now) = (written, after);
        after_space = chunk >> 56 == u64::from(b' ');
        rest = rest.get(8..).unwrap_or_default();
    }
    if CHECK_NORMALISED && !tail_is_normalised(rest, after_space) {
        out.truncate(base);
        return None;
    }
    let (after, written) = fold_ascii_bytes(rest, room, end, now);
    out.truncate(base + written);
    Some(after)
}

/// The 8 bytes of `bytes` from `at` as a little-endian `u64`, if there are as many.
fn chunk_at(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk = bytes.get(at..at + 8)?;
    <[u8; 8]>::try_from(chunk).ok().map(u64::from_le_bytes)
}

/// Folds one 8-byte ASCII chunk into `room` at `end` (see [`fold_chunk`]); returns the new
/// end and state, or `None` when checking and the chunk is not normalised text.
#[inline(always)]
fn fold_one_chunk<const CHECK_NORMALISED: bool>(
    chunk: u64,
    room: &mut [u8],
    end: usize,
    state: FoldState,
    after_space: bool,
) -> Option<(usize, FoldState)> {
    if CHECK_NORMALISED
        && (chunk & HIGH_BITS != 0 || (after_space && chunk & 0xff == u64::from(b' ')))
    {
        return None;
    }
    match fold_chunk(chunk, state, CHECK_NORMALISED) {
        ChunkFold::Folded(after, folded) => {
            // Written whether or not it is kept: the chunk lands on it otherwise.
            if let Some(slot) = room.get_mut(end) {
                *slot = b' ';
            }
            write_block(room, end + folded.space, &folded.bytes.to_le_bytes());
            Some((end + folded.space + folded.len, after))
        }
        ChunkFold::ByteWise => {
            let (after, written) = fold_ascii_bytes(&chunk.to_le_bytes(), room, end, state);
            Some((written, after))
        }
        ChunkFold::NotNormalised => None,
    }
}

/// Sixteen bytes of plain text (two chunks that [`fold_chunk`] would fold to themselves
/// lowered): returns whether a space goes first (0 or 1) and the state after them. One test
/// and one write for both halves is what makes running text cheap.
#[inline(always)]
fn fold_plain_pair(low: u64, high: u64, state: FoldState) -> Option<(usize, FoldState)> {
    // Letters, digits and single spaces, ending in a letter or digit; the spaces, and whether
    // the chunk starts with a letter or digit.
    let plain = |chunk: u64| {
        let lowered = chunk | LOWERCASE_BITS;
        let alphanumeric = bytes_in_range(lowered, b'a', b'z') | bytes_in_range(chunk, b'0', b'9');
        let spaces = bytes_in_range(chunk, b' ', b' ');
        let is_plain = alphanumeric | spaces == HIGH_BITS
            && spaces & (spaces >> 8) == 0
            && alphanumeric >> 63 == 1;
        (is_plain, spaces, alphanumeric & 0x80 != 0)
    };
    let (low_plain, low_spaces, first_alphanumeric) = plain(low);
    let (high_plain, high_spaces, _) = plain(high);
    let any_word = state.n_words > 0;
    // The high half follows a letter or digit, so its spaces are single and start words.
    if !(low_plain && high_plain && (any_word || first_alphanumeric)) {
        return None;
    }
    let starts_word = first_alphanumeric && !state.in_word;
    let after = FoldState {
        in_word: true,
        n_words: state.n_words
            + count_flags(low_spaces)
            + count_flags(high_spaces)
            + u32::from(starts_word),
    };
    Some((usize::from(starts_word && any_word), after))
}

/// True when the last bytes of a line (after whole chunks) are ASCII without a control byte
/// or a double space; `after_space` says the byte before them is a space.
fn tail_is_normalised(tail: &[u8], after_space: bool) -> bool {
    let mut previous_space = after_space;
    tail.iter().all(|&byte| {
        let double_space = previous_space && byte == b' ';
        previous_space = byte == b' ';
        byte.is_ascii() && !byte.is_ascii_control() && !double_space
    })
}

/// Bytes written past the folded text at most: a block of [`fold_ascii_bytes`].
const FOLD_SLACK: usize = 2 * FOLD_BLOCK;

/// Copies `block` into `room` at `at`. The room [`fold_ascii`] makes always holds it; the
/// check only keeps an impossible overflow from panicking.
pub(crate) fn write_block(room: &mut [u8], at: usize, block: &[u8]) {
    if let Some(target) = room.get_mut(at..at + block.len()) {
        target.copy_from_slice(block);
    }
}

/// The high bit of every byte of a `u64`.
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
/// The low bit of every byte of a `u64`.
pub(crate) const LOW_BITS: u64 = 0x0101_0101_0101_0101;
/// The bit that makes an ASCII letter lowercase, in every byte (digits and spaces have it).
pub(crate) const LOWERCASE_BITS: u64 = LOW_BITS * 0x20;

/// The high bit of each byte of `bytes` that lies in `low..=high`, for bytes below 0x80: each
/// sum then stays below 0x100 per byte, so no carry crosses into the next byte. A byte at or
/// above 0x80 makes the flags meaningless (callers test for such bytes and discard them); the
/// sums wrap rather than overflow, so that such a chunk never panics.
pub(crate) const fn bytes_in_range(bytes: u64, low: u8, high: u8) -> u64 {
    let at_least_low = bytes.wrapping_add(LOW_BITS * (0x80 - low as u64));
    let above_high = bytes.wrapping_add(LOW_BITS * (0x7f - high as u64));
    at_least_low & !above_high & HIGH_BITS
}

/// Number of bytes flagged in a mask of high bits: the multiply sums the flags into the top
/// byte (a popcount without the instruction, which the baseline x86-64 target lacks).
pub(crate) const fn count_flags(flags: u64) -> u32 {
    ((flags >> 7).wrapping_mul(LOW_BITS) >> 56) as u32
}

/// One folded chunk: whether a space goes first (0 or 1), then the first `len` bytes of
/// `bytes` (little-endian).
#[derive(Debug, Clone, Copy)]
struct FoldedChunk {
    space: usize,
    bytes: u64,
    len: usize,
}

/// What [`fold_chunk`] made of a chunk.
#[derive(Debug, Clone, Copy)]
enum ChunkFold {
    /// The chunk folded, and the state after it.
    Folded(FoldState, FoldedChunk),
    /// An apostrophe that follows no word: byte by byte decides.
    ByteWise,
    /// A control byte or a double space, when asked to check.
    NotNormalised,
}

/// Folds an 8-byte ASCII chunk (little-endian in a `u64`) from `state`, with masks that have
/// the high bit of each byte set: letters and digits are kept and lowercased (one OR with
/// 0x20, which digits already have), an apostrophe right after a letter or digit is dropped
/// and keeps the word going, a run of other bytes becomes one space when a word follows in
/// the chunk (a run at the end is settled by the next chunk's first word), and the bytes that
/// go are squeezed out one shift each, highest first so that lower positions stay put.
// Inlined into each loop of `fold_ascii`, where `check_normalised` is a constant and the
// state stays in registers; as a call, its result went through memory (10% more
// instructions on c2k).
#[inline(always)]
fn fold_chunk(chunk: u64, state: FoldState, check_normalised: bool) -> ChunkFold {
    let lowered = chunk | LOWERCASE_BITS;
    let alphanumeric = bytes_in_range(lowered, b'a', b'z') | bytes_in_range(chunk, b'0', b'9');
    let any_word = state.n_words > 0;
    // Most chunks are plain text: letters, digits and single spaces, ending in a letter or
    // digit, and no space before the first word of a line. Such a chunk folds to itself
    // lowered, and each space starts a word; the general steps below would agree.
    let plain_spaces = bytes_in_range(chunk, b' ', b' ');
    let first_alphanumeric = alphanumeric & 0x80 != 0;
    if alphanumeric | plain_spaces == HIGH_BITS
        && plain_spaces & (plain_spaces >> 8) == 0
        && alphanumeric >> 63 == 1
        && (any_word || first_alphanumeric)
    {
        let starts_word = first_alphanumeric && !state.in_word;
        let after = FoldState {
            in_word: true,
            n_words: state.n_words + count_flags(plain_spaces) + u32::from(starts_word),
        };
        let space = usize::from(starts_word && any_word);
        let bytes = lowered;
        return ChunkFold::Folded(
            after,
            FoldedChunk {
                space,
                bytes,
                len: 8,
            },
        );
    }
    if check_normalised {
        let controls = bytes_in_range(chunk, 0, 0x1f) | bytes_in_range(chunk, 0x7f, 0x7f);
        if controls | (plain_spaces & (plain_spaces >> 8)) != 0 {
            return ChunkFold::NotNormalised;
        }
    }
    let apostrophes = bytes_in_range(chunk, b'\'', b'\'');
    let word_before = (alphanumeric << 8) | if state.in_word { 0x80 } else { 0 };
    if apostrophes & !word_before != 0 {
        return ChunkFold::ByteWise;
    }
    let separators = !(alphanumeric | apostrophes) & HIGH_BITS;
    let starts = alphanumeric & ((separators << 8) | if state.in_word { 0 } else { 0x80 });
    // The first word of a line gets no space before it.
    let first_word = if any_word {
        0
    } else {
        starts & starts.wrapping_neg()
    };
    let spaces = separators & (alphanumeric >> 8) & !(first_word >> 8);
    let mut dropped = (separators & !spaces) | apostrophes;
    let letters_only = (alphanumeric >> 7) * 0xff;
    let mut bytes = (lowered & letters_only) | ((LOW_BITS * u64::from(b' ')) & !letters_only);
    let len = 8 - count_flags(dropped) as usize;
    while dropped != 0 {
        let top = 63 - dropped.leading_zeros();
        let below = (1u64 << (top - 7)) - 1;
        bytes = (bytes & below) | ((bytes >> 8) & !below);
        dropped ^= 1 << top;
    }
    let after = FoldState {
        in_word: (alphanumeric | apostrophes) >> 63 == 1,
        n_words: state.n_words + count_flags(starts),
    };
    let space = usize::from(any_word && starts & 0x80 != 0);
    ChunkFold::Folded(after, FoldedChunk { space, bytes, len })
}

/// Folds up to [`FOLD_BLOCK`] ASCII bytes one by one into a stack block, then writes the whole
/// block into `room` at `at`; returns the state after them and the new end of the folded text
/// in `room`. Each byte writes a space and its class at the block's current end and advances
/// over what it keeps, so no write depends on a branch, and masked indices need no bounds
/// checks.
fn fold_ascii_bytes(
    bytes: &[u8],
    room: &mut [u8],
    at: usize,
    state: FoldState,
) -> (FoldState, usize) {
    // `any_word` is `n_words > 0` kept as a flag, so that the loop carries short chains.
    let (mut in_word, mut any_word) = (state.in_word, state.n_words > 0);
    let mut n_starts = 0u32;
    let mut block = [0u8; 2 * FOLD_BLOCK];
    // The block gets at most one space before its first byte's word and one byte per input
    // byte (later spaces are paid for by the separators before them), so `end` stays below
    // twice the block size and the mask never wraps.
    let mut end = 0usize;
    for &byte in bytes.iter().take(FOLD_BLOCK) {
        let class = FOLD_TABLE[usize::from(byte)];
        let is_alphanumeric = class > 1;
        let starts_word = is_alphanumeric & !in_word;
        let space = usize::from(starts_word & any_word);
        block[end & (2 * FOLD_BLOCK - 1)] = b' ';
        block[(end + space) & (2 * FOLD_BLOCK - 1)] = class;
        end += space + usize::from(is_alphanumeric);
        n_starts += u32::from(starts_word);
        any_word |= is_alphanumeric;
        // The apostrophe (class 1) keeps a word going ("don't" → "dont").
        in_word = is_alphanumeric | (in_word & (class == 1));
    }
    write_block(room, at, &block);
    let after = FoldState {
        in_word,
        n_words: state.n_words + n_starts,
    };
    (after, at + end)
}

/// Bytes folded per call of [`fold_ascii_bytes`]: one chunk of [`fold_ascii`].
const FOLD_BLOCK: usize = 8;

/// Byte classes for [`fold_ascii_bytes`]: the lowercase byte for ASCII letters and digits, 1
/// for the apostrophe (stays inside a word), 0 for separators (and for the non-ASCII bytes
/// that it never sees).
const FOLD_TABLE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0usize;
    while byte < 128 {
        let value = byte as u8;
        if value.is_ascii_alphanumeric() {
            table[byte] = value.to_ascii_lowercase();
        } else if value == b'\'' {
            table[byte] = 1;
        }
        byte += 1;
    }
    table
};

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The plain definition of [`fold`], char by char, that the fast paths must agree with
    /// (`line_fold`'s tests use it too).
    pub(crate) fn reference_fold(text: &str) -> (String, u32) {
        let (mut out, mut in_word, mut n_words) = (String::new(), false, 0);
        for c in text.chars() {
            if c.is_alphanumeric() {
                if !in_word {
                    if n_words > 0 {
                        out.push(' ');
                    }
                    n_words += 1;
                    in_word = true;
                }
                out.extend(c.to_lowercase());
            } else if !(in_word && matches!(c, '\'' | '’')) {
                in_word = false;
            }
        }
        (out, n_words)
    }

    /// True for ASCII text that whitespace normalisation leaves as it is, by definition.
    fn reference_is_normalised_ascii(text: &str) -> bool {
        !text.is_empty()
            && text.is_ascii()
            && !text.starts_with(' ')
            && !text.ends_with(' ')
            && !text.contains("  ")
            && !text.bytes().any(|byte| byte.is_ascii_control())
    }

    /// Folds `input` every way and compares with the definitions.
    fn check(input: &str) {
        let expected = reference_fold(input);
        assert_eq!(fold(input), expected, "input: {input:?}");
        let mut out = b"kept".to_vec();
        let n_words = fold_normalised_ascii(input.as_bytes(), &mut out);
        if reference_is_normalised_ascii(input) {
            assert_eq!(n_words, Some(expected.1), "input: {input:?}");
            assert_eq!(out, format!("kept{}", expected.0).as_bytes());
        } else {
            assert_eq!(n_words, None, "input: {input:?}");
            assert_eq!(out, b"kept");
        }
    }

    #[test]
    fn fold_agrees_with_its_definition() {
        check("The Quick Brown Fox jumps over the lazy dog's bone");
        check("Don't stop: \"it's\" 2,000 (two thousand) -- O'Neil's");
        check("Putin’s aide, Über-Café; 日本 news");
        check("  leading and trailing  ");
        // Every kind of byte at every position of a chunk and across chunk boundaries.
        for tricky in ["  ", " '", "' ", "''", ", ", "\t", "\u{7f}", "é", "\n"] {
            for offset in 0..34 {
                check(&format!("{}{tricky}bc de fghij", "a".repeat(offset)));
            }
        }
        let pieces = [
            "a", "Bc", "dEF9", "12", " ", "  ", "'", "’", ",", ". ", "-", "é", "Ü", "日本", "\t",
            "don't", "x", "Word", "QUICK", "z0", "!", "\u{a0}", "\n", "\u{7f}", "abcdefgh",
        ];
        let mut random = crate::random::Xorshift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..5000 {
            let mut text = String::new();
            for _ in 0..(random.0 % 40) {
                text.push_str(random.pick(&pieces));
            }
            check(&text);
        }
        // Mostly normalised ASCII lines, where the checked fold must succeed.
        let pieces = [
            "a", "Bc", "dEF9", "12", " ", "'", ",", ". ", "-", "don't", "Word", "QUICK", "z0", "!",
            "abcdefgh", "\t", "(x)",
        ];
        for _ in 0..5000 {
            let mut text = String::new();
            for _ in 0..(random.0 % 40) {
                text.push_str(random.pick(&pieces));
            }
            check(&text);
            check(text.trim());
        }
    }

    #[test]
    fn byte_ranges_of_non_ascii_chunks_do_not_panic() {
        // "𛱰 0🌀" and other UTF-8 reach the range test before their chunk is set aside.
        for chunk in [u64::MAX, 0x80F0_9F8C_8020_30F0, 0xFFFF_FFFF_0000_0000] {
            for (low, high) in [(0, 0x1f), (b'0', b'9'), (b' ', b' '), (0x7f, 0x7f)] {
                let _ = bytes_in_range(chunk, low, high);
            }
        }
        // Below 0x80 the flags are exact.
        let chunk = u64::from_le_bytes(*b"a0 Z9\x1f\x7f.");
        assert_eq!(bytes_in_range(chunk, b'0', b'9'), 0x0000_0080_0000_8000);
    }
}
