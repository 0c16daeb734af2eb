//! Folding a normalised ASCII line: the path that [`crate::text::split_lines`] takes for most
//! lines (through [`crate::fold::fold_normalised_ascii`]), so that `observe` and `clean` fold
//! them cheaply.
//!
//! Folding such a line changes only its punctuation: letters are lowered, and each run of
//! bytes other than letters and digits becomes one space between two words (none at either
//! end), except that an apostrophe inside a word is dropped. Runs of plain text (letters,
//! digits, single spaces), most of a line, fold to themselves lowered. So
//! [`fold_plain_ascii_line`] first checks the whole line (ASCII, no control byte, no double
//! space) and counts its spaces in simple loops over bytes that compile to vector
//! instructions, then copies it sixteen bytes at a time, lowered, and stops only at the first
//! byte of each run of punctuation ([`copy_lowered`]) to write what the run becomes. The word
//! count is the number of spaces in the folded line plus one. A line that is not normalised
//! ASCII is handed back (`None`) to the general fold in [`crate::fold`](mod@crate::fold),
//! which then also normalises it. Every answer agrees with [`crate::fold::fold`]; the tests
//! compare them on generated text.

/// Folds `line` into `out` and returns its word count when the line is ASCII text that
/// whitespace normalisation would leave as it is (not empty, no space at either end, no
/// double space, no control byte); `None`, with `out` as it was, for any other line.
pub(crate) fn fold_plain_ascii_line(line: &[u8], out: &mut Vec<u8>) -> Option<u32> {
    // Words are joined by single spaces: the word count is one more than the spaces written,
    // which are the line's spaces, less those in runs of punctuation, plus one per run.
    let mut n_spaces = normalised_ascii_spaces(line)?;
    let base = out.len();
    // The folded line is never longer than the line (a run of punctuation becomes at most
    // one space); every block is written whole, up to sixteen bytes past the end.
    out.resize(base + line.len() + BLOCK, 0);
    let room = out.get_mut(base..).unwrap_or_default();
    let mut at = 0usize;
    let mut end = 0usize;
    // Where the fold would go on after an apostrophe it dropped inside a word: a byte there
    // still follows the word.
    let mut after_dropped_apostrophe = usize::MAX;
    while at < line.len() {
        let (low, high) = words_at(line, at);
        let Some(offset) = copy_lowered(low, high, room, end) else {
            at += BLOCK;
            end += BLOCK;
            continue;
        };
        at += offset;
        end += offset;
        // Past the end of the line the block holds padding, which is special too.
        let Some(&byte) = line.get(at) else {
            break;
        };
        let previous = at
            .checked_sub(1)
            .and_then(|before| line.get(before))
            .copied();
        let in_word = at == after_dropped_apostrophe
            || previous.is_some_and(|previous| previous.is_ascii_alphanumeric());
        if byte == b'\'' && in_word {
            // "don't" is one word: the apostrophe goes and the word goes on.
            at += 1;
            after_dropped_apostrophe = at;
            continue;
        }
        // A run of punctuation (spaces and apostrophes included) up to the next word. A
        // space just before it was copied already, as the space before the next word.
        let space_before = previous == Some(b' ');
        let mut run_end = at;
        let mut n_run_spaces = u32::from(space_before);
        while let Some(&byte) = line
            .get(run_end)
            .filter(|byte| !byte.is_ascii_alphanumeric())
        {
            n_run_spaces += u32::from(byte == b' ');
            run_end += 1;
        }
        n_spaces = n_spaces.wrapping_sub(n_run_spaces);
        if run_end == line.len() {
            // Punctuation ends the line: no space after the last word.
            end -= usize::from(space_before && end > 0);
            break;
        }
        if end > 0 {
            // The run becomes one space: the one copied already, or a new one.
            if let Some(slot) = room.get_mut(end) {
                *slot = b' ';
            }
            end += usize::from(!space_before);
            n_spaces += 1;
        }
        at = run_end;
    }
    out.truncate(base + end);
    Some(n_spaces.wrapping_add(u32::from(end > 0)))
}

