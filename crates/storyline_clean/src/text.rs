//! Line model: splits an article's raw text into [`Line`]s with normalised text and the keys
//! every cleaning rule compares.
//!
//! Raw text comes from [`crate::clean`] and [`crate::BoilerplateModelBuilder::observe`]; both
//! must derive identical keys, so the one function [`split_lines`] serves both. Blank lines
//! are paragraph separators and produce no `Line`.

use std::sync::OnceLock;
use xxhash_rust::xxh3::xxh3_64;

use crate::fold::{fold_into, fold_normalised_ascii};

/// One non-blank line of an article; its texts live in the article's raw text and in the
/// [`LineBuffers`] that [`split_lines`] filled.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// 1-based line number in the original text.
    pub(crate) number: u32,
    /// Byte range of the line in the original text, without the line break.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Whitespace-normalised text: trimmed, runs of spaces collapsed, NBSP → space.
    pub(crate) text: &'a str,
    /// The line as written (`start..end` of the original text): a menu may set its items
    /// apart by runs of spaces, which `text` no longer shows.
    pub(crate) raw: &'a str,
    /// Lowercase letters and digits only, words joined by one space: "Join our WhatsApp
    /// group!" → "join our whatsapp group". Rules match on this form, so punctuation and case
    /// variants of the same furniture line compare equal.
    pub(crate) folded: &'a str,
    /// Hash of `folded`; 0 when the line has no letter or digit.
    pub(crate) key: u64,
    /// Number of words in `folded`.
    pub(crate) n_words: u32,
}

impl Line<'_> {
    /// Last non-space character of the text.
    pub(crate) fn last_char(&self) -> Option<char> {
        self.text.chars().next_back()
    }

    /// True when the line ends like a sentence (period, or a closing quote or bracket after
    /// one), as body paragraphs do and headlines do not.
    pub(crate) fn ends_with_period(&self) -> bool {
        let mut chars = self.text.chars().rev();
        for _ in 0..3 {
            match chars.next() {
                Some('.' | '…' | ';') => return true,
                Some('"' | '”' | '’' | '\'' | ')' | ']' | '»') => continue,
                _ => return false,
            }
        }
        false
    }

    /// True when the line ends with sentence punctuation including `?` and `!`.
    pub(crate) fn ends_with_sentence_punctuation(&self) -> bool {
        self.ends_with_period() || matches!(self.last_char(), Some('?' | '!'))
    }

    /// True when the line holds quotation marks: quoted speech is news content even when short.
    /// A » before a space or at the end is a link arrow ("Go to Home Page »"), not a quote.
    pub(crate) fn has_quote(&self) -> bool {
        // Byte search: '"', or the lead bytes of “ ” „ (E2 80 9C/9D/9E) and « » (C2 AB/BB).
        let bytes = self.text.as_bytes();
        memchr::memchr3_iter(b'"', 0xe2, 0xc2, bytes).any(|at| match bytes[at] {
            b'"' => true,
            0xe2 => {
                bytes.get(at + 1) == Some(&0x80) && matches!(bytes.get(at + 2), Some(0x9c..=0x9e))
            }
            _ => match bytes.get(at + 1) {
                Some(0xab) => true,
                Some(0xbb) => !matches!(bytes.get(at + 2), None | Some(b' ')),
                _ => false,
            },
        })
    }
}

/// Article-wide text buffers behind the [`Line`]s of one article: one allocation each
/// instead of two strings per line, and reused from article to article by
/// [`with_line_buffers`].
#[derive(Debug, Default)]
pub(crate) struct LineBuffers {
    /// The folded form of every line, each followed by a newline.
    folded: String,
    /// The normalised text of the lines whose raw text is not normalised already.
    normalised: String,
    /// Where each line lies, before the lines borrow their texts.
    spans: Vec<LineSpans>,
    /// The lines' keys, for the boilerplate builder.
    pub(crate) keys: Vec<LineKey>,
}

