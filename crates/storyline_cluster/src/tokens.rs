//! Tokenizer of story features: text → [`Token`]s (words, numbers, abbreviations) with what
//! the punctuation before each one says, and the lowercase form and shape of a token.
//!
//! [`Tokens`] walks the text of one article for [`crate::features`], which counts the terms.
//! Most news text is ASCII, so ASCII bytes are classified by one table lookup and only
//! non-ASCII characters are decoded and judged by the Unicode tables; both paths follow the
//! same rules, so a token reads the same whichever path it took.

use crate::byte_classes::{
    class_of, skip_alphanumeric, ALPHA, ALPHANUMERIC, BREAKS_NAMES, COMMA, DIGIT, ENDS_SENTENCE,
    LOWER, UPPER,
};

mod short;

pub(crate) use short::{short_plural_stem, ShortWord, Word};

/// One token of a text and what the gap of punctuation and spaces before it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    /// A run of letters and digits, with inner apostrophes, dots and commas between digits
    /// ("6.1", "1,000") and dots in abbreviations ("U.S."); a possessive "'s" is dropped.
    pub(crate) text: &'a str,
    /// The gap before the token holds a sentence end: '.', '!', '?' or a line break.
    pub(crate) gap_ends_sentence: bool,
    /// The gap holds punctuation of weight (':', ';', '"', '“', '(', '—'): "Reid: Malibu"
    /// is not one name.
    pub(crate) gap_breaks_names: bool,
    /// The token holds ASCII characters only.
    pub(crate) is_ascii: bool,
    /// For an ASCII token without a dropped possessive: the class bits of its first byte,
    /// and of all later bytes together, which settle its shape without another pass.
    ascii_classes: Option<(u8, u8)>,
}

/// The tokens of a text, in order.
#[derive(Debug, Clone)]
pub(crate) struct Tokens<'a> {
    text: &'a str,
    /// Byte offset where the next gap starts; always on a char boundary.
    position: usize,
}

impl<'a> Tokens<'a> {
    pub(crate) fn new(text: &'a str) -> Tokens<'a> {
        Tokens { text, position: 0 }
    }
}

/// The char starting at byte `index` of `text`, if any.
fn char_at(text: &str, index: usize) -> Option<char> {
    text.get(index..)?.chars().next()
}

/// True when the char at byte `index` is alphabetic (false past the end).
fn is_alphabetic_at(text: &str, index: usize) -> bool {
    match text.as_bytes().get(index) {
        Some(&byte) if byte < 0x80 => class_of(byte) & ALPHA != 0,
        Some(_) => char_at(text, index).is_some_and(char::is_alphabetic),
        None => false,
    }
}

/// True when the byte at `index` is an ASCII digit (false past the end).
fn is_ascii_digit_at(text: &str, index: usize) -> bool {
    text.as_bytes().get(index).is_some_and(u8::is_ascii_digit)
}

/// The char that ends at byte `index` of `text` and where it starts.
fn char_before(text: &str, index: usize) -> Option<(char, usize)> {
    match text.as_bytes().get(index.checked_sub(1)?) {
        Some(&byte) if byte < 0x80 => Some((char::from(byte), index - 1)),
        _ => {
            let c = text.get(..index)?.chars().next_back()?;
            Some((c, index - c.len_utf8()))
        }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    #[inline]
    fn next(&mut self) -> Option<Token<'a>> {
        self.next_plain().or_else(|| self.next_general())
    }
}

impl<'a> Tokens<'a> {
    /// The next token when it is plain — ASCII letters and digits after a gap of ASCII
    /// bytes, ending where no punctuation could continue it — as most tokens are; `None`
    /// (and nothing consumed) otherwise, for [`Tokens::next_general`] to read. Taking the
    /// common case apart spares it the general path's checks (possessives, non-ASCII
    /// characters, inner dots and commas) and more than halves the cost of a token.
    #[inline]
    fn next_plain(&mut self) -> Option<Token<'a>> {
        let bytes = self.text.as_bytes();
        let mut index = self.position;
        let mut gap_classes = 0;
        let first_class = loop {
            let &byte = bytes.get(index)?;
            let class = class_of(byte);
            if class & ALPHANUMERIC != 0 {
                break class;
            }
            if byte >= 0x80 {
                return None;
            }
            gap_classes |= class;
            index += 1;
        };
        let start = index;
        let mut later_classes = 0;
        let end = skip_alphanumeric(bytes, start + 1, &mut later_classes);
        // The byte after the run: the general path's rules for what may continue a token,
        // for an all-alphanumeric token before it ("'" and non-ASCII are left to it).
        let continues = match bytes.get(end) {
            None => false,
            Some(&byte) if byte == b',' || byte == b'.' => {
                // Only read for the few tokens that stop at a comma or a dot.
                let last = bytes.get(end - 1).copied().unwrap_or(0);
                let between_digits = last.is_ascii_digit() && is_ascii_digit_at(self.text, end + 1);
                between_digits || (byte == b'.' && last.is_ascii_uppercase() && end - 1 == start)
            }
            Some(&byte) => byte == b'\'' || byte >= 0x80,
        };
        if continues {
            return None;
        }
        let text = self.text.get(start..end)?;
        self.position = end;
        Some(Token {
            text,
            gap_ends_sentence: gap_classes & ENDS_SENTENCE != 0,
            gap_breaks_names: gap_classes & BREAKS_NAMES != 0,
            is_ascii: true,
            ascii_classes: Some((first_class, later_classes)),
        })
    }

