//! Numbers in an article's text, for the disagreement pass: digits with inner `,` or `.`
//! ("1,000", "6.1") and small number words ("twelve").
//!
//! [`numbers_in`] reads an article's tokens ([`ArticleText`]): number words are found by
//! their hash before any text is compared, and digits are looked for only inside the words
//! that hold one.

use std::sync::OnceLock;

use crate::text::ArticleText;
use crate::tokens::HashFilter;

/// A number in the text: digits with inner `,` or `.`, or a small number word.
#[derive(Debug, Clone, Copy)]
pub(super) struct NumberAt<'t> {
    pub(super) value: f64,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) shown: &'t str,
    /// Index of the token (and word) it starts in: the words around it are found from
    /// there rather than by a search of the whole article.
    pub(super) token: usize,
}

const NUMBER_WORDS: [(&str, u32); 13] = [
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("fifteen", 15),
    ("twenty", 20),
];

/// The value of a small number written as a word ("twelve"), in any case.
fn number_word(word: &str) -> Option<f64> {
    // Every number word starts with one of these letters: most words stop here.
    if !(3..=7).contains(&word.len())
        || !word
            .bytes()
            .next()
            .is_some_and(|b| matches!(b | 0x20, b't' | b'f' | b's' | b'e' | b'n'))
    {
        return None;
    }
    NUMBER_WORDS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|&(_, value)| f64::from(value))
}

/// The number words ("twelve"), lower-case.
pub(super) fn number_words() -> impl Iterator<Item = &'static str> {
    NUMBER_WORDS.iter().map(|&(word, _)| word)
}

/// The hashes of the number words, so that most words are turned away before any text
/// is compared.
fn number_word_hashes() -> &'static HashFilter {
    static HASHES: OnceLock<HashFilter> = OnceLock::new();
    HASHES.get_or_init(|| {
        let words: Vec<&str> = NUMBER_WORDS.iter().map(|&(word, _)| word).collect();
        HashFilter::new(&words)
    })
}

pub(super) fn numbers_in<'t>(article: &ArticleText<'t>) -> Vec<NumberAt<'t>> {
    let text = article.text;
    let mut out = Vec::new();
    let number_words = number_word_hashes();
    // Number words and digits are in notable tokens only (see `Tokenized::notable`).
    let notable = || {
        article.notable.iter().filter_map(|&index| {
            let index = index as usize;
            Some((
                index,
                article.tokens.get(index)?,
                *article.words.get(index)?,
            ))
        })
    };
    for (token_index, token, (start, word)) in notable() {
        // A number word is ASCII without a possessive, so its lower hash is in the filter.
        if !number_words.contains(token.lower) {
            continue;
        }
        if let Some(value) = number_word(word) {
            out.push(NumberAt {
                value,
                start,
                end: start + word.len(),
                shown: word,
                token: token_index,
            });
        }
    }
    // Numbers in digits. Every ASCII digit is inside a word, so only the words holding one
    // are scanned; a number may run on into the next word ("1,000").
    let bytes = text.as_bytes();
    let mut index = 0;
    for (token_index, token, _) in notable().filter(|(_, t, _)| t.has_digit) {
        index = index.max(token.start());
        while index < token.end() {
            if !bytes[index].is_ascii_digit()
                || (index > 0 && bytes[index - 1].is_ascii_alphanumeric())
            {
                index += 1;
                continue;
            }
            let start = index;
            while index < bytes.len()
                && (bytes[index].is_ascii_digit()
                    || (matches!(bytes[index], b',' | b'.')
                        && bytes.get(index + 1).is_some_and(u8::is_ascii_digit)))
            {
                index += 1;
            }
            let shown = text.get(start..index).unwrap_or("");
            // A number glued to letters ("5G", "2nd") is a name or an ordinal, not a quantity.
            if bytes.get(index).is_some_and(u8::is_ascii_alphabetic) {
                continue;
            }
            let value = if shown.contains(',') {
                shown.replace(',', "").parse::<f64>()
            } else {
                shown.parse::<f64>()
            };
            if let Ok(value) = value {
                out.push(NumberAt {
                    value,
                    start,
                    end: index,
                    shown,
                    // The number starts inside this token (`start < token.end()`).
                    token: token_index,
                });
            }
        }
    }
    out.sort_by_key(|n| n.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The numbers of `text` as `shown=value`.
    fn check(text: &'static str, expected: &[&str]) {
        let article = ArticleText::new(0, "a", false, "unknown".to_owned(), text);
        let found: Vec<String> = numbers_in(&article)
            .iter()
            .map(|n| format!("{}={}", n.shown, n.value))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn digits_and_words() {
        check(
            "Twelve died, 1,000 fled and a 6.1 quake hit COVID-19 wards; 5G and 2nd aside.",
            &["Twelve=12", "1,000=1000", "6.1=6.1", "19=19"],
        );
    }
}
