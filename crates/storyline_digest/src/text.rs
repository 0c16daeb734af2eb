//! Text of a story as the digest reads it: words, sentences and content-word terms.
//!
//! [`StoryTexts`] is built once per story from the [`StoryArticle`]s (capped in number of
//! articles and bytes per article) and shared by the summary, headline, entity, date and
//! disagreement passes, so each article's text is split into sentences and terms only once.

use std::cell::RefCell;

use crate::pool;
use crate::provenance::StoryView;
use crate::tokens::{term_of_word, tokenize_with_words, word_ranges, Token, Tokenized};
use crate::{DigestConfig, StoryArticle};

/// A content-word term: the hash of a lower-cased, lightly stemmed word.
pub(crate) type Term = u64;

/// One sentence of an article: a byte range of its text and its distinct terms.
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Where its content-word terms sit in the article's [`ArticleText::terms`] (one
    /// allocation per article, not per sentence), in text order with repeats: only the
    /// summary's candidates need them sorted, and it sorts those alone.
    pub(crate) terms: std::ops::Range<usize>,
    /// Number of words (all words, not only content words).
    pub(crate) n_words: usize,
}

/// One article's text, capped, with its sentences.
#[derive(Debug, Clone)]
pub(crate) struct ArticleText<'a> {
    /// Position in the story's article slice.
    pub(crate) position: usize,
    pub(crate) id: &'a str,
    /// Whether the article is the `copy` end of some copy edge.
    pub(crate) is_copy: bool,
    /// Outlet key used to spread the summary over sources.
    pub(crate) source: String,
    /// The text read (a prefix of the article's text).
    pub(crate) text: &'a str,
    pub(crate) tokens: Vec<Token>,
    /// Each token's start and text, for the passes that read words (dates, disagreements).
    pub(crate) words: Vec<(usize, &'a str)>,
    /// Indexes of the notable tokens (see [`crate::tokens::Tokenized::notable`]).
    pub(crate) notable: Vec<u32>,
    pub(crate) sentences: Vec<Sentence>,
    /// The terms of every sentence, one after the other (see [`Sentence::terms`]): every
    /// token's, as every token is in a sentence.
    pub(crate) terms: Vec<Term>,
}

impl<'a> ArticleText<'a> {
    /// Reads one article's (already capped) text into tokens and sentences.
    pub(crate) fn new(
        position: usize,
        id: &'a str,
        is_copy: bool,
        source: String,
        text: &'a str,
    ) -> Self {
        let buffers = pool::take();
        let Tokenized {
            tokens,
            words,
            terms,
            notable,
        } = tokenize_with_words(
            text,
            Tokenized {
                tokens: buffers.tokens,
                words: buffers.words,
                terms: buffers.terms,
                notable: buffers.notable,
            },
        );
        let mut sentences = buffers.sentences;
        // The sentence ranges are needed only here: one vector per thread holds them.
        SENTENCE_RANGES.with(|cell| match cell.try_borrow_mut() {
            Ok(mut ranges) => {
                split_sentences_into(text, &mut ranges);
                build_sentences(&tokens, terms.len(), &ranges, &mut sentences);
            }
            Err(_) => {
                let ranges = split_sentences(text);
                build_sentences(&tokens, terms.len(), &ranges, &mut sentences);
            }
        });
        ArticleText {
            position,
            id,
            is_copy,
            source,
            text,
            tokens,
            words,
            notable,
            sentences,
            terms,
        }
    }

    /// The content-word terms of one of its sentences, in text order with repeats.
    pub(crate) fn sentence_terms(&self, sentence: &Sentence) -> &[Term] {
        self.terms.get(sentence.terms.clone()).unwrap_or(&[])
    }

    pub(crate) fn sentence_text(&self, sentence: &Sentence) -> &str {
        self.text.get(sentence.start..sentence.end).unwrap_or("")
    }
}