/// The number of spaces in `line` if whitespace normalisation leaves it as it is and it holds
/// ASCII only (not empty, no space at either end, no byte below 0x20, 0x7f or above, no
/// double space); `None` otherwise.
///
/// The line up to a multiple of 32 bytes goes through simple loops without an early exit,
/// which compile to vector instructions; the last bytes (1 to 32) are judged as four words
/// at once. Byte loops over the last bytes, which the vector loops leave, mispredicted their
/// exit on most lines.
fn normalised_ascii_spaces(line: &[u8]) -> Option<u32> {
    let (Some(&first), Some(&last)) = (line.first(), line.last()) else {
        return None;
    };
    let split = (line.len() - 1) & !(TAIL - 1);
    let body = line.get(..split).unwrap_or_default();
    // Each byte of the body with the byte after it (the last one's is in the tail). One flag
    // for both checks; a count in the same loop kept the loop scalar.
    let pairs = body.iter().zip(line.get(1..).unwrap_or_default());
    let not_normalised = pairs.fold(false, |bad, (&left, &right)| {
        bad | is_odd(left) | ((left == b' ') & (right == b' '))
    });
    // Byte-wide counts (at most 224 per piece, a multiple of the vector loop's step) add up
    // in vector registers.
    let body_spaces: u32 = body
        .chunks(7 * TAIL)
        .map(|piece| {
            let count = piece.iter().fold(0u8, |count, &byte| {
                count.wrapping_add(u8::from(byte == b' '))
            });
            u32::from(count)
        })
        .sum();
    let (tail_spaces, tail_normalised) = judge_tail(line, split);
    let normalised = first != b' ' && last != b' ' && !not_normalised && tail_normalised;
    normalised.then_some(body_spaces + tail_spaces)
}

/// Bytes the vector loops of [`normalised_ascii_spaces`] leave at most.
const TAIL: usize = 32;

/// The spaces in `line[split..]` (1 to 32 bytes) and whether those bytes and the byte
/// before them are ASCII without a control byte or a double space. Read as the line's last
/// 32 bytes in four words (letters before a shorter line), with masks that have the high bit
/// of each byte set; the bytes before `split` among them are judged again, not counted.
fn judge_tail(line: &[u8], split: usize) -> (u32, bool) {
    let mut bytes = [b'a'; TAIL];
    match line
        .len()
        .checked_sub(TAIL)
        .and_then(|start| line.get(start..))
    {
        Some(last) => bytes.copy_from_slice(last),
        None => {
            let start = TAIL - line.len().min(TAIL);
            for (slot, &byte) in bytes.iter_mut().skip(start).zip(line) {
                *slot = byte;
            }
        }
    }
    // Bytes of the 32 that were counted in the body already.
    let n_counted = TAIL.saturating_sub(line.len() - split);
    let mut bad = 0u64;
    let mut n_spaces = 0u32;
    let mut space_before = 0u64;
    for (index, word) in bytes.chunks_exact(8).enumerate() {
        let word = <[u8; 8]>::try_from(word).map_or(0, u64::from_le_bytes);
        // High bits of bytes >= 0x80, of bytes below 0x20 (plus 0x60 stays below 0x80), of
        // 0x7f (plus 1 reaches 0x80); a byte >= 0x80 may carry into the next, which is moot.
        bad |= word | !word.wrapping_add(LOW_BITS * 0x60) | word.wrapping_add(LOW_BITS);
        // A space XOR 0x20 is 0, the only byte that adding 0x7f leaves below 0x80.
        let spaces = !(word ^ LOWERCASE_BITS).wrapping_add(LOW_BITS * 0x7f) & HIGH_BITS;
        bad |= spaces & ((spaces << 8) | space_before);
        space_before = spaces >> 56;
        let skipped = n_counted.saturating_sub(8 * index).min(8);
        let uncounted = u64::MAX.checked_shl(8 * skipped as u32).unwrap_or(0);
        n_spaces += count_flags(spaces & uncounted);
    }
    (n_spaces, bad & HIGH_BITS == 0)
}

/// Number of bytes flagged in a mask of high bits: the multiply sums the flags into the top
/// byte (a popcount without the instruction, which the baseline x86-64 target lacks).
fn count_flags(flags: u64) -> u32 {
    ((flags >> 7).wrapping_mul(LOW_BITS) >> 56) as u32
}

/// True for a byte that is not printable ASCII: a control byte, 0x7f, or a byte of another
/// script.
#[inline(always)]
fn is_odd(byte: u8) -> bool {
    byte.wrapping_sub(0x20) >= 0x5f
}

/// Bytes copied per step.
const BLOCK: usize = 16;