/// Buffers bigger than this (bytes of folded text) are dropped after use rather than kept
/// for the next article, so that one huge article does not pin its memory to a thread.
const MAX_KEPT_BUFFER_BYTES: usize = 1 << 20;

/// Runs `work` with this thread's [`LineBuffers`], kept between articles so that splitting an
/// article allocates nothing once the buffers have grown (fresh ones if they are in use).
pub(crate) fn with_line_buffers<R>(work: impl FnOnce(&mut LineBuffers) -> R) -> R {
    thread_local! {
        static BUFFERS: std::cell::RefCell<LineBuffers> = std::cell::RefCell::default();
    }
    BUFFERS.with(|cell| {
        let Ok(mut buffers) = cell.try_borrow_mut() else {
            return work(&mut LineBuffers::default());
        };
        let result = work(&mut buffers);
        if buffers.folded.capacity() + buffers.normalised.capacity() > MAX_KEPT_BUFFER_BYTES {
            *buffers = LineBuffers::default();
        }
        result
    })
}

/// The lines of an article, and the folded lines joined (each followed by a newline), which
/// phrase rules scan in one go.
#[derive(Debug)]
pub(crate) struct SplitLines<'a> {
    pub(crate) lines: Vec<Line<'a>>,
    pub(crate) folded_article: &'a str,
}

/// Where a line's text and folded form lie before the buffers are final.
#[derive(Debug)]
struct LineSpans {
    number: u32,
    start: usize,
    end: usize,
    /// Range in `LineBuffers::normalised`, or `None` when the raw text is normalised.
    normalised: Option<(usize, usize)>,
    folded: (usize, usize),
    key: u64,
    n_words: u32,
}

/// Splits raw text into non-blank lines. Handles `\n`, `\r\n` and lone `\r` line breaks.
pub(crate) fn split_lines<'a>(raw: &'a str, buffers: &'a mut LineBuffers) -> SplitLines<'a> {
    buffers.folded.clear();
    buffers.normalised.clear();
    let mut spans = std::mem::take(&mut buffers.spans);
    spans.clear();
    // A guess at the number of lines (one per ~80 bytes) that spares a counting pass.
    spans.reserve(raw.len() / 80 + 4);
    let mut folded = std::mem::take(&mut buffers.folded).into_bytes();
    // Folding never lengthens ASCII text and adds a newline per line; the slack covers
    // lowercase forms of other scripts that take more bytes, so the buffer rarely grows.
    folded.reserve(raw.len() + raw.len() / 4 + 64);
    for_each_line(raw, |number, start, end| {
        if let Some(line) = line_spans(
            raw,
            number,
            start,
            end,
            &mut folded,
            &mut buffers.normalised,
        ) {
            spans.push(line);
        }
    });
    // Only whole UTF-8 sequences and ASCII bytes were written, so this never fails; the
    // fallback keeps it panic-free all the same.
    buffers.folded = String::from_utf8(folded).unwrap_or_default();
    buffers.spans = spans;
    let buffers: &'a LineBuffers = buffers;
    let lines = buffers
        .spans
        .iter()
        .map(|spans| Line {
            number: spans.number,
            start: spans.start,
            end: spans.end,
            text: match spans.normalised {
                Some((from, to)) => buffers.normalised.get(from..to),
                None => raw.get(spans.start..spans.end),
            }
            .unwrap_or_default(),
            raw: raw.get(spans.start..spans.end).unwrap_or_default(),
            folded: buffers
                .folded
                .get(spans.folded.0..spans.folded.1)
                .unwrap_or_default(),
            key: spans.key,
            n_words: spans.n_words,
        })
        .collect();
    SplitLines {
        lines,
        folded_article: &buffers.folded,
    }
}

/// What the boilerplate builder needs of a line: its key, word count and folded length.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineKey {
    /// Hash of the folded line, as [`Line::key`].
    pub(crate) key: u64,
    pub(crate) n_words: u32,
    /// Length of the folded line in bytes.
    pub(crate) folded_len: usize,
}