    /// The next token, by rules that cover any text.
    fn next_general(&mut self) -> Option<Token<'a>> {
        let text = self.text;
        let bytes = text.as_bytes();
        // The gap: everything up to the next letter or digit.
        let mut index = self.position;
        let (mut gap_ends_sentence, mut gap_breaks_names) = (false, false);
        loop {
            let &byte = bytes.get(index)?;
            if byte < 0x80 {
                let class = class_of(byte);
                if class & ALPHANUMERIC != 0 {
                    break;
                }
                gap_ends_sentence |= class & ENDS_SENTENCE != 0;
                gap_breaks_names |= class & BREAKS_NAMES != 0;
                index += 1;
            } else {
                let c = char_at(text, index)?;
                if c.is_alphanumeric() {
                    break;
                }
                gap_breaks_names |= matches!(c, '“' | '—');
                index += c.len_utf8();
            }
        }
        // The token starts with a letter or digit, so a punctuation mark inside it always
        // has a kept char before it to be judged by.
        let start = index;
        let mut is_ascii = true;
        // An ASCII first char is a letter or digit (the gap ended there): step over it, so
        // that the class bits gathered below are those of the later bytes.
        let first_class = class_of(bytes.get(start).copied().unwrap_or(0));
        if first_class != 0 {
            index += 1;
        }
        let mut later_classes = 0u8;
        loop {
            // Runs of ASCII letters and digits, the bulk of any token.
            index = skip_alphanumeric(bytes, index, &mut later_classes);
            let Some(&byte) = bytes.get(index) else {
                break;
            };
            // The last kept char: punctuation is judged by it (and by the char after).
            let previous = || char_before(text, index);
            let (keep, len) = if byte < 0x80 {
                let keep = match byte {
                    b'\'' => {
                        previous().is_some_and(|(c, _)| c.is_alphabetic())
                            && is_alphabetic_at(text, index + 1)
                    }
                    b',' => {
                        previous().is_some_and(|(c, _)| c.is_ascii_digit())
                            && is_ascii_digit_at(text, index + 1)
                    }
                    b'.' => previous().is_some_and(|(c, previous_start)| {
                        (c.is_ascii_digit() && is_ascii_digit_at(text, index + 1))
                            // "U.S.": a dot after a single capital letter.
                            || (c.is_uppercase()
                                && (previous_start == start
                                    || bytes.get(previous_start.wrapping_sub(1)) == Some(&b'.')))
                    }),
                    _ => false,
                };
                later_classes |= if keep { class_of(byte) } else { 0 };
                (keep, 1)
            } else {
                let Some(c) = char_at(text, index) else {
                    break;
                };
                let keep = c.is_alphanumeric()
                    || (c == '’'
                        && previous().is_some_and(|(c, _)| c.is_alphabetic())
                        && is_alphabetic_at(text, index + c.len_utf8()));
                is_ascii &= !keep;
                (keep, c.len_utf8())
            };
            if !keep {
                break;
            }
            index += len;
        }
        self.position = index;
        let scanned = text.get(start..index)?;
        // "Reid's" → "Reid": the possessive adds nothing to the name.
        let token = scanned
            .strip_suffix("'s")
            .or_else(|| scanned.strip_suffix("’s"))
            .unwrap_or(scanned);
        let ascii_classes = (is_ascii && token.len() == scanned.len()).then(|| {
            (
                bytes.get(start).map_or(0, |&byte| class_of(byte)),
                later_classes,
            )
        });
        Some(Token {
            text: token,
            gap_ends_sentence,
            gap_breaks_names,
            // "Putin’s" is ASCII once the possessive is gone.
            is_ascii: is_ascii || token.is_ascii(),
            ascii_classes,
        })
    }
}

