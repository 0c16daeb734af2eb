//! Tokenizer for copy detection: cleaned text → a stream of [`Token`]s (normalised words and
//! sentence ends), plus the small word classes the sketches need (stopwords, stems).
//!
//! Data comes from `fingerprint` (one article's cleaned text) and goes straight into the
//! sketch builder in `sketch.rs`; nothing here allocates per word except one reused buffer.
//! Normalisation makes every measure case-, whitespace- and punctuation-insensitive: a word
//! is a maximal run of letters/digits, lowercased; apostrophes and hyphens split words.
//! Ideographic scripts (Chinese, Japanese kana) are written without spaces, so each
//! ideograph counts as one word; otherwise a whole Chinese paragraph would be one "word".

/// One step of the token stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// A normalised (lowercased) word with the shape of its original spelling.
    Word {
        lower: &'a str,
        capitalized: bool,
        numeric: bool,
    },
    /// The end of a sentence (`.`, `!`, `?` before a space, ideographic stops, line breaks).
    SentenceEnd,
}

/// Counts of quoted spans seen while tokenizing; quotes are evidence of an original.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct QuoteCount {
    /// Opening curly or guillemet quotes (`“`, `«`, `„`, `「`).
    opening: u32,
    /// Straight double quotes; two of them make one span.
    straight: u32,
}

impl QuoteCount {
    /// Number of quoted spans.
    pub(crate) fn spans(self) -> u32 {
        self.opening + self.straight / 2
    }
}

/// Walks `text` once, calling `on_token` for every word and sentence end, and returns the
/// quote count. Never panics: it only ever looks at whole chars.
pub(crate) fn tokenize(text: &str, mut on_token: impl FnMut(Token<'_>)) -> QuoteCount {
    let mut quotes = QuoteCount::default();
    let mut word = String::with_capacity(32);
    let mut capitalized = false;
    let mut numeric = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            if is_ideograph(c) {
                flush(&mut word, capitalized, numeric, &mut on_token);
                word.push(c);
                flush(&mut word, false, false, &mut on_token);
                continue;
            }
            if word.is_empty() {
                capitalized = c.is_uppercase();
                numeric = true;
            }
            numeric &= c.is_numeric();
            if c.is_ascii() {
                word.push(c.to_ascii_lowercase());
            } else {
                word.extend(c.to_lowercase());
            }
            continue;
        }
        flush(&mut word, capitalized, numeric, &mut on_token);
        match c {
            '.' | '!' | '?' | '…' => {
                // "3.5" and "U.S" keep going; a stop needs a space, a quote or the end after it.
                let next = chars.peek().copied();
                if next.map_or(true, |n| n.is_whitespace() || is_quote(n)) {
                    on_token(Token::SentenceEnd);
                }
            }
            '\n' | '。' | '！' | '？' | '；' => on_token(Token::SentenceEnd),
            '“' | '«' | '„' | '「' | '『' => quotes.opening += 1,
            '"' => quotes.straight += 1,
            _ => {}
        }
    }
    flush(&mut word, capitalized, numeric, &mut on_token);
    on_token(Token::SentenceEnd);
    quotes
}

fn flush(
    word: &mut String,
    capitalized: bool,
    numeric: bool,
    on_token: &mut impl FnMut(Token<'_>),
) {
    if !word.is_empty() {
        on_token(Token::Word {
            lower: word,
            capitalized,
            numeric,
        });
        word.clear();
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '」' | '』' | ')')
}

/// CJK ideographs, kana and Hangul syllables: scripts where one char carries a word's weight
/// or words are not separated by spaces.
fn is_ideograph(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF     // Hiragana, Katakana
        | 0x3400..=0x4DBF   // CJK Extension A
        | 0x4E00..=0x9FFF   // CJK Unified Ideographs
        | 0xF900..=0xFAFF   // CJK Compatibility Ideographs
        | 0x20000..=0x2FFFF // CJK Extensions B–F
    )
}

/// Whether a normalised word carries content (facts) rather than grammar. Numbers count as
/// content: they are the specifics a rewrite keeps.
pub(crate) fn is_content_word(lower: &str, numeric: bool) -> bool {
    if numeric {
        return true;
    }
    lower.chars().nth(2).is_some() && !is_stopword(lower)
}