/// Calls `visit(number, start, end)` for each line of `raw` (numbered from 1; `start..end`
/// its bytes without the break). Lines end at `\n`, `\r` or `\r\n`; both break bytes are
/// ASCII, so every split falls on a char boundary.
#[inline(always)]
fn for_each_line(raw: &str, mut visit: impl FnMut(u32, usize, usize)) {
    let bytes = raw.as_bytes();
    let mut number: u32 = 0;
    let mut start = 0usize;
    loop {
        let end = memchr::memchr2(b'\n', b'\r', &bytes[start..])
            .map_or(bytes.len(), |offset| start + offset);
        number = number.saturating_add(1);
        visit(number, start, end);
        if end >= bytes.len() {
            break;
        }
        start = end + 1;
        if bytes[end] == b'\r' && bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
    }
}

/// The [`LineKey`]s of the non-blank lines of `raw`, into `keys` (cleared first): the same
/// keys as [`split_lines`] gives, without the texts. Each line's folded form is dropped once
/// hashed, so the buffer stays the size of one line and no text is checked as UTF-8.
pub(crate) fn line_keys(raw: &str, buffers: &mut LineBuffers, keys: &mut Vec<LineKey>) {
    keys.clear();
    let mut folded = std::mem::take(&mut buffers.folded).into_bytes();
    for_each_line(raw, |number, start, end| {
        folded.clear();
        buffers.normalised.clear();
        if let Some(line) = line_spans(
            raw,
            number,
            start,
            end,
            &mut folded,
            &mut buffers.normalised,
        ) {
            keys.push(LineKey {
                key: line.key,
                n_words: line.n_words,
                folded_len: line.folded.1 - line.folded.0,
            });
        }
    });
    folded.clear();
    // Empty, so this never fails.
    buffers.folded = String::from_utf8(folded).unwrap_or_default();
}

/// Normalises and folds one line into the buffers; `None` for a blank line.
// Inlined into both callers: as a call, the hot fold inside it compiled to more instructions.
#[inline(always)]
fn line_spans(
    raw: &str,
    number: u32,
    start: usize,
    end: usize,
    folded: &mut Vec<u8>,
    normalised: &mut String,
) -> Option<LineSpans> {
    let slice = raw.get(start..end)?;
    let folded_start = folded.len();
    // Most lines are ASCII and normalised already: one pass checks and folds them.
    let (text_range, n_words) =
        if let Some(n_words) = fold_normalised_ascii(slice.as_bytes(), folded) {
            (None, n_words)
        } else if is_normalised(slice.as_bytes()) {
            (None, fold_into(slice, folded))
        } else {
            let from = normalised.len();
            normalise_whitespace_into(slice, normalised);
            let text = normalised.get(from..).unwrap_or_default();
            if text.is_empty() {
                return None;
            }
            (Some((from, normalised.len())), fold_into(text, folded))
        };
    let folded_end = folded.len();
    folded.push(b'\n');
    let folded_line = folded.get(folded_start..folded_end).unwrap_or_default();
    let key = if folded_line.is_empty() {
        0
    } else {
        xxh3_64(folded_line)
    };
    Some(LineSpans {
        number,
        start,
        end,
        normalised: text_range,
        folded: (folded_start, folded_end),
        key,
        n_words,
    })
}

/// Whether `bytes` holds two spaces in a row, with one searcher built once for every line
/// (`memmem::find` builds one per call).
pub(crate) fn has_double_space(bytes: &[u8]) -> bool {
    static FINDER: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    FINDER
        .get_or_init(|| memchr::memmem::Finder::new(b"  "))
        .find(bytes)
        .is_some()
}