/// How a token is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    Lower,
    Capitalised,
    AllCaps,
}

/// What one pass over a token learns besides its lowercase form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TokenShape {
    pub(crate) has_digit: bool,
    pub(crate) case: Case,
    /// Characters of the token, commas not counted.
    pub(crate) n_chars: usize,
}

/// Writes the token's lowercase form into `lower` as UTF-8 (commas dropped: they only occur
/// as thousands separators; dots stay, "6.1", "u.s.") and reports its shape, in one pass.
pub(crate) fn lowercase_into(token: &Token<'_>, lower: &mut Vec<u8>) -> TokenShape {
    lower.clear();
    if let Some((first_class, later_classes)) = token.ascii_classes {
        return lowercase_scanned_into(token.text.as_bytes(), first_class, later_classes, lower);
    }
    if token.is_ascii {
        return lowercase_ascii_into(token.text.as_bytes(), lower);
    }
    let (mut has_digit, mut n_chars, mut n_letters) = (false, 0, 0);
    let (mut first_upper, mut any_lower) = (false, false);
    let mut buffer = [0u8; 4];
    for c in token.text.chars().filter(|&c| c != ',') {
        n_chars += 1;
        if c.is_ascii_digit() {
            has_digit = true;
        } else if c.is_alphabetic() {
            if n_letters == 0 {
                first_upper = c.is_uppercase();
            } else {
                any_lower |= c.is_lowercase();
            }
            n_letters += 1;
        }
        for lower_c in c.to_lowercase() {
            lower.extend_from_slice(lower_c.encode_utf8(&mut buffer).as_bytes());
        }
    }
    let case = if !first_upper {
        Case::Lower
    } else if !any_lower && n_letters >= 2 {
        Case::AllCaps
    } else {
        Case::Capitalised
    };
    TokenShape {
        has_digit,
        case,
        n_chars,
    }
}

/// [`lowercase_into`] for an ASCII token whose byte classes the tokenizer gathered. A token
/// without a digit starts with a letter, so the first byte's class is the first letter's;
/// with a digit the case does not matter.
fn lowercase_scanned_into(
    token: &[u8],
    first_class: u8,
    later_classes: u8,
    lower: &mut Vec<u8>,
) -> TokenShape {
    // One pass: bit 0x20 lowers an ASCII capital, and UPPER shifted by three is that bit.
    lower.extend(
        token
            .iter()
            .map(|&byte| byte | ((class_of(byte) & UPPER) << 3)),
    );
    if later_classes & COMMA != 0 {
        lower.retain(|&byte| byte != b',');
    }
    let case = case_of_classes(first_class, later_classes);
    TokenShape {
        has_digit: (first_class | later_classes) & DIGIT != 0,
        case,
        n_chars: lower.len(),
    }
}