/// The stem a content word is compared by: its first six chars. Prefix truncation is crude
/// but language-agnostic and free, and it merges the inflections a paraphrase tool swaps
/// ("strengthen"/"strengthening", "visit"/"visits").
pub(crate) fn stem(lower: &str) -> &str {
    match lower.char_indices().nth(6) {
        Some((end, _)) => &lower[..end],
        None => lower,
    }
}

/// English function words (plus reporting verbs, which every article uses). Other languages
/// get no stopwords; their function words then count as content, which only makes the
/// rewrite test a little more lenient to shared grammar.
pub(crate) fn is_stopword(lower: &str) -> bool {
    matches!(
        lower,
        "a" | "about"
            | "above"
            | "after"
            | "again"
            | "against"
            | "all"
            | "also"
            | "am"
            | "an"
            | "and"
            | "any"
            | "are"
            | "as"
            | "at"
            | "be"
            | "because"
            | "been"
            | "before"
            | "being"
            | "below"
            | "between"
            | "both"
            | "but"
            | "by"
            | "can"
            | "could"
            | "did"
            | "do"
            | "does"
            | "down"
            | "during"
            | "each"
            | "few"
            | "for"
            | "from"
            | "further"
            | "had"
            | "has"
            | "have"
            | "he"
            | "her"
            | "here"
            | "his"
            | "how"
            | "i"
            | "if"
            | "in"
            | "into"
            | "is"
            | "it"
            | "its"
            | "just"
            | "may"
            | "me"
            | "might"
            | "more"
            | "most"
            | "must"
            | "my"
            | "no"
            | "not"
            | "of"
            | "off"
            | "on"
            | "once"
            | "only"
            | "or"
            | "other"
            | "our"
            | "out"
            | "over"
            | "own"
            | "said"
            | "same"
            | "say"
            | "says"
            | "shall"
            | "she"
            | "should"
            | "so"
            | "some"
            | "such"
            | "than"
            | "that"
            | "the"
            | "their"
            | "them"
            | "then"
            | "there"
            | "these"
            | "they"
            | "this"
            | "those"
            | "through"
            | "to"
            | "too"
            | "under"
            | "until"
            | "up"
            | "very"
            | "was"
            | "we"
            | "were"
            | "what"
            | "when"
            | "where"
            | "which"
            | "while"
            | "who"
            | "whom"
            | "whose"
            | "why"
            | "will"
            | "with"
            | "would"
            | "you"
            | "your"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders the token stream as words separated by spaces and `|` at sentence ends,
    /// capitalised words marked with `^`, numbers with `#`, followed by the quote spans.
    fn check(input: &str, expected: &str) {
        let mut out = String::new();
        let quotes = tokenize(input, |token| match token {
            Token::Word {
                lower,
                capitalized,
                numeric,
            } => {
                if capitalized {
                    out.push('^');
                }
                if numeric {
                    out.push('#');
                }
                out.push_str(lower);
                out.push(' ');
            }
            Token::SentenceEnd => out.push_str("| "),
        });
        out.push_str(&format!("q{}", quotes.spans()));
        assert_eq!(out, expected);
    }

    #[test]
    fn words_sentences_and_quotes() {
        check(
            "Putin's visit. He said: “We are ready.” Costs 3.5 bn\nEnd",
            "^putin s visit | ^he said ^we are ready | ^costs #3 #5 bn | ^end | q1",
        );
        check("", "| q0");
        check("\"a\" and \"b\"", "a and b | q2");
    }

    #[test]
    fn ideographs_are_words() {
        check("普京访问。Да, Путин!", "普 京 访 问 | ^да ^путин | | q0");
    }

    #[test]
    fn stems_and_stopwords() {
        assert_eq!(stem("strengthening"), "streng");
        assert_eq!(stem("путина"), "путина");
        assert_eq!(stem("kim"), "kim");
        assert!(is_content_word("pyongyang", false));
        assert!(!is_content_word("the", false));
        assert!(!is_content_word("us", false));
        assert!(is_content_word("20", true));
    }
}
