//! Tokens: the words of an article read once, with what every later pass asks of them.
//!
//! [`tokenize`] walks an article's text a single time and returns [`Token`]s: byte range,
//! hashes of the lower-cased word and of its content-word term, and flags (capitalised,
//! starts a sentence, joined to the previous word by spaces only, after a comma, on a
//! headline line). Sentences, entities, dates and disagreements all read these tokens, so
//! no pass re-scans or re-lower-cases the text; that keeps a digest O(text) with a small
//! constant.

use std::hash::Hasher;
use std::sync::OnceLock;

use rustc_hash::FxHasher;

use crate::text::{Sentence, SentenceSplitter, Term, STOPWORDS};

mod filter;
mod scan;
pub(crate) use filter::HashFilter;
use scan::{next_word_start, word_end, BYTE_CLASS, DIGIT, LOWER, NON_ASCII, UPPER};
pub(crate) use scan::{word_ranges, WordRanges};

/// One word of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte range of the word in the text, as `u32` so that a token is 32 bytes: every pass
    /// of the digest walks the tokens, and a smaller token keeps more of them in cache.
    /// (Digested texts are capped far below 4 GiB; see [`Token::start`].)
    start: u32,
    end: u32,
    /// Hash of the lower-cased word without a possessive ending.
    pub(crate) lower: u64,
    /// How many content-word terms the words before it have (an index into
    /// [`Tokenized::terms`]); stopwords and short words have no term.
    pub(crate) terms_before: u32,
    /// Starts with an upper-case letter.
    pub(crate) capitalised: bool,
    /// First word of the text, or after `.`, `!`, `?`, `:`, a line break or an opening quote.
    pub(crate) sentence_start: bool,
    /// Only spaces separate it from the previous word.
    pub(crate) joined_to_previous: bool,
    /// A comma (and spaces) separate it from the previous word.
    pub(crate) comma_before: bool,
    /// On a headline line (title case, no closing punctuation): its capitals mean nothing.
    pub(crate) in_headline: bool,
    /// Holds an ASCII digit.
    pub(crate) has_digit: bool,
    /// Starts with a lower-case letter.
    pub(crate) lowercase_start: bool,
    /// Has capitals and no lower-case letters ("NATO", "NEW").
    pub(crate) all_caps: bool,
}

impl Token {
    /// Where the word starts in the text (a byte offset).
    #[inline]
    pub(crate) fn start(&self) -> usize {
        self.start as usize
    }

    /// Where the word ends in the text (a byte offset).
    #[inline]
    pub(crate) fn end(&self) -> usize {
        self.end as usize
    }
}

/// Hash of a string, the same for every pass.
pub(crate) fn hash_text(text: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(text.as_bytes());
    hasher.finish()
}

fn stopword_hashes() -> &'static HashFilter {
    static HASHES: OnceLock<HashFilter> = OnceLock::new();
    HASHES.get_or_init(|| HashFilter::new(STOPWORDS))
}

/// Whether a lower-cased word's hash is a stopword's.
pub(crate) fn is_stopword_hash(lower: u64) -> bool {
    stopword_hashes().contains(lower)
}

/// Whether the text between two words ends a sentence or opens a quote or bracket.
fn starts_sentence(gap: &str) -> bool {
    gap.bytes()
        .any(|b| matches!(b, b'.' | b'!' | b'?' | b'\n' | b':' | b'"' | b'(' | b'|'))
        || (!gap.is_ascii() && gap.contains('“'))
}