/// The texts of a story's first `max_text_articles` articles; `articles[i].position == i`.
#[derive(Debug, Clone)]
pub(crate) struct StoryTexts<'a> {
    pub(crate) articles: Vec<ArticleText<'a>>,
}

impl Drop for StoryTexts<'_> {
    /// Gives the articles' vectors back to this thread's pool, for the next story.
    fn drop(&mut self) {
        for article in &mut self.articles {
            pool::give_back(
                std::mem::take(&mut article.tokens),
                std::mem::take(&mut article.words),
                std::mem::take(&mut article.terms),
                std::mem::take(&mut article.sentences),
                std::mem::take(&mut article.notable),
            );
        }
    }
}

thread_local! {
    /// Sentence byte ranges of the article being read (see [`ArticleText::new`]).
    static SENTENCE_RANGES: RefCell<Vec<(usize, usize)>> = const { RefCell::new(Vec::new()) };
}

impl<'a> StoryTexts<'a> {
    /// The read text of the article at `position` in the story, if it was read.
    pub(crate) fn article(&self, position: usize) -> Option<&ArticleText<'a>> {
        self.articles
            .get(position)
            .filter(|article| article.position == position)
    }
}

impl<'a> StoryTexts<'a> {
    pub(crate) fn new(
        articles: &[StoryArticle<'a>],
        view: &StoryView,
        config: &DigestConfig,
    ) -> Self {
        let max_bytes = if articles.len() < config.full_text_min_articles {
            config.lead_text_bytes
        } else {
            config.max_text_bytes
        };
        // The story's text budget is shared by its originals: a digest then costs about the
        // same per article whatever the story's size, and leads (where news puts the who,
        // what, when and where) are always read whole.
        let n_read = articles.len().min(config.max_text_articles);
        let n_originals = (0..n_read).filter(|&p| !view.is_copy(p)).count().max(1);
        let original_bytes =
            max_bytes.min((config.story_text_bytes / n_originals).max(config.lead_text_bytes));
        let articles = articles
            .iter()
            .enumerate()
            .take(config.max_text_articles)
            .map(|(position, article)| {
                // A copy adds no independent facts beyond its lead (where a rewrite's dateline
                // sits), so only its lead is read.
                let is_copy = view.is_copy(position);
                let bytes = if is_copy {
                    max_bytes.min(config.lead_text_bytes)
                } else {
                    original_bytes
                };
                let text = prefix_at_char_boundary(article.text, bytes);
                ArticleText::new(
                    position,
                    article.id,
                    is_copy,
                    crate::provenance::source_name(article),
                    text,
                )
            })
            .collect();
        StoryTexts { articles }
    }
}

/// The longest prefix of `text` of at most `max_bytes` bytes that ends on a char boundary.
pub(crate) fn prefix_at_char_boundary(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Words of `text` with their byte offsets (see [`word_ranges`]).
pub(crate) fn words(text: &str) -> Vec<(usize, &str)> {
    word_ranges(text)
        .into_iter()
        .map(|(start, end)| (start, &text[start..end]))
        .collect()
}

/// Strips a possessive ending ("Putin's" → "Putin"): `'s`, `’s`, `s'` or `s’`. Called
/// on most words, so it compares bytes.
#[inline]
pub(crate) fn strip_possessive(word: &str) -> &str {
    const CURLY: &[u8] = "’".as_bytes();
    let bytes = word.as_bytes();
    let n = bytes.len();
    // The last byte decides which ending can be there; most words end in none of them.
    let cut = match bytes.last() {
        Some(b's') if n >= 2 && bytes[n - 2] == b'\'' => 2,
        // The curly quote's last byte first: most words ending in "s" have no quote.
        Some(b's') if n >= 4 && bytes[n - 2] == 0x99 && &bytes[n - 4..n - 1] == CURLY => 4,
        Some(b'\'') if n >= 2 && bytes[n - 2] == b's' => 2,
        Some(0x99) if n >= 4 && &bytes[n - 3..] == CURLY && bytes[n - 4] == b's' => 4,
        _ => 0,
    };
    word.get(..n - cut).unwrap_or(word)
}

#[rustfmt::skip]
pub(crate) const STOPWORDS: &[&str] = &[
    "a", "about", "above", "according", "across", "after", "again", "against", "ago", "all",
    "along", "already", "also", "although", "am", "amid", "among", "an", "and", "another",
    "any", "are", "around", "as", "at", "back", "be", "because", "been", "before", "being",
    "below", "between", "both", "but", "by", "can", "could", "day", "did", "do", "does",
    "doing", "down", "during", "each", "even", "every", "few", "first", "for", "from",
    "further", "get", "got", "had", "has", "have", "having", "he", "her", "here", "hers",
    "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "including", "into",
    "is", "it", "its", "itself", "just", "last", "like", "made", "make", "many", "may", "me",
    "might", "month", "more", "most", "mr", "mrs", "ms", "much", "must", "my", "myself", "new",
    "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "onto", "or", "other",
    "our", "ours", "out", "over", "own", "per", "said", "same", "say", "says", "several",
    "she", "should", "since", "so", "some", "still", "such", "than", "that", "the", "their",
    "theirs", "them", "then", "there", "these", "they", "this", "those", "though", "through",
    "time", "to", "today", "told", "tomorrow", "too", "two", "under", "until", "up", "upon",
    "us", "very", "via", "was", "way", "we", "week", "well", "were", "what", "when", "where",
    "whether", "which", "while", "who", "whom", "why", "will", "with", "within", "without",
    "would", "year", "years", "yesterday", "yet", "you", "your",
];

/// Sorted, deduplicated content terms of `text`, and its number of words.
pub(crate) fn terms_of(text: &str) -> (Vec<Term>, usize) {
    let words = words(text);
    let mut terms: Vec<Term> = words
        .iter()
        .filter_map(|(_, word)| term_of_word(word))
        .collect();
    terms.sort_unstable();
    terms.dedup();
    (terms, words.len())
}

/// Jaccard similarity of two sorted, deduplicated term lists.
pub(crate) fn jaccard(left: &[Term], right: &[Term]) -> f64 {
    if left.is_empty() && right.is_empty() {
        return 0.0;
    }
    let shared = count_shared(left, right);
    shared as f64 / (left.len() + right.len() - shared) as f64
}

/// Number of terms two sorted lists share. The merge steps without branching on the
/// comparison (which way it goes is a coin toss, and mispredicted branches made this the
/// summary's largest cost).
pub(crate) fn count_shared(left: &[Term], right: &[Term]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while let (Some(&a), Some(&b)) = (left.get(i), right.get(j)) {
        shared += usize::from(a == b);
        i += usize::from(a <= b);
        j += usize::from(b <= a);
    }
    shared
}

/// Words before a full stop that do not end a sentence.
fn is_abbreviation(word: &str) -> bool {
    // A single letter is an initial ("J. Smith") or part of "U.S.".
    if word.chars().count() == 1 || word.contains('.') {
        return true;
    }
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "St"
            | "Jr"
            | "Sr"
            | "Gen"
            | "Gov"
            | "Sen"
            | "Rep"
            | "Lt"
            | "Col"
            | "Capt"
            | "Sgt"
            | "Prof"
            | "Inc"
            | "Ltd"
            | "Co"
            | "Corp"
            | "No"
            | "vs"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Mt"
            | "Ft"
            | "Rev"
            | "Hon"
            | "approx"
            | "etc"
            | "al"
            | "Adm"
            | "Maj"
            | "Cpl"
    )
}

/// Splits `text` into sentences (byte ranges, trimmed): at line breaks, and after `.`, `!`
/// or `?` (and closing quotes) followed by a space and a capital, digit or opening quote,
/// unless the full stop ends an abbreviation or an initial.
pub(crate) fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let mut sentences = Vec::with_capacity(text.len() / 64 + 1);
    split_sentences_into(text, &mut sentences);
    sentences
}