/// The case of an ASCII token from the class of its first letter and the OR of the classes
/// of the bytes after it.
fn case_of_classes(first_class: u8, later_classes: u8) -> Case {
    if first_class & UPPER == 0 {
        Case::Lower
    } else if later_classes & LOWER == 0 && later_classes & ALPHA != 0 {
        Case::AllCaps
    } else {
        Case::Capitalised
    }
}

/// [`lowercase_into`] for an ASCII token: a copy lowered in place, and the shape from the
/// OR of the byte classes (no per-byte branches).
fn lowercase_ascii_into(token: &[u8], lower: &mut Vec<u8>) -> TokenShape {
    lower.extend_from_slice(token);
    lower.make_ascii_lowercase();
    if lower.contains(&b',') {
        lower.retain(|&byte| byte != b',');
    }
    let first_letter = token
        .iter()
        .position(|&byte| class_of(byte) & ALPHA != 0)
        .unwrap_or(token.len());
    let all_classes = token
        .iter()
        .fold(0, |classes, &byte| classes | class_of(byte));
    let first_class = token.get(first_letter).map_or(0, |&byte| class_of(byte));
    let later_classes = token
        .get(first_letter + 1..)
        .unwrap_or_default()
        .iter()
        .fold(0, |classes, &byte| classes | class_of(byte));
    let case = case_of_classes(first_class, later_classes);
    TokenShape {
        has_digit: all_classes & DIGIT != 0,
        case,
        n_chars: lower.len(),
    }
}

/// The shape of an ASCII token without capitals or commas, whose text is already its
/// lowercase form (most tokens): the caller can hash the token itself instead of a copy.
pub(crate) fn lowercase_shape(token: &Token<'_>) -> Option<TokenShape> {
    let (first_class, later_classes) = token.ascii_classes?;
    ((first_class | later_classes) & (UPPER | COMMA) == 0).then_some(TokenShape {
        has_digit: (first_class | later_classes) & DIGIT != 0,
        case: Case::Lower,
        n_chars: token.text.len(),
    })
}

/// [`strip_plural`] of a lowercase ASCII word, without copying it unless "-ies" becomes
/// "-y" (written to `scratch`): the singular, or `None` when the word is no plural.
pub(crate) fn ascii_plural_stem<'b>(word: &'b [u8], scratch: &'b mut Vec<u8>) -> Option<&'b [u8]> {
    let plural = word.len() > 3
        && word.ends_with(b"s")
        && !word.ends_with(b"ss")
        && !word.ends_with(b"us")
        && !word.ends_with(b"is");
    if !plural {
        return None;
    }
    let stem = word.get(..word.len() - 1)?;
    if stem.ends_with(b"ie") && word.len() > 4 {
        scratch.clear();
        scratch.extend_from_slice(stem.get(..stem.len() - 2)?);
        scratch.push(b'y');
        return Some(scratch);
    }
    Some(stem)
}

