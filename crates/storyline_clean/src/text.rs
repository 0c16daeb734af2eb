//! Line model: splits an article's raw text into [`Line`]s with normalised text and the keys
//! every cleaning rule compares.
//!
//! Raw text comes from [`crate::clean`] and [`crate::BoilerplateModelBuilder::observe`]; both
//! must derive identical keys, so the one function [`split_lines`] serves both. Blank lines
//! are paragraph separators and produce no `Line`.

use xxhash_rust::xxh3::xxh3_64;

/// One non-blank line of an article.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// 1-based line number in the original text.
    pub(crate) number: u32,
    /// Byte range of the line in the original text, without the line break.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Whitespace-normalised text: trimmed, runs of spaces collapsed, NBSP → space.
    pub(crate) text: String,
    /// Lowercase letters and digits only, words joined by one space: "Join our WhatsApp
    /// group!" → "join our whatsapp group". Rules match on this form, so punctuation and case
    /// variants of the same furniture line compare equal.
    pub(crate) folded: String,
    /// Hash of `folded`; 0 when the line has no letter or digit.
    pub(crate) key: u64,
    /// Number of words in `folded`.
    pub(crate) n_words: u32,
}

impl Line {
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
    pub(crate) fn has_quote(&self) -> bool {
        self.text.contains(['"', '“', '”', '«', '»', '„'])
    }
}

/// Splits raw text into non-blank lines. Handles `\n`, `\r\n` and lone `\r` line breaks.
pub(crate) fn split_lines(raw: &str) -> Vec<Line> {
    let mut lines = Vec::with_capacity(raw.len() / 120 + 4);
    let mut number: u32 = 0;
    let mut start = 0usize;
    let bytes = raw.as_bytes();
    let mut index = 0usize;
    while start <= raw.len() {
        // Find the end of this line: the next '\n' or '\r' byte (both ASCII, so the split is
        // always at a char boundary).
        while index < bytes.len() && bytes[index] != b'\n' && bytes[index] != b'\r' {
            index += 1;
        }
        let end = index;
        number = number.saturating_add(1);
        if let Some(line) = make_line(raw, number, start, end) {
            lines.push(line);
        }
        if index >= bytes.len() {
            break;
        }
        if bytes[index] == b'\r' && bytes.get(index + 1) == Some(&b'\n') {
            index += 1;
        }
        index += 1;
        start = index;
    }
    lines
}

fn make_line(raw: &str, number: u32, start: usize, end: usize) -> Option<Line> {
    let slice = raw.get(start..end)?;
    let text = normalise_whitespace(slice);
    if text.is_empty() {
        return None;
    }
    let (folded, n_words) = fold(&text);
    let key = if folded.is_empty() { 0 } else { xxh3_64(folded.as_bytes()) };
    Some(Line { number, start, end, text, folded, key, n_words })
}

/// True for characters that separate words but are not ASCII spaces.
fn is_space_like(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// True for invisible characters that only get in the way of comparisons.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}')
        || (c.is_control() && !c.is_whitespace())
}

/// Trims, collapses whitespace runs to one space and maps NBSP and friends to a space.
pub(crate) fn normalise_whitespace(slice: &str) -> String {
    let mut out = String::with_capacity(slice.len());
    let mut pending_space = false;
    for c in slice.chars() {
        if is_space_like(c) {
            pending_space = !out.is_empty();
        } else if !is_invisible(c) {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Lowercase alphanumeric form of a line and its word count. Apostrophes inside a word are
/// dropped rather than splitting it ("don't" → "dont") so that straight and curly quotes agree.
pub(crate) fn fold(text: &str) -> (String, u32) {
    let mut out = String::with_capacity(text.len());
    let mut n_words = 0u32;
    let mut in_word = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if !in_word {
                if !out.is_empty() {
                    out.push(' ');
                }
                n_words += 1;
                in_word = true;
            }
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else if in_word && matches!(c, '\'' | '’') {
            // Stay inside the word: "Putin’s" folds to "putins".
        } else {
            in_word = false;
        }
    }
    (out, n_words)
}

/// Words of a line that carry its topic: names and longer words, lowercased and hashed.
/// Used to tell a pasted foreign story from the article around it.
pub(crate) fn content_tokens(text: &str) -> Vec<u64> {
    let mut tokens = Vec::new();
    let mut word = String::new();
    let mut capitalised = false;
    let mut push = |word: &mut String, capitalised: bool| {
        let n_chars = word.chars().count();
        let keep = n_chars >= 5 || (capitalised && n_chars >= 2);
        if keep && !is_stopword(word) {
            tokens.push(xxh3_64(word.as_bytes()));
        }
        word.clear();
    };
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            if word.is_empty() {
                capitalised = c.is_uppercase();
            }
            word.extend(c.to_lowercase());
        } else if matches!(c, '\'' | '’') && !word.is_empty() {
            // Possessive or contraction: "Putin’s" counts as "putin".
            push(&mut word, capitalised);
            while chars.peek().is_some_and(|next| next.is_alphanumeric()) {
                chars.next();
            }
        } else if !word.is_empty() {
            push(&mut word, capitalised);
        }
    }
    if !word.is_empty() {
        push(&mut word, capitalised);
    }
    tokens.sort_unstable();
    tokens.dedup();
    tokens
}

/// Function words that are capitalised at the start of a sentence but say nothing of topic.
fn is_stopword(word: &str) -> bool {
    matches!(
        word,
        "the" | "a" | "an" | "and" | "or" | "but" | "if" | "in" | "on" | "at" | "of" | "to"
            | "for" | "by" | "with" | "from" | "as" | "is" | "it" | "its" | "he" | "she"
            | "we" | "they" | "i" | "you" | "his" | "her" | "their" | "our" | "this" | "that"
            | "these" | "those" | "there" | "here" | "when" | "where" | "while" | "after"
            | "before" | "since" | "also" | "however" | "according" | "about" | "would"
            | "could" | "should" | "which" | "other" | "there's" | "what" | "who" | "will"
            | "said" | "says" | "year" | "years" | "first" | "last" | "under"
            | "between" | "during" | "being" | "because" | "against" | "people"
            | "today" | "yesterday" | "monday" | "tuesday" | "wednesday" | "thursday"
            | "friday" | "saturday" | "sunday" | "still" | "several" | "many"
            | "some" | "more" | "most" | "than" | "then" | "them" | "have" | "been" | "were"
            | "told" | "added" | "noted" | "including" | "already" | "another" | "around"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &[(u32, &str, &str)]) {
        let lines = split_lines(input);
        let got: Vec<(u32, &str, &str)> =
            lines.iter().map(|line| (line.number, line.text.as_str(), line.folded.as_str())).collect();
        assert_eq!(got, expected);
        for line in &lines {
            assert_eq!(input[line.start..line.end].trim(), input[line.start..line.end].trim());
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
        let lines = split_lines("He left.\n“I agree.”\nA Headline\nWhy Now?");
        let ends: Vec<bool> = lines.iter().map(Line::ends_with_period).collect();
        assert_eq!(ends, [true, true, false, false]);
        assert!(lines[3].ends_with_sentence_punctuation());
    }

    #[test]
    fn content_tokens_skip_function_words() {
        let tokens = content_tokens("The Kremlin’s aide said that Moscow is big.");
        // "Kremlin" and "Moscow" are names; "aide", "big" are short lowercase words and
        // "The", "said", "that" are function words.
        assert_eq!(tokens.len(), 2);
    }
}
