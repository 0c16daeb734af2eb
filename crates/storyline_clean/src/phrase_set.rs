//! Phrase sets: which short folded lines hold a phrase of whole words, by comparing words
//! rather than running a regex.
//!
//! [`crate::rules::PhraseHits`] asks, for the few short lines of an article, whether they hold
//! a furniture phrase or a call to action. A regex over those lines spent most of its time in
//! the fixed cost of each search; a [`PhraseSet`] looks each word of the line up in a table of
//! first words and compares the rest of a phrase only on a hit.
//!
//! It finds exactly what the regex `(?-u:\b)(?:phrase|…)(?-u:\b)` finds in a folded line
//! (and `^(?:phrase|…)(?-u:\b)` for phrases at the line start): words are the runs of ASCII
//! letters and digits, so any other byte (a space, a byte of a non-ASCII letter) is a word
//! boundary, and the words of a phrase must be separated by exactly one space.

use rustc_hash::FxHashMap;

use crate::fold::{bytes_in_range, HIGH_BITS, LOW_BITS};

/// One phrase under its first word's key: the first word, the bit of its list, where it may
/// start, and its other words.
#[derive(Debug)]
struct Phrase {
    first: &'static str,
    list: u8,
    at_line_start: bool,
    rest: Vec<&'static str>,
}

/// Phrases of whole words, looked up by their first word.
#[derive(Debug)]
pub(crate) struct PhraseSet {
    /// Phrases by [`word_key`] of their first word.
    by_first_word: FxHashMap<u64, Vec<Phrase>>,
}

impl PhraseSet {
    /// A set of up to eight lists of phrases, each a pair of `at_line_start` phrases, which
    /// match only at the start of a line, and `anywhere` phrases. `None` when a phrase is not
    /// lowercase ASCII words joined by single spaces: the word comparison would not find what a
    /// regex finds, so the caller keeps its regex.
    pub(crate) fn new(lists: &[(&[&'static str], &[&'static str])]) -> Option<PhraseSet> {
        let mut by_first_word: FxHashMap<u64, Vec<Phrase>> = FxHashMap::default();
        for (index, (at_line_start, anywhere)) in lists.iter().enumerate().take(8) {
            let list = 1u8 << index;
            let starts = at_line_start.iter().map(|phrase| (true, phrase));
            let anywhere = anywhere.iter().map(|phrase| (false, phrase));
            for (at_line_start, phrase) in starts.chain(anywhere) {
                let mut words = phrase.split(' ');
                let first = words.next()?;
                let rest: Vec<&'static str> = words.collect();
                if !std::iter::once(first)
                    .chain(rest.iter().copied())
                    .all(is_plain_word)
                {
                    return None;
                }
                let key = word_key(first.as_bytes(), 0, first.len());
                by_first_word.entry(key).or_default().push(Phrase {
                    first,
                    list,
                    at_line_start,
                    rest,
                });
            }
        }
        (lists.len() <= 8).then_some(PhraseSet { by_first_word })
    }

    /// The bits of the lists among `wanted` (bit `i` for list `i`) that have a phrase in a
    /// folded line.
    pub(crate) fn lists_found_in(&self, folded: &str, wanted: u8) -> u8 {
        let bytes = folded.as_bytes();
        let mut found = 0u8;
        let mut at = 0;
        while at < bytes.len() && found != wanted {
            if !WORD_BYTES[usize::from(bytes[at])] {
                at += 1;
                continue;
            }
            let start = at;
            at = word_end(bytes, start);
            let Some(phrases) = self.by_first_word.get(&word_key(bytes, start, at)) else {
                continue;
            };
            let word = bytes.get(start..at).unwrap_or_default();
            for phrase in phrases {
                if wanted & !found & phrase.list != 0
                    && phrase.first.as_bytes() == word
                    && (!phrase.at_line_start || start == 0)
                    && rest_follows(bytes, at, &phrase.rest)
                {
                    found |= phrase.list;
                }
            }
        }
        found
    }
}