/// Lower-cases `word` without its possessive ending (into `stack` when it is short
/// ASCII, else into `buffer`) and returns (lower hash, term). `marks` are the word's byte
/// classes (see [`BYTE_CLASS`]): a word without capitals or non-ASCII letters is hashed
/// where it stands. The buffers are the caller's, reused from word to word (a fresh
/// stack buffer was zeroed for every word).
// Inlined into the tokenizer's loop: as a call, its register saves cost a fifth of it.
#[inline(always)]
fn hashes_of(
    word: &str,
    marks: u8,
    stopwords: &HashFilter,
    stack: &mut [u8; 32],
    buffer: &mut String,
) -> (u64, Option<Term>) {
    // The ending is cut off the bytes: slicing the text would check char boundaries
    // (the ending is ASCII or a whole curly quote, so the cut is one).
    let n_bytes = word.len() - crate::text::possessive_len(word.as_bytes());
    let bytes = word.as_bytes().get(..n_bytes).unwrap_or(word.as_bytes());
    let lower: &[u8] = if marks & (UPPER | NON_ASCII) == 0 {
        bytes
    } else if marks & NON_ASCII == 0 && bytes.len() <= stack.len() {
        let slot = &mut stack[..bytes.len()];
        for (lowered, &byte) in slot.iter_mut().zip(bytes) {
            *lowered = byte.to_ascii_lowercase();
        }
        slot
    } else {
        buffer.clear();
        let word = word.get(..n_bytes).unwrap_or(word);
        buffer.extend(word.chars().flat_map(char::to_lowercase));
        buffer.as_bytes()
    };
    let mut hasher = FxHasher::default();
    hasher.write(lower);
    let lower_hash = hasher.finish();
    // No stopword is longer than this; longer words skip the lookup.
    const LONGEST_STOPWORD: usize = 10;
    let is_content = lower.len() >= 3
        && starts_alphabetic(lower)
        && (lower.len() > LONGEST_STOPWORD || !stopwords.contains(lower_hash));
    if !is_content {
        return (lower_hash, None);
    }
    // Fold plurals so "visits" and "visit" share a term.
    let term = match lower {
        [.., b, b's'] if lower.len() > 4 && *b != b's' => {
            let mut hasher = FxHasher::default();
            hasher.write(&lower[..lower.len() - 1]);
            hasher.finish()
        }
        _ => lower_hash,
    };
    (lower_hash, Some(term))
}

/// Whether lower-cased UTF-8 bytes start with a letter.
#[inline]
fn starts_alphabetic(lower: &[u8]) -> bool {
    match lower.first() {
        Some(byte) if byte.is_ascii() => byte.is_ascii_alphabetic(),
        _ => std::str::from_utf8(lower)
            .ok()
            .and_then(|text| text.chars().next())
            .is_some_and(char::is_alphabetic),
    }
}

/// The content term of one word, outside an article (titles, tests).
pub(crate) fn term_of_word(word: &str) -> Option<Term> {
    let marks = word
        .bytes()
        .fold(0, |marks, byte| marks | BYTE_CLASS[usize::from(byte)]);
    hashes_of(
        word,
        marks,
        stopword_hashes(),
        &mut [0; 32],
        &mut String::new(),
    )
    .1
}

/// Reads `text` once into tokens. Words are found as by [`scan::WordRanges`], in one loop with
/// the rest of the token's reading: the word's bytes are classed as they are passed over,
/// and the gap before it is read as bytes (most gaps are one space). This loop reads every
/// byte of every digested text, and was the digest's largest cost when it went through the
/// word iterator and string slices.
#[cfg(test)]
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let empty = Tokenized {
        tokens: Vec::new(),
        words: Vec::new(),
        terms: Vec::new(),
        notable: Vec::new(),
        sentences: Vec::new(),
    };
    tokenize_with_words(text, empty).tokens
}

/// What [`tokenize_with_words`] reads from a text.
#[derive(Debug)]
pub(crate) struct Tokenized<'t> {
    pub(crate) tokens: Vec<Token>,
    /// Each token's start and text, for the passes that read words (dates, disagreements).
    pub(crate) words: Vec<(usize, &'t str)>,
    /// The content-word terms of the tokens that have one, in text order with repeats.
    pub(crate) terms: Vec<Term>,
    /// Indexes of the notable tokens, in order: capitalised, holding a digit, or one of
    /// [`crate::disagree::fact_words`]. Names, dates, numbers and roles start only at such
    /// tokens, so those passes read this short list rather than every token (which, once
    /// a story's tokens outgrow the first-level cache, cost a cache miss per few tokens).
    pub(crate) notable: Vec<u32>,
    /// The sentences, found in the gaps between words (see [`SentenceSplitter`]).
    pub(crate) sentences: Vec<Sentence>,
}

