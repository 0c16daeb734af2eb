//! Sentences of an article's text: where they start and end, as byte ranges, with the
//! words they hold.
//!
//! The tokenizer ([`crate::tokens::tokenize_with_words`]) feeds a [`SentenceSplitter`] the
//! gaps between words as it walks the text: the marks that may end a sentence (`.`, `!`,
//! `?`, a line break) never lie inside a word, so a sentence ends only in a gap, and the
//! words read so far are the sentence's (see [`crate::text::Sentence`]). A separate scan of
//! every byte for the marks, and a search for each sentence's words among the tokens, cost
//! a sixth of the tokenizer's time. The ranges are trimmed, and every word of the text lies
//! inside one of them. `split_sentences`, the same rules as one scan of the text, is kept
//! for the tests as the reference.

use crate::text::Sentence;

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
#[cfg(test)]
pub(super) fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let mut sentences = Vec::with_capacity(text.len() / 64 + 1);
    split_sentences_into(text, &mut sentences);
    sentences
}

/// [`split_sentences`] into `sentences` (emptied first).
#[cfg(test)]
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
/// are tested at a time (a word-wide test for a zero byte after xor-ing each mark in).
#[cfg(test)]
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

#[cfg(test)]
fn push_sentence(sentences: &mut Vec<(usize, usize)>, text: &str, start: usize, end: usize) {
    if let Some(range) = trimmed(text, start, end) {
        sentences.push(range);
    }
}

/// `start..end` of `text` without white space at either end, or `None` when nothing is
/// left (or the range is not one of `text`).
fn trimmed(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let slice = text.get(start..end)?;
    // As `slice.trim()`, reading ASCII white space as bytes; a non-ASCII byte at either
    // end (a no-break space, say) sends the slice to `trim`.
    let bytes = slice.as_bytes();
    let first = bytes.iter().position(|&b| !is_ascii_white_space(b));
    let last = bytes.iter().rposition(|&b| !is_ascii_white_space(b));
    let (trimmed_start, trimmed_end) = match (first, last) {
        (Some(first), Some(last)) if bytes[first].is_ascii() && bytes[last].is_ascii() => {
            (first, last + 1)
        }
        (None, _) | (_, None) => return None,
        _ => {
            let trimmed = slice.trim();
            if trimmed.is_empty() {
                return None;
            }
            let first = slice.len() - slice.trim_start().len();
            (first, first + trimmed.len())
        }
    };
    Some((start + trimmed_start, start + trimmed_end))
}

/// Splits a text into sentences as the tokenizer walks it: the rules of `split_sentences`,
/// applied to the marks of each gap between words in turn ([`SentenceSplitter::read_gap`]).
#[derive(Debug)]
pub(crate) struct SentenceSplitter<'s> {
    /// Where the current sentence starts (untrimmed).
    start: usize,
    /// The number of words and of terms read before the current sentence.
    words_before: usize,
    terms_before: usize,
    sentences: &'s mut Vec<Sentence>,
}

impl<'s> SentenceSplitter<'s> {
    /// A splitter writing into `sentences` (emptied first).
    pub(crate) fn new(sentences: &'s mut Vec<Sentence>) -> Self {
        sentences.clear();
        SentenceSplitter {
            start: 0,
            words_before: 0,
            terms_before: 0,
            sentences,
        }
    }

    /// Reads the gap `text[from..to]` between two words (or before the first, or after the
    /// last), `n_words` words and `n_terms` terms having been read before it: ends the
    /// current sentence at each mark that ends one. Returns the offsets of the gap's first
    /// and last line breaks, if it holds any (the tokenizer reads lines too).
    pub(crate) fn read_gap(
        &mut self,
        text: &str,
        from: usize,
        to: usize,
        n_words: usize,
        n_terms: usize,
    ) -> Option<(usize, usize)> {
        let gap = text.as_bytes().get(from..to).unwrap_or(&[]);
        let mut line_breaks: Option<(usize, usize)> = None;
        for (at, &byte) in gap.iter().enumerate() {
            let mark = from + at;
            let end = match byte {
                b'\n' => {
                    line_breaks = Some((line_breaks.map_or(mark, |(first, _)| first), mark));
                    mark + 1
                }
                b'.' | b'!' | b'?' => match sentence_end(text, self.start, mark) {
                    Some(end) => end,
                    None => continue,
                },
                _ => continue,
            };
            self.end_sentence(text, end, n_words, n_terms);
        }
        line_breaks
    }

    /// Ends the last sentence at the end of the text.
    pub(crate) fn finish(mut self, text: &str, n_words: usize, n_terms: usize) {
        self.end_sentence(text, text.len(), n_words, n_terms);
    }

    fn end_sentence(&mut self, text: &str, end: usize, n_words: usize, n_terms: usize) {
        if let Some((start, trimmed_end)) = trimmed(text, self.start, end) {
            self.sentences.push(Sentence {
                start,
                end: trimmed_end,
                terms: self.terms_before..n_terms,
                n_words: n_words - self.words_before,
            });
            self.words_before = n_words;
            self.terms_before = n_terms;
        }
        self.start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tests::random_texts;

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
    fn byte_reads_agree_with_char_reads() {
        let fragments = [
            "a", "Mr", " ", "\t", "\x0b", "\u{a0}", "\u{2003}", "(", "é", ".", "\n", "x(y",
        ];
        for text in random_texts(&fragments, 3, 3_000, 6) {
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
}
