//! Tokenizer for copy detection: cleaned text → a stream of [`Token`]s (normalised words and
//! sentence ends), plus the small word classes the sketches need (stopwords, stems).
//!
//! Data comes from `fingerprint` (one article's cleaned text) and goes straight into the
//! sketch builder in `sketch.rs`; nothing here allocates per word (one buffer is reused).
//! Normalisation makes every measure case-, whitespace- and punctuation-insensitive: a word
//! is a maximal run of letters/digits, lowercased; apostrophes and hyphens split words.
//! Ideographic scripts (Chinese, Japanese kana) are written without spaces, so each
//! ideograph counts as one word; otherwise a whole Chinese paragraph would be one "word".

use std::sync::OnceLock;

use xxhash_rust::xxh3::xxh3_64;

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
        // ASCII first: most news text is ASCII and the Unicode tables are slow.
        if c.is_ascii_alphanumeric() {
            if word.is_empty() {
                capitalized = c.is_ascii_uppercase();
                numeric = true;
            }
            numeric &= c.is_ascii_digit();
            word.push(c.to_ascii_lowercase());
            continue;
        }
        if !c.is_ascii() && c.is_alphanumeric() {
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
            word.extend(c.to_lowercase());
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
/// `word_hash` is [`word_hash`] of `lower`, which the caller has computed anyway.
pub(crate) fn is_content_word(lower: &str, word_hash: u64, numeric: bool) -> bool {
    if numeric {
        return true;
    }
    lower.chars().nth(2).is_some() && !is_stopword(lower, word_hash)
}

/// The hash every word is known by (shingles, exact text, stopword lookup).
pub(crate) fn word_hash(lower: &str) -> u64 {
    xxh3_64(lower.as_bytes())
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
/// `word_hash` is [`word_hash`] of `lower`: the lookup compares integers, not strings.
pub(crate) fn is_stopword(lower: &str, word_hash: u64) -> bool {
    static HASHES: OnceLock<Vec<u64>> = OnceLock::new();
    let hashes = HASHES.get_or_init(|| {
        let mut hashes: Vec<u64> = STOPWORDS.iter().map(|word| self::word_hash(word)).collect();
        hashes.sort_unstable();
        hashes
    });
    // Longer words are never stopwords.
    lower.len() <= LONGEST_STOPWORD && hashes.binary_search(&word_hash).is_ok()
}

const LONGEST_STOPWORD: usize = 7;

/// Sorted and unique (checked by a test).
const STOPWORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "down", "during", "each", "few", "for",
    "from", "further", "had", "has", "have", "he", "her", "here", "his", "how", "i", "if", "in",
    "into", "is", "it", "its", "just", "may", "me", "might", "more", "most", "must", "my", "no",
    "not", "of", "off", "on", "once", "only", "or", "other", "our", "out", "over", "own", "said",
    "same", "say", "says", "shall", "she", "should", "so", "some", "such", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too",
    "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "whom", "whose", "why", "will", "with", "would", "you", "your",
];

/// Whether a content word is so common in any English text ("people", "year", "make") that
/// sharing it says nothing about copying. Such words stay in the sentence alignment but are
/// left out of the content-word MinHash: long unrelated pages share hundreds of them, which
/// made unrelated pairs collide in the rewrite LSH bands. Compared by stem hash.
pub(crate) fn is_common_stem(stem_hash: u64) -> bool {
    static HASHES: OnceLock<Vec<u64>> = OnceLock::new();
    let hashes = HASHES.get_or_init(|| {
        let mut hashes: Vec<u64> = COMMON_WORDS
            .iter()
            .map(|word| word_hash(stem(word)))
            .collect();
        hashes.sort_unstable();
        hashes.dedup();
        hashes
    });
    hashes.binary_search(&stem_hash).is_ok()
}

/// Frequent general English words beyond the stopwords (sorted and unique, checked by a test).
const COMMON_WORDS: &[&str] = &[
    "able",
    "across",
    "actually",
    "add",
    "added",
    "ago",
    "ahead",
    "almost",
    "already",
    "although",
    "always",
    "among",
    "another",
    "anyone",
    "anything",
    "area",
    "around",
    "ask",
    "asked",
    "away",
    "back",
    "bad",
    "based",
    "become",
    "becomes",
    "began",
    "begin",
    "behind",
    "believe",
    "best",
    "better",
    "big",
    "bit",
    "bring",
    "brought",
    "build",
    "business",
    "call",
    "called",
    "came",
    "case",
    "cause",
    "certain",
    "chance",
    "change",
    "clear",
    "close",
    "come",
    "comes",
    "coming",
    "company",
    "continue",
    "country",
    "course",
    "create",
    "current",
    "day",
    "days",
    "decided",
    "different",
    "done",
    "early",
    "easy",
    "else",
    "end",
    "enough",
    "even",
    "ever",
    "every",
    "everyone",
    "everything",
    "example",
    "expected",
    "face",
    "fact",
    "family",
    "far",
    "feel",
    "felt",
    "find",
    "first",
    "five",
    "follow",
    "following",
    "found",
    "four",
    "free",
    "full",
    "gave",
    "get",
    "gets",
    "getting",
    "give",
    "given",
    "goes",
    "going",
    "gone",
    "good",
    "got",
    "great",
    "group",
    "grow",
    "half",
    "hand",
    "happen",
    "hard",
    "head",
    "hear",
    "help",
    "high",
    "hold",
    "home",
    "however",
    "idea",
    "important",
    "include",
    "including",
    "instead",
    "issue",
    "keep",
    "kind",
    "knew",
    "know",
    "known",
    "large",
    "last",
    "late",
    "later",
    "lead",
    "least",
    "leave",
    "left",
    "less",
    "let",
    "life",
    "like",
    "likely",
    "line",
    "little",
    "live",
    "long",
    "look",
    "looking",
    "lot",
    "made",
    "major",
    "make",
    "makes",
    "making",
    "man",
    "many",
    "matter",
    "mean",
    "means",
    "million",
    "move",
    "much",
    "need",
    "needs",
    "never",
    "new",
    "news",
    "next",
    "nothing",
    "now",
    "number",
    "offer",
    "often",
    "old",
    "one",
    "open",
    "order",
    "part",
    "past",
    "people",
    "per",
    "percent",
    "perhaps",
    "person",
    "place",
    "plan",
    "play",
    "point",
    "possible",
    "power",
    "probably",
    "problem",
    "provide",
    "put",
    "question",
    "quite",
    "rather",
    "read",
    "real",
    "really",
    "reason",
    "recent",
    "recently",
    "remain",
    "report",
    "result",
    "right",
    "run",
    "saw",
    "see",
    "seem",
    "seemed",
    "seen",
    "set",
    "several",
    "show",
    "side",
    "since",
    "small",
    "someone",
    "something",
    "sometimes",
    "soon",
    "start",
    "started",
    "state",
    "still",
    "story",
    "sure",
    "take",
    "taken",
    "takes",
    "taking",
    "talk",
    "tell",
    "ten",
    "thing",
    "things",
    "think",
    "though",
    "thought",
    "three",
    "time",
    "times",
    "today",
    "together",
    "told",
    "took",
    "top",
    "toward",
    "turn",
    "two",
    "upon",
    "use",
    "used",
    "using",
    "usually",
    "want",
    "wanted",
    "way",
    "ways",
    "week",
    "weeks",
    "well",
    "went",
    "whether",
    "whole",
    "without",
    "work",
    "working",
    "world",
    "year",
    "years",
    "yes",
    "yet",
    "young",
];

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
        let content = |word: &str, numeric: bool| is_content_word(word, word_hash(word), numeric);
        assert!(content("pyongyang", false));
        assert!(!content("the", false));
        assert!(!content("through", false));
        assert!(!content("us", false));
        assert!(content("20", true));
        assert!(STOPWORDS.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(COMMON_WORDS.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(is_common_stem(word_hash(stem("important"))));
        assert!(!is_common_stem(word_hash(stem("pyongyang"))));
        assert!(STOPWORDS.iter().all(|word| word.len() <= LONGEST_STOPWORD));
    }
}