/// Key of the word `bytes[start..end]`: its first eight bytes with its length mixed into the
/// top byte, so that a lookup hashes one integer instead of a string. Different words may
/// share a key (long words with the same start); the phrase check compares the whole word.
fn word_key(bytes: &[u8], start: usize, end: usize) -> u64 {
    let length = end.saturating_sub(start);
    let head = 1u64
        .checked_shl(8 * length as u32)
        .map_or(u64::MAX, |bit| bit - 1);
    (eight_at(bytes, start) & head) ^ ((length as u64) << 56)
}

/// Where the word that starts at `start` ends: the first byte from there that is not a word
/// byte, found eight bytes at a time (a loop over bytes mispredicted its exit on most words).
fn word_end(bytes: &[u8], start: usize) -> usize {
    let mut at = start;
    loop {
        let eight = eight_at(bytes, at);
        // Flags of the letters and digits; a byte >= 0x80 is never one. Its sums may carry
        // into the bytes after it, which come after the first byte that is not a word byte.
        let word_bytes =
            (bytes_in_range(eight, b'a', b'z') | bytes_in_range(eight, b'0', b'9')) & !eight;
        let others = HIGH_BITS & !word_bytes;
        if others != 0 {
            return (at + (others.trailing_zeros() / 8) as usize).min(bytes.len());
        }
        at += 8;
    }
}

/// The eight bytes of `bytes` from `at` as a little-endian word; past the end, spaces (not
/// word bytes). The last bytes of a line are its last eight shifted down: a copy of a
/// variable length was a `memcpy` call.
#[inline(always)]
fn eight_at(bytes: &[u8], at: usize) -> u64 {
    let word = |from: usize| {
        bytes
            .get(from..from + 8)
            .and_then(|eight| <[u8; 8]>::try_from(eight).ok())
            .map(u64::from_le_bytes)
    };
    if let Some(eight) = word(at) {
        return eight;
    }
    let n_bytes = bytes.len().saturating_sub(at).min(7);
    let spaces = (LOW_BITS * u64::from(b' '))
        .checked_shl(8 * n_bytes as u32)
        .unwrap_or(0);
    let rest = match bytes.len().checked_sub(8).and_then(word) {
        Some(last) => last.checked_shr(8 * (8 - n_bytes) as u32).unwrap_or(0),
        None => bytes
            .iter()
            .skip(at)
            .take(n_bytes)
            .rev()
            .fold(0, |rest, &byte| (rest << 8) | u64::from(byte)),
    };
    rest | spaces
}

/// [`is_word_byte`] as a table, for the scan over a line's bytes.
const WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = is_word_byte(byte as u8);
        byte += 1;
    }
    table
};

/// Shortest word [`covering_words`] picks: shorter words ("a", "of") are in most texts.
const MIN_COVERING_WORD_BYTES: usize = 4;

