//! Date phrases in an article's words: "[Weekday,] Month Day[, Year]", "[Weekday,] Day
//! Month [Year]", "on Weekday" and ISO "YYYY-MM-DD".
//!
//! [`mentions_in`] reads them from the words the digest's tokenizer found (the word list
//! of [`crate::text::ArticleText`]) and returns [`Mention`]s, which [`crate::dates`]
//! resolves against the article's own date. Month and weekday names live here, with the
//! hash filter that turns most capitalised words away before any name is compared.

use std::sync::OnceLock;

use super::calendar::{days_in_month, parse_iso_date};
use crate::tokens::HashFilter;

/// A date phrase as written: what it gives of the date, and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Mention {
    pub(super) year: Option<i64>,
    pub(super) month_day: Option<(u32, u32)>,
    pub(super) weekday: Option<u32>,
    /// Byte range of the phrase in the text.
    pub(super) start: usize,
    pub(super) end: usize,
}

const MONTHS: [(&str, u32); 24] = [
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Month number of a capitalised month name or abbreviation ("may", "march" and "mar" are
/// also ordinary words: only a capitalised form is a month).
pub(super) fn month_number(word: &str) -> Option<u32> {
    // Every month starts with one of these capitals: most words stop here.
    if !matches!(
        word.as_bytes().first(),
        Some(b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D')
    ) || !(3..=9).contains(&word.len())
    {
        return None;
    }
    // Lower-cased on the stack and matched whole, rather than compared with each name.
    let mut lower = [0_u8; 9];
    let lower = lower.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    MONTHS
        .iter()
        .find(|(name, _)| name.as_bytes() == lower)
        .map(|&(_, month)| month)
}

/// The hashes of the month and weekday names (see [`crate::tokens::Token::lower`]): a name
/// is ASCII without a possessive ending, so its token's hash is its lower-cased name's.
pub(super) fn date_word_hashes() -> &'static HashFilter {
    static HASHES: OnceLock<HashFilter> = OnceLock::new();
    HASHES.get_or_init(|| {
        let names: Vec<&str> = MONTHS
            .iter()
            .map(|&(name, _)| name)
            .chain(WEEKDAYS)
            .collect();
        HashFilter::new(&names)
    })
}

const WEEKDAYS: [&str; 7] = [
    "sunday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
];

/// Weekday number of a capitalised weekday name, 0 = Sunday.
fn weekday_number(word: &str) -> Option<u32> {
    // Every weekday starts with one of these capitals: most words stop here.
    if !matches!(
        word.as_bytes().first(),
        Some(b'S' | b'M' | b'T' | b'W' | b'F')
    ) || !(6..=9).contains(&word.len())
    {
        return None;
    }
    WEEKDAYS
        .iter()
        .position(|name| name.eq_ignore_ascii_case(word))
        .map(|index| index as u32)
}

/// A day of the month: "18", "18th", "1st".
fn day_number(word: &str) -> Option<u32> {
    // A day parses only from ASCII digits, so it starts with one.
    if !word.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|day| (1..=31).contains(day))
}

fn year_number(word: &str) -> Option<i64> {
    if word.len() != 4 {
        return None;
    }
    word.parse()
        .ok()
        .filter(|year| (1900..=2100).contains(year))
}

/// Finds date phrases: "[Weekday,] Month Day[, Year]", "[Weekday,] Day Month [Year]",
/// "on Weekday" and ISO "YYYY-MM-DD".
#[cfg(test)]
pub(super) fn find_mentions(text: &str) -> Vec<Mention> {
    let words = crate::text::words(text);
    mentions_in(text, &words, 0..words.len())
}

/// Finds date phrases in `text`, given its words with their byte offsets.
/// `starts` are the indexes of the words that may start a date phrase, in increasing order
/// (every index, or only the notable tokens': see [`crate::tokens::Tokenized::notable`]).
pub(super) fn mentions_in(
    text: &str,
    words: &[(usize, &str)],
    starts: impl IntoIterator<Item = usize>,
) -> Vec<Mention> {
    // Words are adjacent when only spaces, commas and full stops separate them.
    let adjacent = |left: usize, right: usize| {
        let (left_start, left_word) = words[left];
        let gap = text
            .get(left_start + left_word.len()..words[right].0)
            .unwrap_or("x");
        gap.len() <= 3 && gap.chars().all(|c| matches!(c, ' ' | ',' | '.' | '\u{a0}'))
    };
    let mut mentions = Vec::new();
    let mut index = 0;
    for candidate in starts {
        // Words inside a phrase already read are no start.
        if candidate < index || candidate >= words.len() {
            continue;
        }
        index = candidate;
        let (start, word) = words[index];
        // Every date phrase starts with a capital (month, weekday) or a digit.
        if !word
            .as_bytes()
            .first()
            .is_some_and(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        {
            index += 1;
            continue;
        }
        if let Some(mention) = iso_mention(word, start) {
            mentions.push(mention);
            index += 1;
            continue;
        }
        let mut cursor = index;
        let weekday = weekday_number(word);
        if weekday.is_some() {
            cursor += 1;
        }
        let month_day = if cursor < words.len() && (cursor == index || adjacent(index, cursor)) {
            let first = words[cursor].1;
            let second = words.get(cursor + 1).map(|w| w.1);
            // "June 18", else "18 June"; each half is read only when the one before fits.
            let month_first = month_number(first)
                .and_then(|month| Some((month, day_number(second?)?)))
                .filter(|_| adjacent(cursor, cursor + 1));
            month_first
                .or_else(|| {
                    let day = day_number(first)?;
                    Some((month_number(second?)?, day)).filter(|_| adjacent(cursor, cursor + 1))
                })
                .map(|(month, day)| (month, day, cursor + 1))
        } else {
            None
        };
        if let Some((month, day, last)) = month_day {
            let mut last = last;
            let year = words
                .get(last + 1)
                .and_then(|w| year_number(w.1))
                .filter(|_| adjacent(last, last + 1));
            if year.is_some() {
                last += 1;
            }
            if day <= days_in_month(year.unwrap_or(2000), month) {
                let (last_start, last_word) = words[last];
                mentions.push(Mention {
                    year,
                    month_day: Some((month, day)),
                    weekday,
                    start,
                    end: last_start + last_word.len(),
                });
            }
            index = last + 1;
            continue;
        }
        if let Some(weekday) = weekday {
            let cue = index
                .checked_sub(1)
                .map(|i| words[i].1.to_ascii_lowercase());
            if matches!(cue.as_deref(), Some("on" | "last")) {
                mentions.push(Mention {
                    year: None,
                    month_day: None,
                    weekday: Some(weekday),
                    start,
                    end: start + word.len(),
                });
            }
        }
        index += 1;
    }
    mentions
}

fn iso_mention(word: &str, start: usize) -> Option<Mention> {
    if word.len() != 10 {
        return None;
    }
    let (year, month, day) = parse_iso_date(word)?;
    Some(Mention {
        year: Some(year),
        month_day: Some((month, day)),
        weekday: None,
        start,
        end: start + 10,
    })
}

pub(super) fn is_iso_date_prefix(text: &str) -> bool {
    text.get(..10)
        .is_some_and(|prefix| parse_iso_date(prefix).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_month_and_weekday_token_passes_the_hash_filter() {
        let names: Vec<&str> = MONTHS
            .iter()
            .map(|&(name, _)| name)
            .chain(WEEKDAYS)
            .collect();
        let text: String = names
            .iter()
            .map(|name| name[..1].to_uppercase() + &name[1..] + " ")
            .chain(names.iter().map(|name| name.to_uppercase() + " "))
            .collect();
        for token in crate::tokens::tokenize(&text) {
            assert!(date_word_hashes().contains(token.lower), "{text}");
        }
    }
}
