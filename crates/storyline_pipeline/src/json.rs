//! JSON string output for the article lines: the cleaned text is most of every line of
//! `articles.jsonl`, and escaping it byte by byte (as `serde_json` does) cost ~3% of a run.
//!
//! [`push_string`] writes the same bytes as `serde_json::to_writer(out, text)`, sixteen bytes
//! at a time where none needs escaping (prose holds a newline per paragraph and few quotes,
//! backslashes or other control characters); `clean.rs` uses it for the fields of the line
//! it spills, and [`push_removals`] for the removals, whose verbatim texts serde_json
//! escaped at ~0.7% of a run's instructions.

use storyline_core::Removal;

/// Appends `text` as a JSON string (quotes included), escaped exactly as `serde_json`
/// escapes it: `"` and `\`, and control characters below 0x20 (`\b \t \n \f \r` by name,
/// the others as `\u00XX`); nothing else (not `/`, not non-ASCII).
pub(crate) fn push_string(out: &mut Vec<u8>, text: &str) {
    push_utf8(out, text.as_bytes());
}

/// [`push_string`] for text held as bytes, such as a spill field written from a `String`:
/// escaping looks at ASCII bytes only, so UTF-8 in gives the same JSON string out, without
/// validating it again.
pub(crate) fn push_utf8(out: &mut Vec<u8>, bytes: &[u8]) {
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut start = 0; // first byte not yet copied
    loop {
        let at = next_escape(bytes, start);
        out.extend_from_slice(&bytes[start..at]);
        let Some(&byte) = bytes.get(at) else { break };
        push_escape(out, byte, ESCAPE[usize::from(byte)]);
        start = at + 1;
    }
    out.push(b'"');
}

/// Appends `removals` as a JSON array, the same bytes as `serde_json::to_writer(out,
/// removals)` (fields in declaration order, strings through [`push_string`]).
pub(crate) fn push_removals(out: &mut Vec<u8>, removals: &[Removal]) {
    out.push(b'[');
    for (index, removal) in removals.iter().enumerate() {
        if index > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"kind\":\"");
        out.extend_from_slice(removal.kind.as_str().as_bytes());
        out.extend_from_slice(b"\",\"lines\":[");
        push_u32(out, removal.lines[0]);
        out.push(b',');
        push_u32(out, removal.lines[1]);
        out.extend_from_slice(b"],\"text\":");
        push_string(out, &removal.text);
        out.extend_from_slice(b",\"reason\":");
        push_string(out, &removal.reason);
        out.push(b'}');
    }
    out.push(b']');
}

/// Appends `value` in decimal.
fn push_u32(out: &mut Vec<u8>, value: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut rest = value;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// The position of the first byte at or after `from` that needs escaping, or the length.
/// Sixteen bytes are tested at a time, then the last stretch byte by byte.
fn next_escape(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 16) {
        let (low, high) = chunk.split_at(8);
        let low = u64::from_le_bytes(low.try_into().unwrap_or_default());
        let high = u64::from_le_bytes(high.try_into().unwrap_or_default());
        if needs_escape(low) || needs_escape(high) {
            break;
        }
        at += 16;
    }
    while let Some(&byte) = bytes.get(at) {
        if ESCAPE[usize::from(byte)] != 0 {
            break;
        }
        at += 1;
    }
    at
}

/// Whether any of the eight bytes of `word` is `"`, `\` or below 0x20 (SWAR: a byte `b`
/// gives a set high bit in `b - k` with no high bit in `b` exactly when `b < k`, and
/// `b ^ c` is zero exactly when `b == c`; a borrow can only set bits above a real match).
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |word: u64, limit: u64| word.wrapping_sub(ONES * limit) & !word & HIGH;
    let control = below(word, 0x20);
    let quote = below(word ^ (ONES * u64::from(b'"')), 1);
    let backslash = below(word ^ (ONES * u64::from(b'\\')), 1);
    control | quote | backslash != 0
}

/// `U` marks a control character written as `\u00XX`; other non-zero entries are the
/// letter after the backslash.
const U: u8 = b'u';
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = U;
        byte += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

fn push_escape(out: &mut Vec<u8>, byte: u8, escape: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'\\');
    out.push(escape);
    if escape == U {
        out.extend_from_slice(b"00");
        out.push(HEX[usize::from(byte >> 4)]);
        out.push(HEX[usize::from(byte & 0xF)]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) {
        let mut ours = Vec::new();
        push_string(&mut ours, text);
        let expected = serde_json::to_vec(text).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&expected),
            "{text:?}"
        );
    }

    #[test]
    fn escapes_as_serde_json_does() {
        check("");
        check("plain prose, long enough to fill several chunks of eight bytes.");
        check("He said \"yes\".\nThen C:\\path\t and \u{1}\u{7f} / é “curly” 普京");
        // Every byte value below 0x80, at every offset within a chunk.
        for byte in 0u8..0x80 {
            for offset in 0..9 {
                let mut text = "x".repeat(offset);
                text.push(char::from(byte));
                text.push_str("tail of the text");
                check(&text);
            }
        }
    }

    #[test]
    fn removals_match_serde_json() {
        use storyline_core::RemovalKind;
        let removal = |kind, lines, text: &str, reason: &str| Removal {
            kind,
            lines,
            text: text.to_owned(),
            reason: reason.to_owned(),
        };
        let lists = [
            vec![],
            vec![removal(
                RemovalKind::Boilerplate,
                [1, 1],
                "Advertisement",
                "rule",
            )],
            vec![
                removal(
                    RemovalKind::RepeatedBlock,
                    [0, 4_294_967_295],
                    "a\n\"b\"",
                    "é \\",
                ),
                removal(RemovalKind::Filler, [10, 99], "", "recurs in 41 articles"),
                removal(RemovalKind::ForeignBlock, [7, 12], "\u{1}x", "other story"),
                removal(
                    RemovalKind::DuplicateTitle,
                    [1, 1],
                    "Title",
                    "repeats the title",
                ),
            ],
        ];
        for removals in &lists {
            let mut ours = Vec::new();
            push_removals(&mut ours, removals);
            let expected = serde_json::to_vec(removals).unwrap();
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&expected)
            );
        }
    }

    #[test]
    fn random_texts_match_serde_json() {
        // A fixed xorshift stream over a small alphabet that is heavy in escapes.
        let alphabet = ['a', ' ', '"', '\\', '\n', '\u{1f}', 'é', '€', '\u{7f}', 'Z'];
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..500 {
            let mut text = String::new();
            for _ in 0..(state % 40) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push(alphabet[(state % alphabet.len() as u64) as usize]);
            }
            check(&text);
        }
    }
}