/// The hashes of [`crate::disagree::fact_words`].
fn fact_word_hashes() -> &'static HashFilter {
    static HASHES: OnceLock<HashFilter> = OnceLock::new();
    HASHES.get_or_init(|| HashFilter::new(&crate::disagree::fact_words()))
}

/// [`tokenize`], with each token's word and the tokens' content-word terms, into the
/// vectors of `into` (emptied first; their buffers are reused).
pub(crate) fn tokenize_with_words<'t>(text: &'t str, into: Tokenized<'t>) -> Tokenized<'t> {
    // Token offsets are `u32`: a longer text (never digested: texts are capped to a few
    // kilobytes) is read up to its first 4 GiB.
    let text = crate::text::prefix_at_char_boundary(text, u32::MAX as usize);
    let Tokenized {
        mut tokens,
        mut words,
        mut terms,
        mut notable,
        mut sentences,
    } = into;
    tokens.clear();
    words.clear();
    terms.clear();
    notable.clear();
    tokens.reserve(text.len() / 5);
    words.reserve(text.len() / 5);
    terms.reserve(text.len() / 8);
    let bytes = text.as_bytes();
    let stopwords = stopword_hashes();
    let fact_words = fact_word_hashes();
    let mut buffer = String::new();
    let mut stack = [0_u8; 32];
    let mut splitter = SentenceSplitter::new(&mut sentences);
    // The line being read: where it starts, and its first token.
    let (mut line_start, mut line_first_token) = (0, 0);
    let mut previous_end = 0;
    let mut offset = 0;
    while let Some(start) = next_word_start(text, offset) {
        let (end, marks) = word_end(text, start);
        offset = end;
        let word = text.get(start..end).unwrap_or("");
        let first = previous_end == 0;
        // Most words follow one space: then only the first word starts a sentence.
        let (sentence_start, joined_to_previous, comma_before) = if start == previous_end + 1
            && bytes.get(previous_end) == Some(&b' ')
        {
            (first, !first, false)
        } else {
            // Only such gaps can hold a mark that ends a sentence.
            // and only they can end a line, whose words are all read by now.
            let breaks = splitter.read_gap(text, previous_end, start, tokens.len(), terms.len());
            if let Some((first_break, last_break)) = breaks {
                let on_line = tokens.get_mut(line_first_token..).unwrap_or(&mut []);
                mark_headline(text, line_start..first_break + 1, on_line);
                line_start = last_break + 1;
                line_first_token = tokens.len();
            }
            let gap = text.get(previous_end..start).unwrap_or("");
            (
                first || starts_sentence(gap),
                !first && !gap.is_empty() && gap.bytes().all(|b| b == b' ') || gap == "\u{a0}",
                gap.trim() == ",",
            )
        };
        previous_end = end;
        let (lower, term) = hashes_of(word, marks, stopwords, &mut stack, &mut buffer);
        words.push((start, word));
        let terms_before = terms.len() as u32;
        if let Some(term) = term {
            terms.push(term);
        }
        let first_byte = bytes.get(start).copied().unwrap_or(0);
        let (capitalised, lowercase_start) = if first_byte.is_ascii() {
            let class = BYTE_CLASS[usize::from(first_byte)];
            (class & UPPER != 0, class & LOWER != 0)
        } else {
            (
                word.starts_with(char::is_uppercase),
                word.starts_with(char::is_lowercase),
            )
        };
        let has_digit = marks & DIGIT != 0;
        if capitalised || has_digit || fact_words.contains(lower) {
            notable.push(tokens.len() as u32);
        }
        tokens.push(Token {
            // Lossless: the text is cut to at most `u32::MAX` bytes above.
            start: start as u32,
            end: end as u32,
            lower,
            terms_before,
            capitalised,
            sentence_start,
            joined_to_previous,
            comma_before,
            in_headline: false,
            has_digit,
            lowercase_start,
            // An ASCII word's byte classes tell; other words are read char by char.
            all_caps: if marks & NON_ASCII == 0 {
                marks & UPPER != 0 && marks & LOWER == 0
            } else {
                word.chars().all(|c| !c.is_lowercase()) && word.chars().any(char::is_uppercase)
            },
        });
    }
    let breaks = splitter.read_gap(text, previous_end, text.len(), tokens.len(), terms.len());
    splitter.finish(text, tokens.len(), terms.len());
    let line_end = breaks.map_or(text.len(), |(first_break, _)| first_break + 1);
    let on_line = tokens.get_mut(line_first_token..).unwrap_or(&mut []);
    mark_headline(text, line_start..line_end, on_line);
    Tokenized {
        tokens,
        words,
        terms,
        notable,
        sentences,
    }
}