/// True for a line that whitespace normalisation would leave unchanged: no control bytes or
/// tabs, no double spaces, no space at either end, no Unicode spaces or invisible characters.
/// Most lines are, and skip the char-by-char path.
fn is_normalised(bytes: &[u8]) -> bool {
    if bytes.is_empty()
        || bytes.first() == Some(&b' ')
        || bytes.last() == Some(&b' ')
        // Without an early exit the check runs over whole vectors of bytes.
        || bytes
            .iter()
            .fold(false, |control, &byte| control | (byte < b' ') | (byte == 0x7f))
        || has_double_space(bytes)
    {
        return false;
    }
    let after = |at: usize, offset: usize| bytes.get(at + offset).copied().unwrap_or(0);
    // Lead bytes of the code points `normalise_whitespace` changes: C2 (NBSP, soft hyphen, and
    // U+0085 which is whitespace), E2 (U+2000–U+200F, U+2028–U+202F, U+205F, U+2060), EF (BOM), E1 and E3
    // (Ogham and ideographic spaces).
    let special_c2_e2_ef =
        memchr::memchr3_iter(0xc2, 0xe2, 0xef, bytes).any(|at| match bytes[at] {
            0xc2 => matches!(after(at, 1), 0x85 | 0xa0 | 0xad),
            0xe2 => match after(at, 1) {
                0x80 => matches!(after(at, 2), 0x80..=0x8f | 0xa8..=0xaf),
                0x81 => matches!(after(at, 2), 0x9f | 0xa0),
                _ => false,
            },
            _ => after(at, 1) == 0xbb && after(at, 2) == 0xbf,
        });
    let special_e1_e3 = memchr::memchr2_iter(0xe1, 0xe3, bytes).any(|at| match bytes[at] {
        0xe1 => after(at, 1) == 0x9a && after(at, 2) == 0x80,
        _ => after(at, 1) == 0x80 && after(at, 2) == 0x80,
    });
    !special_c2_e2_ef && !special_e1_e3
}

/// True for characters that separate words but are not ASCII spaces.
fn is_space_like(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// True for invisible characters that only get in the way of comparisons. C1 controls stay:
/// in mojibake they are part of a misdecoded character that a later repair may still fix.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
    ) || (c.is_ascii_control() && !c.is_ascii_whitespace())
}

/// Trims, collapses whitespace runs to one space and maps NBSP and friends to a space;
/// appends the result to `out`.
pub(crate) fn normalise_whitespace_into(slice: &str, out: &mut String) {
    let base = out.len();
    if slice.is_ascii() {
        return normalise_ascii_whitespace_into(slice, out);
    }
    let mut pending_space = false;
    for c in slice.chars() {
        if is_space_like(c) {
            pending_space = out.len() > base;
        } else if !is_invisible(c) {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
}

/// [`normalise_whitespace_into`] for ASCII text, byte by byte.
fn normalise_ascii_whitespace_into(slice: &str, out: &mut String) {
    let base = out.len();
    let mut pending_space = false;
    for &byte in slice.as_bytes() {
        if byte.is_ascii_whitespace() || byte == 0x0b {
            pending_space = out.len() > base;
        } else if !byte.is_ascii_control() {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(char::from(byte));
        }
    }
}

/// Words longer than this are not topic words (URLs, hashes, run-together text).
const MAX_TOKEN_BYTES: usize = 40;

/// Topic words of a folded line: words of four or more characters that are not function
/// words, with a plural or possessive "s" dropped ("putins" → "putin", "talks" → "talk"),
/// hashed, sorted and deduplicated. Used to tell a pasted foreign story from the article
/// around it; working on the folded form costs one split, not another pass over the text.
pub(crate) fn content_tokens(folded: &str) -> Vec<u64> {
    let mut tokens: Vec<u64> = Vec::with_capacity(folded.len() / 6 + 1);
    tokens.extend(
        folded
            .split(' ')
            .filter(|word| (4..=MAX_TOKEN_BYTES).contains(&word.len()) && !is_stopword(word))
            .map(|word| {
                let stem = if word.len() >= 5 {
                    word.strip_suffix('s').unwrap_or(word)
                } else {
                    word
                };
                xxh3_64(stem.as_bytes())
            }),
    );
    tokens.sort_unstable();
    tokens.dedup();
    tokens
}

fn is_stopword(word: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().copied().collect())
        .contains(word)
}

/// Common words of four or more letters that say nothing of a story's topic, including the
/// folded forms of contractions and possessive pronouns.
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "also", "been", "both", "came", "come", "does", "done", "each", "even", "ever", "from", "gave",
    "give", "goes", "gone", "good", "have", "here", "into", "just", "know", "last", "like", "made",
    "make", "many", "more", "most", "much", "must", "next", "only", "over", "said", "same", "says",
    "some", "such", "take", "than", "that", "them", "then", "they", "this", "time", "told", "took",
    "very", "want", "week", "well", "went", "were", "what", "when", "will", "with", "year", "years",
    "your", "about", "after", "again", "could", "every", "first", "their", "there", "these",
    "those", "under", "where", "which", "while", "would", "other", "being", "since", "still",
    "until", "before", "should", "during", "through", "between", "because", "against", "people",
    "according", "including", "however", "another", "around", "already", "several", "today",
    "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "added", "noted", "dont", "didnt", "doesnt", "isnt", "wasnt", "cant",
    "wont", "theyre", "youre", "its", "thats", "theres", "whats", "back", "down", "away", "without",
    "within", "among", "across", "later", "early", "three", "four", "five", "seven", "eight",
    "nine", "million", "billion", "percent",
];