/// [`split_sentences`] into `sentences` (emptied first).
fn split_sentences_into(text: &str, sentences: &mut Vec<(usize, usize)>) {
    sentences.clear();
    let bytes = text.as_bytes();
    // Where the current sentence starts; a line break always ends one.
    let mut start = 0;
    let mut offset = 0;
    while offset < bytes.len() {
        // Terminal marks and line breaks are ASCII, so a byte scan finds them.
        let Some(mark) = next_mark(bytes, offset) else {
            break;
        };
        offset = mark + 1;
        let byte = bytes[mark];
        if byte == b'\n' {
            push_sentence(sentences, text, start, offset);
            start = offset;
            continue;
        }
        let Some(end) = sentence_end(text, start, mark) else {
            continue;
        };
        push_sentence(sentences, text, start, end);
        start = end;
    }
    push_sentence(sentences, text, start, bytes.len());
}

/// The offset of the next `.`, `!`, `?` or line break at or after `offset`. Eight bytes
/// are tested at a time (a word-wide test for a zero byte after xor-ing each mark in):
/// this scan reads every byte of every text, and a byte loop was one of the digest's
/// largest costs.
fn next_mark(bytes: &[u8], mut offset: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // High bit of each byte of `word` that is zero; the lowest one is exact.
    let zero_bytes = |word: u64| word.wrapping_sub(ONES) & !word & HIGHS;
    while let Some(chunk) = bytes.get(offset..offset + 8) {
        let word = u64::from_le_bytes(chunk.try_into().ok()?);
        let found = zero_bytes(word ^ (ONES * u64::from(b'.')))
            | zero_bytes(word ^ (ONES * u64::from(b'!')))
            | zero_bytes(word ^ (ONES * u64::from(b'?')))
            | zero_bytes(word ^ (ONES * u64::from(b'\n')));
        if found != 0 {
            return Some(offset + (found.trailing_zeros() / 8) as usize);
        }
        offset += 8;
    }
    bytes
        .get(offset..)?
        .iter()
        .position(|&b| matches!(b, b'.' | b'!' | b'?' | b'\n'))
        .map(|found| offset + found)
}