/// Flags the tokens of a headline line: no closing punctuation and mostly capitalised
/// words ("Putin Visits North Korea: Strengthening Ties"). A question counts only when even
/// its small words are capitalised ("How … Ended In …?"). `on_line` are the tokens of the
/// line `text[line]` (its line break included); the tokenizer calls this as each line ends.
fn mark_headline(text: &str, line: std::ops::Range<usize>, on_line: &mut [Token]) {
    if on_line.is_empty() {
        return;
    }
    let trimmed = text.get(line).unwrap_or("").trim();
    let closed = trimmed.ends_with(['.', '!', '"', '”', '’', ')', ',', ';']);
    if closed {
        return;
    }
    // Three chars need three bytes, and twelve bytes hold at least three chars.
    let long = on_line.iter().filter(|t| {
        let n_bytes = t.end() - t.start();
        let word = text.get(t.start()..t.end()).unwrap_or("");
        n_bytes >= 12 || (n_bytes >= 3 && word.chars().count() >= 3)
    });
    let (n_long, n_capitalised) =
        long.fold((0, 0), |(n, c), t| (n + 1, c + usize::from(t.capitalised)));
    let title_case = n_capitalised >= 2 && n_capitalised * 10 >= n_long * 6;
    let small_words_capitalised = on_line
        .iter()
        .skip(1)
        .any(|t| t.capitalised && is_stopword_hash(t.lower));
    if title_case && (!trimmed.ends_with('?') || small_words_capitalised) {
        for token in on_line {
            token.in_headline = true;
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// `n_texts` random texts of `n_fragments` pieces each, drawn from `fragments` by a fixed
    /// LCG from `seed`: the inputs of the tests that compare a fast path with a plain one.
    pub(crate) fn random_texts<'f>(
        fragments: &'f [&'f str],
        seed: u64,
        n_texts: usize,
        n_fragments: usize,
    ) -> impl Iterator<Item = String> + 'f {
        let mut state = seed;
        (0..n_texts).map(move |_| {
            let mut text = String::new();
            for _ in 0..n_fragments {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                text.push_str(fragments[(state >> 33) as usize % fragments.len()]);
            }
            text
        })
    }

    /// The headline rule applied to a whole text split at its line breaks, as before lines
    /// were read in the tokenizer's walk: the reference for `headlines_read_in_the_walk`,
    /// which checks that the walk hands [`mark_headline`] the same lines.
    fn mark_headlines_by_lines(text: &str, tokens: &mut [Token]) {
        let mut line_start = 0;
        let mut first_token = 0;
        for line in text.split_inclusive('\n') {
            let line_end = line_start + line.len();
            // Tokens are in text order: the line's are found by a binary search.
            let last_token = first_token
                + tokens
                    .get(first_token..)
                    .map_or(0, |rest| rest.partition_point(|t| t.start() < line_end));
            mark_headline(
                text,
                line_start..line_end,
                &mut tokens[first_token..last_token],
            );
            first_token = last_token;
            line_start = line_end;
        }
    }

    #[test]
    fn headlines_read_in_the_walk() {
        let fragments = [
            "Putin",
            "Visits",
            "Korea",
            "How",
            "In",
            "the",
            "?",
            ".",
            "\n",
            "\n\n",
            " ",
            "  ",
            "he",
            "went",
            "ÉCOLE",
            "Über",
            ",",
            ")",
            "”",
            "\r\n",
            "Ab",
            "Strengthening",
        ];
        for text in random_texts(&fragments, 23, 3_000, 14) {
            let mut expected = tokenize(&text);
            for token in &mut expected {
                token.in_headline = false;
            }
            mark_headlines_by_lines(&text, &mut expected);
            assert_eq!(tokenize(&text), expected, "{text:?}");
        }
    }

    /// Tokenizes `text` and shows each word with its flags: `^` capitalised, `|` sentence
    /// start, `+` joined, `,` after a comma, `#` headline.
    fn check(text: &str, expected: &str) {
        let shown: Vec<String> = tokenize(text)
            .iter()
            .map(|t| {
                let mut flags = String::new();
                for (on, mark) in [
                    (t.capitalised, '^'),
                    (t.sentence_start, '|'),
                    (t.joined_to_previous, '+'),
                    (t.comma_before, ','),
                    (t.in_headline, '#'),
                ] {
                    if on {
                        flags.push(mark);
                    }
                }
                format!("{}{flags}", &text[t.start()..t.end()])
            })
            .collect();
        assert_eq!(shown.join(" "), expected);
    }

    #[test]
    fn flags_words() {
        check(
            "Kim Jong-un's aide, Yuri. ok.",
            "Kim^| Jong-un's^+ aide+ Yuri^, ok|",
        );
    }

    #[test]
    fn headline_lines_are_marked() {
        check(
            "Putin Visits Korea\nHe went.",
            "Putin^|# Visits^+# Korea^+# He^| went+",
        );
        check(
            "How Summit Ended In Tears?\nWill it end?",
            "How^|# Summit^+# Ended^+# In^+# Tears^+# Will^| it+ end+",
        );
    }

    #[test]
    fn tokens_are_the_words_of_the_word_scan() {
        // Fragments that exercise joiners, non-ASCII letters and marks, and text ends.
        let fragments = [
            "Kim",
            "Jong-un's",
            "l’état",
            "ÉCOLE",
            "naïve",
            "x-",
            "-y",
            "a--b",
            "it's'",
            "’s",
            "‐",
            "Ⅻ",
            "١٢٣",
            "12th",
            "U.S.",
            "\u{a0}",
            " ",
            "  ",
            ", ",
            ".\n",
            "“Q”",
            "e\u{301}",
            "ß",
            "İstanbul",
            "NATO",
            "rock'n'roll",
            "'",
            "-",
            "ABCDEFGHIJKLMNOP",
            "0-9",
        ];
        for text in random_texts(&fragments, 7, 2_000, 12) {
            let mut scan = WordRanges::new(&text);
            let mut expected = Vec::new();
            while let Some((start, end, marks)) = scan.next_word() {
                let all_caps = if marks & NON_ASCII == 0 {
                    marks & UPPER != 0 && marks & LOWER == 0
                } else {
                    let word = &text[start..end];
                    word.chars().all(|c| !c.is_lowercase()) && word.chars().any(char::is_uppercase)
                };
                expected.push((start, end, marks & DIGIT != 0, all_caps));
            }
            let found: Vec<(usize, usize, bool, bool)> = tokenize(&text)
                .iter()
                .map(|t| (t.start(), t.end(), t.has_digit, t.all_caps))
                .collect();
            assert_eq!(found, expected, "{text:?}");
        }
    }

    #[test]
    fn tokens_stay_small() {
        // Every pass walks the tokens: their size is what it reads.
        assert!(std::mem::size_of::<Token>() <= 32);
    }

    #[test]
    fn terms_fold_plurals_and_skip_stopwords() {
        assert_eq!(term_of_word("Visits"), term_of_word("visit's"));
        assert_eq!(term_of_word("the"), None);
        assert_ne!(term_of_word("visit"), None);
    }
}
