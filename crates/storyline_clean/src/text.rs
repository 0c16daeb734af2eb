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
        // Byte search: '"', or the lead bytes of “ ” „ (E2 80 9C/9D/9E) and « » (C2 AB/BB).
        let bytes = self.text.as_bytes();
        memchr::memchr3_iter(b'"', 0xe2, 0xc2, bytes).any(|at| match bytes[at] {
            b'"' => true,
            0xe2 => {
                bytes.get(at + 1) == Some(&0x80) && matches!(bytes.get(at + 2), Some(0x9c..=0x9e))
            }
            _ => matches!(bytes.get(at + 1), Some(0xab | 0xbb)),
        })
    }
}

/// Splits raw text into non-blank lines. Handles `\n`, `\r\n` and lone `\r` line breaks.
pub(crate) fn split_lines(raw: &str) -> Vec<Line> {
    let mut lines = Vec::with_capacity(raw.len() / 160 + 4);
    let mut number: u32 = 0;
    let mut start = 0usize;
    let bytes = raw.as_bytes();
    loop {
        // Both break bytes are ASCII, so every split falls on a char boundary.
        let end = memchr::memchr2(b'\n', b'\r', &bytes[start..])
            .map_or(bytes.len(), |offset| start + offset);
        number = number.saturating_add(1);
        if let Some(line) = make_line(raw, number, start, end) {
            lines.push(line);
        }
        if end >= bytes.len() {
            break;
        }
        start = end + 1;
        if bytes[end] == b'\r' && bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
    }
    lines
}

fn make_line(raw: &str, number: u32, start: usize, end: usize) -> Option<Line> {
    let slice = raw.get(start..end)?;
    let (text, folded, n_words) = if is_normalised(slice.as_bytes()) {
        let (folded, n_words) = fold(slice);
        (slice.to_owned(), folded, n_words)
    } else {
        let text = normalise_whitespace(slice);
        let (folded, n_words) = fold(&text);
        (text, folded, n_words)
    };
    if text.is_empty() {
        return None;
    }
    let key = if folded.is_empty() {
        0
    } else {
        xxh3_64(folded.as_bytes())
    };
    Some(Line {
        number,
        start,
        end,
        text,
        folded,
        key,
        n_words,
    })
}