/// Whether the terminal mark at `mark` (after a sentence begun at `start`) ends the
/// sentence, and if so where: after the mark and any closing quotes, when a space and then
/// a capital, digit or opening quote follow on the same line, unless a full stop ends an
/// abbreviation or an initial.
fn sentence_end(text: &str, start: usize, mark: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    // Closing quotes and brackets after the mark. Most marks are followed by a space or
    // a plain ASCII byte: those are read as bytes, the rest as chars.
    let mut end = mark + 1;
    loop {
        match bytes.get(end) {
            Some(b'"' | b'\'' | b')') => end += 1,
            Some(&byte) if byte >= 0x80 => {
                let after = text.get(end..)?;
                end += after.len() - after.trim_start_matches(['”', '’']).len();
                if !matches!(bytes.get(end), Some(b'"' | b'\'' | b')')) {
                    break;
                }
            }
            _ => break,
        }
    }
    let rest = text.get(end..)?;
    let next = match rest.as_bytes() {
        // The commonest case: one space, then an ASCII character.
        [b' ', next, ..] if next.is_ascii() && !is_ascii_white_space(*next) => {
            Some(char::from(*next))
        }
        _ => {
            if !rest.starts_with(char::is_whitespace) {
                return None;
            }
            // The next character on the same line: a line break ends the search (the
            // line's own end splits there anyway).
            rest.chars()
                .find(|&c| !c.is_whitespace() || c == '\n')
                .filter(|&c| c != '\n')
        }
    }?;
    let opens = if next.is_ascii() {
        next.is_ascii_uppercase() || next.is_ascii_digit() || matches!(next, '"' | '\'' | '(')
    } else {
        next.is_uppercase() || next.is_numeric() || "“‘".contains(next)
    };
    if !opens {
        return None;
    }
    if bytes.get(mark) == Some(&b'.') {
        let before = text.get(start..mark)?;
        if last_word(before).is_some_and(is_abbreviation) {
            return None;
        }
    }
    Some(end)
}