/// Folds a regular English plural (UTF-8 bytes of a lowercase word) onto its singular so
/// "earthquakes" meets "earthquake"; true when it did.
pub(crate) fn strip_plural(lower: &mut Vec<u8>) -> bool {
    if !lower.ends_with(b"s") {
        return false;
    }
    // Characters, not bytes: every byte that does not continue a UTF-8 sequence starts one.
    let n_chars = lower.iter().filter(|&&byte| byte & 0xc0 != 0x80).count();
    let plural = n_chars > 3
        && lower.ends_with(b"s")
        && !lower.ends_with(b"ss")
        && !lower.ends_with(b"us")
        && !lower.ends_with(b"is");
    if plural {
        lower.pop();
        if lower.ends_with(b"ie") && n_chars > 4 {
            lower.truncate(lower.len() - 2);
            lower.push(b'y');
        }
    }
    plural
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokenizes `text` and compares (token, gap ends sentence, gap breaks names).
    fn check(text: &str, expected: &[(&str, bool, bool)]) {
        let got: Vec<(&str, bool, bool)> = Tokens::new(text)
            .map(|token| (token.text, token.gap_ends_sentence, token.gap_breaks_names))
            .collect();
        assert_eq!(got, expected, "text: {text}");
    }

    #[test]
    fn words_numbers_and_abbreviations() {
        check(
            "Reid's U.S. trip: 6.1, 1,000 people. “Why—",
            &[
                ("Reid", false, false),
                ("U.S.", false, false),
                ("trip", false, false),
                ("6.1", false, true),
                ("1,000", false, false),
                ("people", false, false),
                ("Why", true, true),
            ],
        );
        check(
            "don’t A.B.C. AB.C",
            &[
                ("don’t", false, false),
                ("A.B.C.", false, false),
                ("AB", false, false),
                ("C", true, false),
            ],
        );
        check("", &[]);
        check("... ’’ ,,, 's", &[("s", true, false)]);
    }

    /// Every token by the general path alone.
    fn general_tokens(text: &str) -> Vec<Token<'_>> {
        let mut tokens = Tokens::new(text);
        std::iter::from_fn(|| tokens.next_general()).collect()
    }

    /// Pseudo-random texts of twelve pieces each, from pieces that exercise every path of
    /// the tokenizer (plain and general words, short and long words, gaps, apostrophes,
    /// plurals), with a fixed-seed LCG so the tests that compare paths are repeatable.
    pub(crate) fn random_texts() -> impl Iterator<Item = String> {
        const PIECES: &[&str] = &[
            "a",
            "Reid",
            "U",
            "S",
            "6",
            "1",
            "000",
            "NATO",
            "x9",
            "Über",
            "é",
            "’",
            "'",
            "s",
            " ",
            " ",
            "  ",
            ".",
            ",",
            ":",
            ";",
            "(",
            "\"",
            "“",
            "—",
            "\n",
            "!",
            "?",
            "-",
            "'s",
            "’s",
            "don",
            "t",
            "ies",
            "us",
            "is",
            "ss",
            "abcdefghij",
            "ABCDEFG",
            "ABCDEFGHIJKLMNOP",
            "1234567",
            "1234567890123",
            "Abcdefgh",
        ];
        let mut state = 0x2545_f491_u32;
        (0..20_000).map(move |_| {
            let mut text = String::new();
            for _ in 0..12 {
                state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                text.push_str(PIECES[(state >> 8) as usize % PIECES.len()]);
            }
            text
        })
    }

    #[test]
    fn plain_path_reads_like_the_general_one() {
        for text in random_texts() {
            let fast: Vec<Token<'_>> = Tokens::new(&text).collect();
            assert_eq!(fast, general_tokens(&text), "text: {text:?}");
        }
    }

    #[test]
    fn shapes_and_plurals() {
        let shape = |text: &str| {
            let token = Tokens::new(text).next().expect("a token");
            let mut lower = Vec::new();
            let shape = lowercase_into(&token, &mut lower);
            let plural = strip_plural(&mut lower);
            (
                String::from_utf8(lower).unwrap_or_default(),
                shape.case,
                plural,
            )
        };
        assert_eq!(
            shape("Cities"),
            ("city".to_owned(), Case::Capitalised, true)
        );
        assert_eq!(shape("NATO"), ("nato".to_owned(), Case::AllCaps, false));
        assert_eq!(
            shape("Ünïcödés"),
            ("ünïcödé".to_owned(), Case::Capitalised, true)
        );
        assert_eq!(shape("glass"), ("glass".to_owned(), Case::Lower, false));
    }
}
