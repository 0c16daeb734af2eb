//! Words inside quotation marks: who carries the verbatim quotes (see `origin.rs`).
//!
//! A rewrite turns quotes into reported speech and shortens the ones it keeps, but it often
//! splits one quotation in two ("…," adding that she was "…"): the number of quoted words
//! says more about who quotes verbatim than the number of quotations.
//!
//! A quotation opens with “ „ « or " and closes with ” “ » or the next ", or at the end of
//! its paragraph: news style opens every paragraph of a long quotation again and closes only
//! the last. A closing mark with no opening one before it (a stray ” or ») is skipped.

/// Number of words inside quotation marks in `text`. Only the bytes that may start a mark
/// are searched for (SIMD, via `memchr`); only the words inside quotations are counted.
pub(crate) fn quoted_words(text: &str) -> u32 {
    let bytes = text.as_bytes();
    let mut n_words = 0u32;
    let mut at = 0;
    // `"` and the lead bytes of “ „ (E2 80 9C, E2 80 9E) and « (C2 AB).
    while let Some(found) = memchr::memchr3(b'"', 0xE2, 0xC2, bytes.get(at..).unwrap_or_default()) {
        let start = at + found;
        let Some(opening) = opening_mark(bytes, start) else {
            at = start + 1;
            continue;
        };
        let inside_start = start + opening.len;
        let (inside_end, next) = quotation_end(bytes, inside_start, opening.straight);
        n_words = n_words.saturating_add(count_words(&bytes[inside_start..inside_end]));
        at = next;
    }
    n_words
}

/// An opening quotation mark: its length in bytes, and whether it is a straight `"`.
struct Opening {
    len: usize,
    straight: bool,
}

fn opening_mark(bytes: &[u8], at: usize) -> Option<Opening> {
    match bytes.get(at..at + 3) {
        Some([b'"', ..]) => Some(Opening {
            len: 1,
            straight: true,
        }),
        Some([0xE2, 0x80, 0x9C | 0x9E]) => Some(Opening {
            len: 3,
            straight: false,
        }),
        Some([0xC2, 0xAB, _]) => Some(Opening {
            len: 2,
            straight: false,
        }),
        // Fewer than three bytes left: only a straight mark or « fits.
        _ => match bytes.get(at..) {
            Some([b'"', ..]) => Some(Opening {
                len: 1,
                straight: true,
            }),
            Some([0xC2, 0xAB, ..]) => Some(Opening {
                len: 2,
                straight: false,
            }),
            _ => None,
        },
    }
}

/// Where the quotation opened before `from` ends: the end of its words, and where to look
/// for the next opening mark. A straight quotation closes at the next `"`, a typographic
/// one at ” “ or », and either at the end of its line.
fn quotation_end(bytes: &[u8], from: usize, straight: bool) -> (usize, usize) {
    let rest = bytes.get(from..).unwrap_or_default();
    let line_end = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
    let line = &rest[..line_end];
    if straight {
        if let Some(close) = memchr::memchr(b'"', line) {
            return (from + close, from + close + 1);
        }
    } else {
        for at in memchr::memchr2_iter(0xE2, 0xC2, line) {
            let close_len = match &line[at..] {
                [0xE2, 0x80, 0x9D | 0x9C, ..] => 3,
                [0xC2, 0xBB, ..] => 2,
                _ => continue,
            };
            return (from + at, from + at + close_len);
        }
    }
    (from + line_end, (from + line_end + 1).min(bytes.len()))
}

/// Words in `bytes`: runs of letters and digits (any non-ASCII byte counts as a letter, so
/// "Zoë" and "東京" are words).
fn count_words(bytes: &[u8]) -> u32 {
    let mut n_words = 0u32;
    let mut in_word = false;
    for &byte in bytes {
        let word_byte = byte.is_ascii_alphanumeric() || byte >= 0x80;
        n_words += u32::from(word_byte && !in_word);
        in_word = word_byte;
    }
    n_words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_the_words_between_the_marks() {
        assert_eq!(quoted_words("He said “we are ready” today."), 3);
        assert_eq!(quoted_words("\"a b\" and \"c\""), 3);
        assert_eq!(quoted_words("«Nous sommes prêts», dit-il."), 3);
        assert_eq!(quoted_words("Er sagte: „Wir sind bereit“."), 3);
        assert_eq!(quoted_words("No quotes at all, it’s Kim’s day."), 0);
        assert_eq!(quoted_words(""), 0);
    }

    #[test]
    fn a_split_quotation_counts_no_more_than_the_whole() {
        let whole = "Hefner said: \"She was a remarkable lady, an icon, a very dear person.\"";
        let split = "Hefner called her \"a remarkable lady, an icon,\" adding she was \"a very dear person.\"";
        assert_eq!(quoted_words(whole), 11);
        assert_eq!(quoted_words(split), 9);
    }

    #[test]
    fn a_quotation_ends_with_its_paragraph() {
        // Each paragraph of a long quotation opens again; only the last closes.
        let text =
            "“First part of it,\n“and the second part.”\nThen \"an unclosed one\nNot quoted.";
        assert_eq!(quoted_words(text), 4 + 4 + 3);
        // A stray closing mark opens nothing.
        assert_eq!(quoted_words("end of it” and then some words"), 0);
        // Cut off at the end of the text.
        assert_eq!(quoted_words("He said \"go"), 1);
        assert_eq!(quoted_words("\u{201C}"), 0);
    }
}