/// The last word of `text` after a space or an opening bracket (all of it when there is
/// none), as `text.rsplit(|c| c.is_whitespace() || c == '(').next()`: read backwards as
/// bytes while they are ASCII, as words before a full stop nearly always are.
fn last_word(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    for (index, &byte) in bytes.iter().enumerate().rev() {
        if !byte.is_ascii() {
            return text.rsplit(|c: char| c.is_whitespace() || c == '(').next();
        }
        if is_ascii_white_space(byte) || byte == b'(' {
            return text.get(index + 1..);
        }
    }
    Some(text)
}

/// Whether an ASCII byte is white space as `char::is_whitespace` says (which, unlike
/// `u8::is_ascii_whitespace`, counts the vertical tab).
fn is_ascii_white_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

fn push_sentence(sentences: &mut Vec<(usize, usize)>, text: &str, start: usize, end: usize) {
    let Some(slice) = text.get(start..end) else {
        return;
    };
    // As `slice.trim()`, reading ASCII white space as bytes; a non-ASCII byte at either
    // end (a no-break space, say) sends the slice to `trim`.
    let bytes = slice.as_bytes();
    let first = bytes.iter().position(|&b| !is_ascii_white_space(b));
    let last = bytes.iter().rposition(|&b| !is_ascii_white_space(b));
    let (trimmed_start, trimmed_end) = match (first, last) {
        (Some(first), Some(last)) if bytes[first].is_ascii() && bytes[last].is_ascii() => {
            (first, last + 1)
        }
        (None, _) | (_, None) => return,
        _ => {
            let trimmed = slice.trim();
            if trimmed.is_empty() {
                return;
            }
            let first = slice.len() - slice.trim_start().len();
            (first, first + trimmed.len())
        }
    };
    sentences.push((start + trimmed_start, start + trimmed_end));
}