/// True for a line that whitespace normalisation would leave unchanged: no control bytes or
/// tabs, no double spaces, no space at either end, no Unicode spaces or invisible characters.
/// Most lines are, and skip the char-by-char path.
fn is_normalised(bytes: &[u8]) -> bool {
    if bytes.is_empty()
        || bytes.first() == Some(&b' ')
        || bytes.last() == Some(&b' ')
        || !bytes.iter().all(|&byte| byte >= b' ' && byte != 0x7f)
        || memchr::memmem::find(bytes, b"  ").is_some()
    {
        return false;
    }
    let after = |at: usize, offset: usize| bytes.get(at + offset).copied().unwrap_or(0);
    // Lead bytes of the code points `normalise_whitespace` changes: C2 (NBSP, soft hyphen, C1
    // controls), E2 (U+2000–U+200F, U+2028–U+202F, U+205F, U+2060), EF (BOM), E1 and E3
    // (Ogham and ideographic spaces).
    let special_c2_e2_ef =
        memchr::memchr3_iter(0xc2, 0xe2, 0xef, bytes).any(|at| match bytes[at] {
            0xc2 => matches!(after(at, 1), 0x80..=0xa0 | 0xad),
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

/// True for invisible characters that only get in the way of comparisons.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
    ) || (c.is_control() && !c.is_whitespace())
}

/// Trims, collapses whitespace runs to one space and maps NBSP and friends to a space.
pub(crate) fn normalise_whitespace(slice: &str) -> String {
    if slice.is_ascii() {
        return normalise_ascii_whitespace(slice);
    }
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

/// [`normalise_whitespace`] for ASCII text, byte by byte.
fn normalise_ascii_whitespace(slice: &str) -> String {
    let mut out = Vec::with_capacity(slice.len());
    let mut pending_space = false;
    for &byte in slice.as_bytes() {
        if byte.is_ascii_whitespace() || byte == 0x0b {
            pending_space = !out.is_empty();
        } else if !byte.is_ascii_control() {
            if pending_space {
                out.push(b' ');
                pending_space = false;
            }
            out.push(byte);
        }
    }
    // Only ASCII bytes were copied, so this never fails; the lossy fallback keeps it panic-free.
    String::from_utf8(out)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
}

/// Lowercase alphanumeric form of a line and its word count. Apostrophes inside a word are
/// dropped rather than splitting it ("don't" → "dont") so that straight and curly quotes agree.
/// ASCII bytes take a table lookup; only non-ASCII characters are decoded.
pub(crate) fn fold(text: &str) -> (String, u32) {
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(text.len() + 1);
    let mut n_words = 0u32;
    let mut in_word = false;
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        if byte < 0x80 {
            let class = FOLD_TABLE[usize::from(byte & 0x7f)];
            if class > 1 {
                if !in_word {
                    if n_words > 0 {
                        out.push(b' ');
                    }
                    n_words += 1;
                    in_word = true;
                }
                out.push(class);
            } else {
                // The apostrophe (class 1) keeps a word going ("don't" → "dont").
                in_word &= class == 1;
            }
            index += 1;
            continue;
        }
        let Some(c) = text.get(index..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        index += c.len_utf8();
        if c.is_alphanumeric() {
            if !in_word {
                if n_words > 0 {
                    out.push(b' ');
                }
                n_words += 1;
                in_word = true;
            }
            let mut buffer = [0u8; 4];
            for lower in c.to_lowercase() {
                out.extend_from_slice(lower.encode_utf8(&mut buffer).as_bytes());
            }
        } else if !(in_word && c == '’') {
            // "Putin’s" stays one word, like "Putin's".
            in_word = false;
        }
    }
    // Whole UTF-8 sequences and ASCII bytes only were pushed, so this cannot fail; the
    // fallback keeps it free of panics all the same.
    (String::from_utf8(out).unwrap_or_default(), n_words)
}

/// Byte classes for [`fold`]: the lowercase byte for ASCII letters and digits, 1 for the
/// apostrophe (stays inside a word), 0 for separators.
const FOLD_TABLE: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut byte = 0usize;
    while byte < 128 {
        let value = byte as u8;
        if value.is_ascii_alphanumeric() {
            table[byte] = value.to_ascii_lowercase();
        } else if value == b'\'' {
            table[byte] = 1;
        }
        byte += 1;
    }
    table
};

/// Words longer than this are not topic words (URLs, hashes, run-together text).
const MAX_TOKEN_CHARS: usize = 40;

/// Words of a line that carry its topic: names and longer words, lowercased and hashed.
/// Used to tell a pasted foreign story from the article around it.
pub(crate) fn content_tokens(text: &str) -> Vec<u64> {
    if text.is_ascii() {
        return content_tokens_ascii(text.as_bytes());
    }
    let mut tokens = Vec::new();
    let mut word = String::new();
    let mut capitalised = false;
    let mut push = |word: &mut String, capitalised: bool| {
        let n_chars = word.chars().count();
        let keep = (n_chars >= 5 || (capitalised && n_chars >= 2)) && n_chars <= MAX_TOKEN_CHARS;
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

/// [`content_tokens`] for ASCII text: the same tokens, without per-char decoding.
fn content_tokens_ascii(bytes: &[u8]) -> Vec<u64> {
    let mut tokens = Vec::new();
    let mut lower = [0u8; MAX_TOKEN_CHARS];
    let mut index = 0;
    while index < bytes.len() {
        if !bytes[index].is_ascii_alphanumeric() {
            index += 1;
            continue;
        }
        let start = index;
        while index < bytes.len() && bytes[index].is_ascii_alphanumeric() {
            index += 1;
        }
        let word = &bytes[start..index];
        if bytes.get(index) == Some(&b'\'') {
            // Possessive or contraction: "Putin's" counts as "putin".
            index += 1;
            while index < bytes.len() && bytes[index].is_ascii_alphanumeric() {
                index += 1;
            }
        }
        let capitalised = word[0].is_ascii_uppercase();
        let keep =
            (word.len() >= 5 || (capitalised && word.len() >= 2)) && word.len() <= MAX_TOKEN_CHARS;
        if !keep {
            continue;
        }
        let lower = &mut lower[..word.len()];
        lower.copy_from_slice(word);
        lower.make_ascii_lowercase();
        if std::str::from_utf8(lower).is_ok_and(|word| !is_stopword(word)) {
            tokens.push(xxh3_64(lower));
        }
    }
    tokens.sort_unstable();
    tokens.dedup();
    tokens
}

/// Function words that are capitalised at the start of a sentence but say nothing of topic.
fn is_stopword(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "and"
            | "or"
            | "but"
            | "if"
            | "in"
            | "on"
            | "at"
            | "of"
            | "to"
            | "for"
            | "by"
            | "with"
            | "from"
            | "as"
            | "is"
            | "it"
            | "its"
            | "he"
            | "she"
            | "we"
            | "they"
            | "i"
            | "you"
            | "his"
            | "her"
            | "their"
            | "our"
            | "this"
            | "that"
            | "these"
            | "those"
            | "there"
            | "here"
            | "when"
            | "where"
            | "while"
            | "after"
            | "before"
            | "since"
            | "also"
            | "however"
            | "according"
            | "about"
            | "would"
            | "could"
            | "should"
            | "which"
            | "other"
            | "there's"
            | "what"
            | "who"
            | "will"
            | "said"
            | "says"
            | "year"
            | "years"
            | "first"
            | "last"
            | "under"
            | "between"
            | "during"
            | "being"
            | "because"
            | "against"
            | "people"
            | "today"
            | "yesterday"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "still"
            | "several"
            | "many"
            | "some"
            | "more"
            | "most"
            | "than"
            | "then"
            | "them"
            | "have"
            | "been"
            | "were"
            | "told"
            | "added"
            | "noted"
            | "including"
            | "already"
            | "another"
            | "around"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &[(u32, &str, &str)]) {
        let lines = split_lines(input);
        let got: Vec<(u32, &str, &str)> = lines
            .iter()
            .map(|line| (line.number, line.text.as_str(), line.folded.as_str()))
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
        // ASCII and non-ASCII lines give the same tokens for the same words.
        assert_eq!(
            content_tokens("Kremlin's Moscow"),
            content_tokens("Kremlin’s Moscow “x”")
        );
    }
}
