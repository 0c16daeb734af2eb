//! Name keys: the lower-cased, hyphen-free form under which spellings of one name meet
//! ("Kim Jong-un" and "Kim Jong Un" → `kim jong un`).
//!
//! [`name_key`] is asked of every name the entity pass finds and of every name the
//! disagreement pass looks up, so ASCII names (nearly all) are keyed byte by byte into a
//! reused buffer ([`name_key_into`]).

/// Lower-cased name with hyphens as spaces, apostrophes dropped and British spellings of
/// common name words folded: the key under which "Kim Jong-un" and "Kim Jong Un" meet.
pub(crate) fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    name_key_into(name, &mut key);
    key
}

/// Writes the [`name_key`] of `name` into `key` (cleared first).
pub(super) fn name_key_into(name: &str, key: &mut String) {
    key.clear();
    if name.is_ascii() {
        ascii_name_key_into(name, key);
        drop_middle_initials(key);
        return;
    }
    let mut word_start = 0;
    for word in name.split(|c: char| c.is_whitespace() || c == '-' || c == '‐') {
        if !key.is_empty() && key.len() > word_start {
            key.push(' ');
        }
        word_start = key.len();
        for c in word.chars().filter(|c| !matches!(c, '\'' | '’' | '.')) {
            key.extend(c.to_lowercase());
        }
        fold_spelling(key, word_start);
    }
    if key.ends_with(' ') {
        key.pop();
    }
    drop_middle_initials(key);
}

/// Drops one-letter words between the first and the last ("robert j pickell" → "robert
/// pickell"): a middle initial is printed by some reports and not others.
fn drop_middle_initials(key: &mut String) {
    let bytes = key.as_bytes();
    let has_initial = bytes.windows(3).enumerate().any(|(at, window)| {
        at > 0 && window[0] == b' ' && window[2] == b' ' && window[1].is_ascii_alphabetic()
    });
    if !has_initial {
        return;
    }
    let words: Vec<&str> = key.split(' ').collect();
    let last = words.len() - 1;
    let kept: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|&(index, word)| index == 0 || index == last || word.len() > 1)
        .map(|(_, word)| *word)
        .collect();
    *key = kept.join(" ");
}

/// [`name_key_into`] for an ASCII name, byte by byte: its non-empty words (after dropping
/// apostrophes and full stops), lower-cased and joined by single spaces.
fn ascii_name_key_into(name: &str, key: &mut String) {
    let mut word_start = 0;
    let mut in_word = false;
    for byte in name.bytes() {
        if byte.is_ascii_whitespace() || byte == b'\x0b' || byte == b'-' {
            if in_word {
                fold_spelling(key, word_start);
                in_word = false;
            }
            continue;
        }
        if matches!(byte, b'\'' | b'.') {
            continue;
        }
        if !in_word {
            if !key.is_empty() {
                key.push(' ');
            }
            word_start = key.len();
            in_word = true;
        }
        key.push(char::from(byte.to_ascii_lowercase()));
    }
    if in_word {
        fold_spelling(key, word_start);
    }
}

/// Folds British and American spellings of one name word ("Betty Ford Centre" / "Center"),
/// the word being `key[word_start..]`.
fn fold_spelling(key: &mut String, word_start: usize) {
    let folded = match key.get(word_start..) {
        Some("centre") => "center",
        Some("theatre") => "theater",
        Some("defence") => "defense",
        Some("advisers") => "advisors",
        Some("adviser") => "advisor",
        _ => return,
    };
    key.truncate(word_start);
    key.push_str(folded);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str, expected: &str) {
        assert_eq!(name_key(name), expected, "{name}");
    }

    #[test]
    fn keys_fold_case_hyphens_and_spellings() {
        check("Kim  Jong-Un", "kim jong un");
        check("Kim Jong-un", "kim jong un");
        check("Betty Ford Centre", "betty ford center");
        check("O'Neil - Jr.", "oneil jr");
        check("Émile Zola", "émile zola");
        check("-Putin-", "putin");
        check("Robert J. Pickell", "robert pickell");
        check("J. R. R. Tolkien", "j tolkien");
        check("Gordon Advisers", "gordon advisors");
    }
}