/// Attaches tokens and terms to sentence ranges (both are in text order). Every token lies
/// inside a sentence (sentences cover all but the whitespace between them, and no word
/// holds whitespace or runs across a sentence's end), so a sentence's terms are a range
/// of the article's, found from its tokens' [`Token::terms_before`].
fn build_sentences(
    tokens: &[Token],
    n_terms: usize,
    ranges: &[(usize, usize)],
    sentences: &mut Vec<Sentence>,
) {
    let terms_before = |index: usize| {
        tokens
            .get(index)
            .map_or(n_terms, |token| token.terms_before as usize)
    };
    let mut next_token = 0;
    sentences.clear();
    sentences.extend(ranges.iter().map(|&(start, end)| {
        let rest = tokens.get(next_token..).unwrap_or(&[]);
        let first_token = next_token + rest.partition_point(|t| t.start() < start);
        let rest = tokens.get(first_token..).unwrap_or(&[]);
        next_token = first_token + rest.partition_point(|t| t.end() <= end);
        Sentence {
            start,
            end,
            terms: terms_before(first_token)..terms_before(next_token),
            n_words: next_token - first_token,
        }
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &[&str]) {
        let sentences: Vec<&str> = split_sentences(input)
            .iter()
            .map(|&(start, end)| &input[start..end])
            .collect();
        assert_eq!(sentences, expected);
    }

    #[test]
    fn splits_at_full_stops_and_lines() {
        check(
            "One day. Two days!\nThree",
            &["One day.", "Two days!", "Three"],
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        check(
            "Mr. Smith met J. R. Doe in the U.S. Capitol. He left.",
            &["Mr. Smith met J. R. Doe in the U.S. Capitol.", "He left."],
        );
    }

    #[test]
    fn splits_after_closing_quotes() {
        check(
            "He said “no.” Then he left.",
            &["He said “no.”", "Then he left."],
        );
    }

    #[test]
    fn words_keep_inner_hyphens_and_apostrophes() {
        let found: Vec<&str> = words("Kim Jong-un's trip - 2 days")
            .iter()
            .map(|w| w.1)
            .collect();
        assert_eq!(found, ["Kim", "Jong-un's", "trip", "2", "days"]);
    }

    #[test]
    fn finds_marks_eight_bytes_at_a_time() {
        let text = "abcdefghijklmnop.rstu!vwxyz0123456789?\nend";
        let mut found = Vec::new();
        let mut offset = 0;
        while let Some(mark) = next_mark(text.as_bytes(), offset) {
            found.push(mark);
            offset = mark + 1;
        }
        assert_eq!(found, [16, 21, 37, 38]);
    }

    #[test]
    fn strips_possessives() {
        for (word, expected) in [
            ("Putin's", "Putin"),
            ("Putin’s", "Putin"),
            ("allies'", "allie"),
            ("allies’", "allie"),
            ("news", "news"),
            ("'s", ""),
            ("s", "s"),
            ("’", "’"),
        ] {
            assert_eq!(strip_possessive(word), expected, "{word}");
        }
    }

    #[test]
    fn every_token_is_in_a_sentence() {
        // Fragments that end, open and quote sentences, and glue words across marks.
        let fragments = [
            "He", "said", "no", ".", "!", "?", "\n", " ", "  ", "'", "’", "”", "\"", ")", "(",
            "U.S.", "Mr.", "J.", "x-", "’s", "12", "3.5", "\u{a0}", "“", "É", "é", ":", "'s",
        ];
        let mut state = 11_u64;
        for _ in 0..3_000 {
            let mut text = String::new();
            for _ in 0..14 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                text.push_str(fragments[(state >> 33) as usize % fragments.len()]);
            }
            let article = ArticleText::new(0, "a", false, String::new(), &text);
            let in_sentences: usize = article.sentences.iter().map(|s| s.n_words).sum();
            assert_eq!(in_sentences, article.tokens.len(), "{text:?}");
            let mut expected = Vec::new();
            for sentence in &article.sentences {
                let words = crate::text::words(&text[sentence.start..sentence.end]);
                expected.extend(words.iter().filter_map(|(_, w)| term_of_word(w)));
                assert_eq!(
                    article.sentence_terms(sentence),
                    words
                        .iter()
                        .filter_map(|(_, w)| term_of_word(w))
                        .collect::<Vec<_>>()
                );
            }
            assert_eq!(article.terms, expected, "{text:?}");
        }
    }

    #[test]
    fn byte_reads_agree_with_char_reads() {
        let fragments = [
            "a", "Mr", " ", "\t", "\x0b", "\u{a0}", "\u{2003}", "(", "é", ".", "\n", "x(y",
        ];
        let mut state = 3_u64;
        for _ in 0..3_000 {
            let mut text = String::new();
            for _ in 0..6 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                text.push_str(fragments[(state >> 33) as usize % fragments.len()]);
            }
            let expected = text.rsplit(|c: char| c.is_whitespace() || c == '(').next();
            assert_eq!(last_word(&text), expected, "{text:?}");
            let mut pushed = Vec::new();
            push_sentence(&mut pushed, &text, 0, text.len());
            let trimmed = text.trim();
            let expected: Vec<(usize, usize)> = if trimmed.is_empty() {
                Vec::new()
            } else {
                let start = text.len() - text.trim_start().len();
                vec![(start, start + trimmed.len())]
            };
            assert_eq!(pushed, expected, "{text:?}");
        }
    }

    #[test]
    fn cuts_at_char_boundary() {
        assert_eq!(prefix_at_char_boundary("héllo", 2), "h");
    }
}