/// A few words such that each of `phrases` contains one of them as a substring, chosen
/// greedily among words of at least [`MIN_COVERING_WORD_BYTES`] (the word in most phrases
/// still uncovered, then the longer, then the first in order); a phrase without such a word
/// stands for itself. A text that holds a phrase holds one of the words, so a scan for the
/// words can rule out most texts before an exact scan for the phrases.
///
/// Each word is then cut to its suffix of at least [`MIN_COVERING_WORD_BYTES`] bytes that
/// starts with the least common letters of English (still a substring of its phrases): the
/// literal search checks candidates by their first three bytes, and a rare start makes few
/// false ones, while a long suffix is rarely in a text by chance.
pub(crate) fn covering_words(phrases: &[&'static str]) -> Vec<&'static str> {
    let mut candidates: Vec<&'static str> = phrases
        .iter()
        .flat_map(|phrase| phrase.split(' '))
        .filter(|word| word.len() >= MIN_COVERING_WORD_BYTES)
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    // Which phrases each candidate is in, worked out once rather than in every round.
    let contained: Vec<Vec<bool>> = candidates
        .iter()
        .map(|word| phrases.iter().map(|phrase| phrase.contains(word)).collect())
        .collect();
    let mut is_uncovered = vec![true; phrases.len()];
    let mut words = Vec::new();
    loop {
        let scored = candidates.iter().zip(&contained).map(|(&word, contained)| {
            let covers = contained
                .iter()
                .zip(&is_uncovered)
                .filter(|&(&inside, &uncovered)| inside && uncovered)
                .count();
            (covers, word.len(), std::cmp::Reverse(word), contained)
        });
        let Some((covers, _, std::cmp::Reverse(best), contained)) = scored.max() else {
            break;
        };
        if covers == 0 {
            break;
        }
        for (uncovered, &inside) in is_uncovered.iter_mut().zip(contained) {
            *uncovered &= !inside;
        }
        words.push(rarest_suffix(best));
    }
    let mut uncovered: Vec<&'static str> = phrases
        .iter()
        .zip(&is_uncovered)
        .filter(|&(_, &uncovered)| uncovered)
        .map(|(&phrase, _)| phrase)
        .collect();
    // Phrases of short words only stand for themselves.
    words.append(&mut uncovered);
    words.sort_unstable();
    words.dedup();
    words
}

/// The suffix of `word`, at least [`MIN_COVERING_WORD_BYTES`] bytes long, whose first three
/// letters are the least likely in English text (product of letter frequencies), the longest
/// on ties.
fn rarest_suffix(word: &'static str) -> &'static str {
    let commonness = |start: usize| -> u64 {
        word.bytes()
            .skip(start)
            .take(3)
            .map(letter_frequency)
            .product()
    };
    let last_start = word.len().saturating_sub(MIN_COVERING_WORD_BYTES);
    (0..=last_start)
        .filter(|&start| word.is_char_boundary(start))
        .min_by_key(|&start| (commonness(start), start))
        .and_then(|start| word.get(start..))
        .unwrap_or(word)
}

/// Frequency of a letter in English text, in tenths of a percent (digits and other bytes:
/// rare).
fn letter_frequency(byte: u8) -> u64 {
    match byte {
        b'e' => 127,
        b't' => 91,
        b'a' => 82,
        b'o' => 75,
        b'i' => 70,
        b'n' => 67,
        b's' => 63,
        b'h' => 61,
        b'r' => 60,
        b'd' => 43,
        b'l' => 40,
        b'c' | b'u' => 28,
        b'm' | b'w' => 24,
        b'f' => 22,
        b'g' | b'y' => 20,
        b'p' => 19,
        b'b' => 15,
        b'v' => 10,
        b'k' => 8,
        _ => 1,
    }
}

/// True for the bytes words are made of in folded text (the ASCII word characters of a
/// regex; folded text has no uppercase letters or underscores).
const fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_lowercase() || byte.is_ascii_digit()
}

fn is_plain_word(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(is_word_byte)
}

/// True when `rest` follows the word that ends at `at`: each word after exactly one space,
/// and the last one ending where a word ends.
fn rest_follows(bytes: &[u8], mut at: usize, rest: &[&str]) -> bool {
    for word in rest {
        if bytes.get(at) != Some(&b' ') {
            return false;
        }
        let end = at + 1 + word.len();
        if bytes.get(at + 1..end) != Some(word.as_bytes()) {
            return false;
        }
        at = end;
    }
    !bytes.get(at).copied().is_some_and(is_word_byte)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a set from `at_line_start` and `anywhere` phrases and checks, for each line,
    /// whether it is found and that a regex of the same phrases agrees.
    fn check(at_line_start: &[&'static str], anywhere: &[&'static str], cases: &[(&str, bool)]) {
        let set = PhraseSet::new(&[(at_line_start, anywhere)]).unwrap();
        let escape = |phrases: &[&str]| -> String {
            phrases
                .iter()
                .map(|p| regex::escape(p))
                .collect::<Vec<_>>()
                .join("|")
        };
        let regex = regex::Regex::new(&format!(
            r"(?m:^)(?:{})(?-u:\b)|(?-u:\b)(?:{})(?-u:\b)",
            escape(at_line_start),
            escape(anywhere)
        ))
        .unwrap();
        for &(line, expected) in cases {
            assert_eq!(set.lists_found_in(line, 1) == 1, expected, "line: {line:?}");
            assert_eq!(regex.is_match(line), expected, "regex on line: {line:?}");
        }
    }

    #[test]
    fn finds_whole_word_phrases() {
        check(
            &["read more", "follow us"],
            &["click here", "newsletter", "sign up for our"],
            &[
                ("read more", true),
                ("read more about it", true),
                ("please read more", false),
                ("read mores", false),
                ("click here now", true),
                ("to click here", true),
                ("clicks here", false),
                ("click  here", false),
                ("click heres", false),
                ("our newsletter", true),
                ("newsletters", false),
                ("sign up for our daily news", true),
                ("sign up for ours", false),
                ("sign up for", false),
                ("écoutez click here", true),
                ("éclick here", true),
                ("clické here", false),
                ("follow usé", true),
                ("x follow us", false),
                ("", false),
            ],
        );
    }

    #[test]
    fn generated_lines_agree_with_the_regex() {
        let words = [
            "read", "more", "click", "here", "a", "é", "sign", "up", "for", "our", "9",
        ];
        let set =
            PhraseSet::new(&[(&["read more"], &["click here", "sign up for our", "a"])]).unwrap();
        let regex = regex::Regex::new(
            r"(?m:^)(?:read more)(?-u:\b)|(?-u:\b)(?:click here|sign up for our|a)(?-u:\b)",
        )
        .unwrap();
        let mut random = crate::random::Xorshift(0x2545_f491_4f6c_dd1d);
        for _ in 0..3000 {
            let mut line = String::new();
            for _ in 0..(random.0 % 9) {
                line.push_str(random.pick(&words));
                if random.0 % 3 != 0 {
                    line.push(' ');
                }
            }
            let found = set.lists_found_in(&line, 1) == 1;
            assert_eq!(found, regex.is_match(&line), "line: {line:?}");
        }
    }

    #[test]
    fn answers_only_the_lists_asked_about() {
        let set = PhraseSet::new(&[
            (&["read more"], &["click here"]),
            (&[], &["newsletter", "here"]),
        ])
        .unwrap();
        assert_eq!(
            set.lists_found_in("click here for our newsletter", 0b11),
            0b11
        );
        assert_eq!(
            set.lists_found_in("click here for our newsletter", 0b10),
            0b10
        );
        assert_eq!(set.lists_found_in("read more here", 0b01), 0b01);
        assert_eq!(set.lists_found_in("read more", 0b10), 0);
        assert_eq!(set.lists_found_in("x read more", 0b11), 0);
    }

    #[test]
    fn covering_words_cover_every_phrase() {
        let phrases = [
            "filler text",
            "dummy text",
            "blind texts",
            "lorem ipsum",
            "lipsum",
            "amet",
            "this is a test",
            "of a",
        ];
        let words = covering_words(&phrases);
        assert_eq!(words, ["amet", "of a", "psum", "test", "text"]);
        assert_eq!(rarest_suffix("consectetur"), "consectetur");
        assert_eq!(rarest_suffix("aliquip"), "iquip");
        for phrase in phrases {
            assert!(words.iter().any(|word| phrase.contains(word)));
        }
    }

    #[test]
    fn refuses_phrases_a_word_comparison_cannot_find() {
        assert!(PhraseSet::new(&[(&[], &["e-mail"])]).is_none());
        assert!(PhraseSet::new(&[(&[" lead"], &[])]).is_none());
        assert!(PhraseSet::new(&[(&[], &["Upper"])]).is_none());
    }

    #[test]
    fn word_ends_and_keys_agree_with_their_definitions() {
        let pieces: [&[u8]; 9] = [
            b"a",
            b"bc",
            b"1234",
            b" ",
            b"\xc3\xa9",
            b"longerword",
            b"\n",
            b"-",
            b"z9",
        ];
        let mut random = crate::random::Xorshift(0x2545_f491_4f6c_dd1d);
        for _ in 0..2000 {
            let mut text = Vec::new();
            for _ in 0..(random.0 % 12) {
                text.extend_from_slice(random.pick(&pieces));
            }
            for start in 0..=text.len() {
                let end = text
                    .iter()
                    .skip(start)
                    .position(|&byte| !is_word_byte(byte))
                    .map_or(text.len(), |length| start + length);
                assert_eq!(word_end(&text, start), end, "text: {text:?}, start {start}");
                let mut head = [0u8; 8];
                let word = &text[start..end];
                let taken = word.len().min(8);
                head[..taken].copy_from_slice(&word[..taken]);
                let key = u64::from_le_bytes(head) ^ ((word.len() as u64) << 56);
                assert_eq!(word_key(&text, start, end), key, "text: {text:?}");
            }
        }
    }
}