/// The sixteen bytes of `line` from `at` as two little-endian words; past the end of the
/// line, periods (special, so that the fold stops there). The last bytes of a line of
/// sixteen or more are its last sixteen shifted down: a copy of a variable length was a
/// `memcpy` call.
#[inline(always)]
fn words_at(line: &[u8], at: usize) -> (u64, u64) {
    let word = |bytes: &[u8], from: usize| {
        bytes
            .get(from..from + 8)
            .and_then(|word| <[u8; 8]>::try_from(word).ok())
            .map_or(0, u64::from_le_bytes)
    };
    if let Some(block) = line.get(at..at + BLOCK) {
        return (word(block, 0), word(block, 8));
    }
    let n_bytes = line.len().saturating_sub(at).min(BLOCK - 1);
    let periods = u128::from_le_bytes([b'.'; BLOCK]) << (8 * n_bytes);
    let tail = match line
        .len()
        .checked_sub(BLOCK)
        .and_then(|start| line.get(start..))
    {
        Some(last) => {
            let last = (u128::from(word(last, 8)) << 64) | u128::from(word(last, 0));
            last.checked_shr(8 * (BLOCK - n_bytes) as u32).unwrap_or(0)
        }
        None => line
            .iter()
            .rev()
            .take(n_bytes)
            .fold(0, |tail, &byte| (tail << 8) | u128::from(byte)),
    };
    let block = tail | periods;
    (block as u64, (block >> 64) as u64)
}

/// Writes sixteen bytes (two little-endian words) lowered into `room` at `end` and returns
/// the offset of the first special byte (neither an ASCII letter, a digit nor a space), where
/// the plain copy stops, or `None` if there is none. Lowering is one OR (digits and the
/// space have the bit already); what is written from the first special byte on is
/// overwritten later.
///
/// The bytes are judged eight at a time with masks that have the high bit of each byte set:
/// written lane by lane over an array, the compiler judged each byte on its own.
#[inline(always)]
fn copy_lowered(low: u64, high: u64, room: &mut [u8], end: usize) -> Option<usize> {
    let (low, high) = (low | LOWERCASE_BITS, high | LOWERCASE_BITS);
    if let Some(target) = room.get_mut(end..end + BLOCK) {
        let (first, second) = target.split_at_mut(8);
        first.copy_from_slice(&low.to_le_bytes());
        second.copy_from_slice(&high.to_le_bytes());
    }
    let (special_low, special_high) = (special_bytes(low), special_bytes(high));
    if special_low | special_high == 0 {
        None
    } else if special_low != 0 {
        Some((special_low.trailing_zeros() / 8) as usize)
    } else {
        Some(8 + (special_high.trailing_zeros() / 8) as usize)
    }
}

/// The bit that makes an ASCII letter lowercase, in every byte.
const LOWERCASE_BITS: u64 = 0x2020_2020_2020_2020;
/// The high bit of every byte.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
/// The low bit of every byte.
const LOW_BITS: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of lowered ASCII `bytes` (every byte below 0x80, ORed with
/// 0x20) that is not a letter, a digit or a space. Each range test adds a constant to every
/// byte so that the bytes in range, and only they, reach 0x80; no sum carries into the next
/// byte.
#[inline(always)]
const fn special_bytes(lowered: u64) -> u64 {
    let letter = lowered.wrapping_add(LOW_BITS * (0x80 - 0x61))
        & !lowered.wrapping_add(LOW_BITS * (0x7f - 0x7a));
    let digit = lowered.wrapping_add(LOW_BITS * (0x80 - 0x30))
        & !lowered.wrapping_add(LOW_BITS * (0x7f - 0x39));
    // A byte other than the space stays non-zero after the XOR, and adding 0x7f lifts it to
    // 0x80 or more.
    let not_space = (lowered ^ LOWERCASE_BITS).wrapping_add(LOW_BITS * 0x7f);
    not_space & !(letter | digit) & HIGH_BITS
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
        // Apostrophes inside a word all go.
        check("rock''n roll", Some(("rockn roll", 2)));
        // Another script, a control byte, a double space: the general fold decides.
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
        let mut random = crate::random::Xorshift(0x9e37_79b9_7f4a_7c15);
        let mut next = |bound: usize| (random.next() % bound as u64) as usize;
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

    #[test]
    fn line_checks_agree_with_the_definition_at_every_length_and_position() {
        // The definition: the spaces of a normalised ASCII line, `None` for any other line.
        let reference = |line: &[u8]| {
            let normalised = !line.is_empty()
                && line.first() != Some(&b' ')
                && line.last() != Some(&b' ')
                && line.iter().all(|&byte| (b' '..0x7f).contains(&byte))
                && !line.windows(2).any(|pair| pair == b"  ");
            normalised.then(|| line.iter().filter(|&&byte| byte == b' ').count() as u32)
        };
        for length in 1..100 {
            let plain: Vec<u8> = (0..length)
                .map(|index| if index % 3 == 2 { b' ' } else { b'x' })
                .collect();
            assert_eq!(normalised_ascii_spaces(&plain), reference(&plain));
            for position in 0..length {
                for tricky in [b' ', b'\t', 0x7f, 0xc3, b'.'] {
                    let mut line = plain.clone();
                    line[position] = tricky;
                    assert_eq!(
                        normalised_ascii_spaces(&line),
                        reference(&line),
                        "line: {line:?}"
                    );
                }
            }
        }
    }
}
