//! Repairs mojibake: UTF-8 text that was once decoded as Latin-1/windows-1252 and re-encoded,
//! so that "doesn’t" reads "doesnâ€™t" (or "doesnâ" plus invisible C1 controls).
//!
//! Main function: [`fix_mojibake`], applied by the crate root to the extracted text and
//! metadata. Such pages are valid UTF-8 and declare UTF-8, so decoding cannot help: the damage
//! is in the page itself. A run is repaired only when it forms one complete, valid UTF-8
//! sequence whose continuation bytes include a C1 control or a windows-1252 punctuation mark,
//! which ordinary accented text ("à", "Ã©" in a name) almost never does.

use std::borrow::Cow;

/// windows-1252 bytes 0x80–0x9F that decode to printable characters, with those characters.
const WINDOWS_1252_HIGH: &[(char, u8)] = &[
    ('€', 0x80),
    ('‚', 0x82),
    ('ƒ', 0x83),
    ('„', 0x84),
    ('…', 0x85),
    ('†', 0x86),
    ('‡', 0x87),
    ('ˆ', 0x88),
    ('‰', 0x89),
    ('Š', 0x8a),
    ('‹', 0x8b),
    ('Œ', 0x8c),
    ('Ž', 0x8e),
    ('‘', 0x91),
    ('’', 0x92),
    ('“', 0x93),
    ('”', 0x94),
    ('•', 0x95),
    ('–', 0x96),
    ('—', 0x97),
    ('˜', 0x98),
    ('™', 0x99),
    ('š', 0x9a),
    ('›', 0x9b),
    ('œ', 0x9c),
    ('ž', 0x9e),
    ('Ÿ', 0x9f),
];

/// The byte a character stood for when UTF-8 bytes were misread, if it can be a continuation
/// byte (0x80–0xBF); the flag says whether it is a telltale (C1 control or 0x80–0x9F mark).
fn continuation_byte(character: char) -> Option<(u8, bool)> {
    let code = character as u32;
    if (0x80..=0x9f).contains(&code) {
        return Some((code as u8, true));
    }
    if (0xa0..=0xbf).contains(&code) {
        return Some((code as u8, false));
    }
    WINDOWS_1252_HIGH
        .iter()
        .find(|(known, _)| *known == character)
        .map(|(_, byte)| (*byte, true))
}

/// Repairs mojibake sequences in `text`; borrows when there are none.
pub(crate) fn fix_mojibake(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|character| ('\u{c2}'..='\u{f4}').contains(&character))
    {
        return Cow::Borrowed(text);
    }
    let characters: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut index = 0;
    while index < characters.len() {
        let lead = characters[index];
        let n_continuation = match lead as u32 {
            0xc2..=0xdf => 1,
            0xe0..=0xef => 2,
            0xf0..=0xf4 => 3,
            _ => 0,
        };
        if n_continuation > 0 && index + n_continuation < characters.len() {
            let mut bytes = vec![lead as u8];
            let mut telltale = false;
            for &next in &characters[index + 1..=index + n_continuation] {
                match continuation_byte(next) {
                    Some((byte, is_telltale)) => {
                        bytes.push(byte);
                        telltale |= is_telltale;
                    }
                    None => break,
                }
            }
            // "Â" before a no-break space is the commonest mojibake and has no telltale byte.
            let nbsp = bytes == [0xc2, 0xa0];
            if bytes.len() == n_continuation + 1 && (telltale || nbsp) {
                if let Ok(repaired) = std::str::from_utf8(&bytes) {
                    out.push_str(repaired);
                    changed = true;
                    index += n_continuation + 1;
                    continue;
                }
            }
        }
        out.push(lead);
        index += 1;
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(fix_mojibake(input), expected, "input: {input:?}");
    }

    #[test]
    fn repairs_double_encoding() {
        check("doesnâ€™t", "doesn’t");
        check("doesn\u{e2}\u{80}\u{99}t", "doesn’t");
        check("costs\u{c2}\u{a0}more", "costs\u{a0}more");
        check("a â€” b", "a — b");
    }

    #[test]
    fn leaves_real_text_alone() {
        check("café à la carte", "café à la carte");
        check("Ã and ©", "Ã and ©");
        check("plain", "plain");
        check("ends with â", "ends with â");
    }
}