/// The lines of `raw` for tests, with the text and buffers leaked so that the lines live
/// as long as the test needs them.
#[cfg(test)]
pub(crate) fn test_lines(raw: &str) -> Vec<Line<'static>> {
    let raw: &'static str = Box::leak(raw.to_owned().into_boxed_str());
    let buffers: &'static mut LineBuffers = Box::leak(Box::default());
    split_lines(raw, buffers).lines
}

/// Applies a line rule to each line of `input` and compares the verdicts (the line rules'
/// tests in `rules.rs` and `filler.rs`).
#[cfg(test)]
pub(crate) fn check_rule(rule: fn(&Line) -> bool, input: &str, expected: &[bool]) {
    let got: Vec<bool> = test_lines(input).iter().map(rule).collect();
    assert_eq!(got, expected, "input: {input}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold;

    fn check(input: &str, expected: &[(u32, &str, &str)]) {
        let lines = test_lines(input);
        let got: Vec<(u32, &str, &str)> = lines
            .iter()
            .map(|line| (line.number, line.text, line.folded))
            .collect();
        assert_eq!(got, expected);
        for line in &lines {
            assert_eq!(
                input[line.start..line.end].trim(),
                input[line.start..line.end].trim()
            );
        }
    }

    #[test]
    fn splits_and_normalises() {
        check(
            "  Hello\u{a0}\u{a0}World!  \r\n\r\nSecond   line’s end.\rThird",
            &[
                (1, "Hello World!", "hello world"),
                (3, "Second line’s end.", "second lines end"),
                (4, "Third", "third"),
            ],
        );
    }

    #[test]
    fn blank_and_empty_input() {
        check("", &[]);
        check("\n \n\u{a0}\n", &[]);
        check("x\n", &[(1, "x", "x")]);
    }

    #[test]
    fn sentence_endings() {
        let lines = test_lines("He left.\n“I agree.”\nA Headline\nWhy Now?");
        let ends: Vec<bool> = lines.iter().map(Line::ends_with_period).collect();
        assert_eq!(ends, [true, true, false, false]);
        assert!(lines[3].ends_with_sentence_punctuation());
    }

    #[test]
    fn content_tokens_skip_function_words() {
        let tokens = content_tokens(&fold("The Kremlin’s aide said that Moscow is big.").0);
        // "kremlin", "aide", "moscow"; short and function words are not topic words.
        assert_eq!(tokens.len(), 3);
        // Straight and curly apostrophes, singular and possessive give the same tokens.
        assert_eq!(
            content_tokens(&fold("Kremlin's Moscow").0),
            content_tokens(&fold("Kremlin’s “Moscow”").0)
        );
    }
}
