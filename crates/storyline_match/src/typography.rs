//! How a text's quote marks and apostrophes were typed: a clue to who typed the text.
//!
//! A publisher's layout sets typographic marks (‘ ’ “ ”); a keyboard, a wire feed's plain
//! text and a language model write plain ASCII ones (' and "). A rewrite is text typed
//! again, by a person or a model, so when a rewrite family mixes the two styles, the
//! typeset member is the one that came from a newsroom's page (see `origin.rs`).

/// Counts of quote marks and apostrophes in a text, by style.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct QuoteMarks {
    /// ‘ ’ “ ” (U+2018, U+2019, U+201C, U+201D).
    pub(crate) typeset: u32,
    /// ' and ".
    pub(crate) plain: u32,
}

impl QuoteMarks {
    /// The marks of `text`. Two passes over its bytes, both cheap: a count of two ASCII
    /// bytes, and a search for the lead byte (0xE2) that every typographic mark starts with.
    pub(crate) fn of(text: &str) -> QuoteMarks {
        let bytes = text.as_bytes();
        let plain = bytes
            .iter()
            .map(|&byte| u32::from(byte == b'"' || byte == b'\''))
            .sum();
        // ‘ ’ “ ” are E2 80 98, E2 80 99, E2 80 9C and E2 80 9D in UTF-8.
        let typeset = memchr::memchr_iter(0xE2, bytes)
            .filter(|&at| {
                matches!(
                    bytes.get(at + 1..at + 3),
                    Some([0x80, 0x98 | 0x99 | 0x9C | 0x9D])
                )
            })
            .count();
        QuoteMarks {
            typeset: u32::try_from(typeset).unwrap_or(u32::MAX),
            plain,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_each_style() {
        let marks = QuoteMarks::of("“We won,” she said. It’s Kim’s ‘day’ — \"not\" Bob's.");
        assert_eq!(
            marks,
            QuoteMarks {
                typeset: 6,
                plain: 3
            }
        );
    }

    #[test]
    fn other_marks_and_text_count_nothing() {
        // A dash (E2 80 94), an ellipsis (E2 80 A6), guillemets and a cut-off lead byte.
        let marks = QuoteMarks::of("Wait — what… «non» \u{2030}");
        assert_eq!(marks, QuoteMarks::default());
        assert_eq!(QuoteMarks::of(""), QuoteMarks::default());
    }
}
