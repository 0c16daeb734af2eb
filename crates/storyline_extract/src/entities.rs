//! HTML character references: `&amp;`, `&#8217;`, `&#x2014;` → the characters they stand for.
//!
//! Main function: [`decode_entities`], called by the tree builder ([`crate::html`]) on text and
//! attribute values. The named table holds the references that occur in real news pages (Latin-1,
//! typographic punctuation, a few symbols), not all 2,231 of HTML5: an unknown name is kept as
//! written, which costs a stray token at worst.

use std::borrow::Cow;

/// Named references, sorted by name for binary search.
const NAMED: &[(&str, char)] = &[
    ("AElig", 'Æ'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Agrave", 'À'),
    ("Aring", 'Å'),
    ("Atilde", 'Ã'),
    ("Auml", 'Ä'),
    ("Ccedil", 'Ç'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Egrave", 'È'),
    ("Euml", 'Ë'),
    ("Iacute", 'Í'),
    ("Icirc", 'Î'),
    ("Igrave", 'Ì'),
    ("Iuml", 'Ï'),
    ("Ntilde", 'Ñ'),
    ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'),
    ("Ograve", 'Ò'),
    ("Oslash", 'Ø'),
    ("Otilde", 'Õ'),
    ("Ouml", 'Ö'),
    ("Scaron", 'Š'),
    ("Uacute", 'Ú'),
    ("Ucirc", 'Û'),
    ("Ugrave", 'Ù'),
    ("Uuml", 'Ü'),
    ("Yacute", 'Ý'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("acute", '´'),
    ("aelig", 'æ'),
    ("agrave", 'à'),
    ("amp", '&'),
    ("apos", '\''),
    ("aring", 'å'),
    ("atilde", 'ã'),
    ("auml", 'ä'),
    ("bdquo", '„'),
    ("brvbar", '¦'),
    ("bull", '•'),
    ("ccedil", 'ç'),
    ("cedil", '¸'),
    ("cent", '¢'),
    ("copy", '©'),
    ("curren", '¤'),
    ("dagger", '†'),
    ("deg", '°'),
    ("divide", '÷'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("egrave", 'è'),
    ("emsp", '\u{2003}'),
    ("ensp", '\u{2002}'),
    ("eth", 'ð'),
    ("euml", 'ë'),
    ("euro", '€'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("gt", '>'),
    ("hellip", '…'),
    ("iacute", 'í'),
    ("icirc", 'î'),
    ("iexcl", '¡'),
    ("igrave", 'ì'),
    ("iquest", '¿'),
    ("iuml", 'ï'),
    ("laquo", '«'),
    ("larr", '←'),
    ("ldquo", '“'),
    ("lsaquo", '‹'),
    ("lsquo", '‘'),
    ("lt", '<'),
    ("macr", '¯'),
    ("mdash", '—'),
    ("micro", 'µ'),
    ("middot", '·'),
    ("minus", '−'),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("not", '¬'),
    ("ntilde", 'ñ'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("oelig", 'œ'),
    ("ograve", 'ò'),
    ("ordf", 'ª'),
    ("ordm", 'º'),
    ("oslash", 'ø'),
    ("otilde", 'õ'),
    ("ouml", 'ö'),
    ("para", '¶'),
    ("plusmn", '±'),
    ("pound", '£'),
    ("prime", '′'),
    ("quot", '"'),
    ("raquo", '»'),
    ("rarr", '→'),
    ("rdquo", '”'),
    ("reg", '®'),
    ("rsaquo", '›'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("scaron", 'š'),
    ("sect", '§'),
    ("shy", '\u{ad}'),
    ("sup1", '¹'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("szlig", 'ß'),
    ("thinsp", '\u{2009}'),
    ("thorn", 'þ'),
    ("times", '×'),
    ("trade", '™'),
    ("uacute", 'ú'),
    ("ucirc", 'û'),
    ("ugrave", 'ù'),
    ("uml", '¨'),
    ("uuml", 'ü'),
    ("yacute", 'ý'),
    ("yen", '¥'),
    ("yuml", 'ÿ'),
    ("zwj", '\u{200d}'),
    ("zwnj", '\u{200c}'),
];

/// The longest name in [`NAMED`] plus slack; a longer run of letters is not a reference we know.
const MAX_NAME_LEN: usize = 8;

/// Replaces character references in `input`; borrows when there are none.
pub(crate) fn decode_entities(input: &str) -> Cow<'_, str> {
    if !input.contains('&') {
        return Cow::Borrowed(input);
    }
    let mut out = String::with_capacity(input.len());
    let mut rest = input;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match decode_one(after) {
            Some((character, consumed)) => {
                out.push(character);
                rest = &after[consumed..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Decodes the reference at the start of `after` (the text after `&`): the character and how
/// many bytes it used, including a trailing `;`.
fn decode_one(after: &str) -> Option<(char, usize)> {
    let bytes = after.as_bytes();
    if bytes.first() == Some(&b'#') {
        let (digits_start, radix) = match bytes.get(1) {
            Some(b'x') | Some(b'X') => (2, 16),
            _ => (1, 10),
        };
        let digits_len = bytes[digits_start..]
            .iter()
            .take_while(|byte| {
                (*byte).is_ascii_hexdigit() && (radix == 16 || byte.is_ascii_digit())
            })
            .count();
        if digits_len == 0 || digits_len > 8 {
            return None;
        }
        let digits = &after[digits_start..digits_start + digits_len];
        let value = u32::from_str_radix(digits, radix).ok()?;
        let character = numeric_reference(value);
        let mut consumed = digits_start + digits_len;
        if bytes.get(consumed) == Some(&b';') {
            consumed += 1;
        }
        return Some((character, consumed));
    }
    let name_len = bytes
        .iter()
        .take(MAX_NAME_LEN + 1)
        .take_while(|byte| byte.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || name_len > MAX_NAME_LEN {
        return None;
    }
    let name = &after[..name_len];
    let index = NAMED
        .binary_search_by(|(known, _)| (*known).cmp(name))
        .ok()?;
    let character = NAMED[index].1;
    if bytes.get(name_len) == Some(&b';') {
        Some((character, name_len + 1))
    } else if matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp" | "copy" | "reg") {
        // Legacy references that browsers accept without the semicolon.
        Some((character, name_len))
    } else {
        None
    }
}

/// Maps a numeric reference to a character the way browsers do: the C1 range is read as
/// windows-1252 (pages write `&#151;` for an em dash), invalid values become U+FFFD.
fn numeric_reference(value: u32) -> char {
    const WINDOWS_1252_C1: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match value {
        0x80..=0x9f => WINDOWS_1252_C1[(value - 0x80) as usize],
        0 => '\u{fffd}',
        _ => char::from_u32(value).unwrap_or('\u{fffd}'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(decode_entities(input), expected, "input: {input:?}");
    }

    #[test]
    fn table_is_sorted() {
        assert!(NAMED.windows(2).all(|pair| pair[0].0 < pair[1].0));
        assert!(NAMED.iter().all(|(name, _)| name.len() <= MAX_NAME_LEN));
    }

    #[test]
    fn named_and_numeric() {
        check("Tom &amp; Jerry", "Tom & Jerry");
        check("it&rsquo;s &#8220;fine&#x201D;", "it’s “fine”");
        check("a&nbsp;b", "a\u{a0}b");
        check("&#151;", "—");
        check("AT&T &unknown; &", "AT&T &unknown; &");
        check("&amp", "&");
        check("&#xZZ; &#; &#99999999999;", "&#xZZ; &#; &#99999999999;");
        check("&#0;", "\u{fffd}");
    }
}
