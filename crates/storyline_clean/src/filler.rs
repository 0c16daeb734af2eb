//! Template filler: lorem ipsum, "filler text" prose (in its classic phrases, or in other
//! words: a stand-in word before a word for text, in a line that speaks of design) and
//! garbled lines, which sites print where an article's text failed to load.
//!
//! [`may_hold_filler`] decides once per article (from the folded lines that
//! [`crate::text::split_lines`] joined) whether the phrase checks are worth running;
//! [`filler_reason`] then judges each [`Line`] for [`crate::clean`]. Phrase lists come from
//! [`crate::phrases`].

use std::sync::OnceLock;

use regex::Regex;

use crate::phrase_set::covering_words;
use crate::phrases::{
    DESIGN_WORDS, FILLER_PHRASES, FILLER_TALK_MODIFIERS, FILLER_TALK_NOUNS, LOREM_DISTINCT_PREFIX,
    LOREM_WORDS,
};
use crate::rules::word_alternation;
use crate::text::Line;

/// True when the article (its folded lines joined by newlines) holds a filler phrase, a
/// distinctive lorem ipsum word or a stand-in word before a word for text; one scan per
/// article spares the per-line phrase checks on the many articles without any.
pub(crate) fn may_hold_filler(folded_article: &str) -> bool {
    may_hold_filler_phrase(folded_article) || has_filler_talk(folded_article)
}

/// [`may_hold_filler`]'s check for the fixed phrases and lorem ipsum words. A first scan
/// looks for a few words that every phrase contains (as plain substrings): few enough for
/// the regex's fastest literal search (in two groups, see [`COVERING_GROUP`]), and absent
/// from most articles, which then skip the exact scan of all the phrases.
fn may_hold_filler_phrase(folded_article: &str) -> bool {
    static REGEXES: OnceLock<(Option<Vec<Regex>>, Option<Regex>)> = OnceLock::new();
    let (covering, exact) = REGEXES.get_or_init(|| {
        let mut phrases: Vec<&'static str> = FILLER_PHRASES.to_vec();
        phrases.extend_from_slice(&LOREM_WORDS[..LOREM_DISTINCT_PREFIX]);
        let covering: Vec<String> = covering_words(&phrases)
            .iter()
            .map(|word| regex::escape(word))
            .collect();
        let groups: Option<Vec<Regex>> = covering
            .chunks(COVERING_GROUP)
            .map(|group| Regex::new(&group.join("|")).ok())
            .collect::<Option<Vec<Regex>>>()
            // No covering word (as no regex) rules nothing out.
            .filter(|groups| !groups.is_empty());
        (groups, word_alternation(&phrases))
    });
    covering.as_ref().map_or(true, |covering| {
        covering.iter().any(|group| group.is_match(folded_article))
    }) && exact
        .as_ref()
        .is_some_and(|exact| exact.is_match(folded_article))
}

/// Covering words per literal search. With all 29 in one search, its candidate checks
/// mispredicted often (many words share each of the search's few buckets); two searches of
/// half as many words cost the same instructions and a third of the mispredicted branches
/// (callgrind, 2k generated articles); four cost 60% more instructions. With 37 words (the
/// classic placeholders added), two searches of 19 and 18 cost 0.31% more instructions on the
/// 10k corpus than the 29 words did, three of 15 0.48%, one of 37 (no longer the search for
/// at most 32 literals) 0.20%. With 40 (two more lorem words), groups of 19 made a third
/// search of two words (+20M instructions on the 10k corpus): 20 keeps two. With 41 (the
/// site builders' "sample paragraph"), 21 keeps two.
const COVERING_GROUP: usize = 21;

/// Why a line is template filler, if it is. `check_phrases` is
/// [`crate::rules::PhraseHits::may_hold_filler`] of the article.
pub(crate) fn filler_reason(line: &Line, check_phrases: bool) -> Option<&'static str> {
    let folded = line.folded;
    if check_phrases && has_filler_phrase(folded) {
        return Some("template filler phrase");
    }
    if check_phrases
        && line.n_words >= MIN_FILLER_TALK_WORDS
        && has_filler_talk(folded)
        && has_design_word(folded)
    {
        return Some("prose about stand-in text and design");
    }
    if check_phrases && line.n_words >= 4 && has_distinct_lorem_word(folded) {
        let n_lorem = count_lorem_words(folded);
        if n_lorem >= 4 && n_lorem * 2 >= line.n_words as usize {
            return Some("lorem ipsum placeholder text");
        }
    }
    if line.n_words >= 8 && has_odd_letter_mix(folded) {
        // Garbled lines are garbled throughout: a sample of the first words decides whether
        // the whole line is worth counting.
        let sample_garbled = line
            .text
            .split(' ')
            .take(6)
            .filter(|token| is_garbled(token))
            .count();
        if sample_garbled < 2 {
            return None;
        }
        let n_garbled = line
            .text
            .split(' ')
            .filter(|token| is_garbled(token))
            .count();
        if n_garbled * 5 >= line.n_words as usize * 2 {
            return Some("mostly garbled non-words");
        }
    }
    None
}

/// Fewest words of a line of marketing prose ([`is_marketing_talk`]).
const MIN_MARKETING_WORDS: u32 = 12;

/// Fewest distinct [`MARKETING_WORDS`] in a line of marketing prose.
const MIN_MARKETING_TERMS: usize = 4;

/// Words of content-marketing prose: what it sells and whom it promises.
#[rustfmt::skip]
const MARKETING_WORDS: &[&str] = &[
    "content", "brand", "brands", "audience", "audiences", "readers", "visitors", "customers",
    "seo", "rankings", "traffic", "engagement", "engaged", "publish", "publishers", "clicks",
    "conversions", "visibility", "visible", "online", "marketing", "strategy", "business",
    "backlinks", "loyal", "loyalty", "trust", "website", "grow",
];

/// The words of [`MARKETING_WORDS`] that only such prose builds on.
const MARKETING_CORE: &[&str] = &["content", "brand", "brands", "audience", "seo"];

/// Whether an article (its folded lines, as [`crate::text::split_lines`] joins them) may
/// hold marketing prose: "brand" is in it, as it is in all such prose seen (it sells the
/// reader's brand). Most articles hold none, and [`is_marketing_talk`] is never asked of
/// their lines; one search for one word costs a quarter of a search for each core word.
pub(crate) fn may_hold_marketing_talk(folded_article: &str) -> bool {
    static FINDER: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    FINDER
        .get_or_init(|| memchr::memmem::Finder::new("brand"))
        .find(folded_article.as_bytes())
        .is_some()
}

/// A line of content-marketing prose addressed to the reader's business, as content farms
/// pad a page with: "Great content is the backbone of every successful brand. When you
/// publish fresh, relevant articles …, search engines reward you with better rankings and
/// your audience rewards you with loyalty". Twelve words or more, four distinct words of
/// marketing among them (one of them content, brand, audience or SEO), and "you" or "your".
/// A news report on a brand's campaign may read so too, which is why
/// [`crate::blocks::mark_marketing_filler`] also asks that the line shares almost nothing with
/// the article around it.
pub(crate) fn is_marketing_talk(line: &Line) -> bool {
    if line.n_words < MIN_MARKETING_WORDS {
        return false;
    }
    let folded = line.folded;
    let mut seen: Vec<&str> = Vec::new();
    let mut addressed = false;
    let mut core = false;
    for word in folded.split(' ') {
        addressed |= matches!(word, "you" | "your");
        if let Some(&known) = MARKETING_WORDS.iter().find(|&&known| known == word) {
            core |= MARKETING_CORE.contains(&known);
            if !seen.contains(&known) {
                seen.push(known);
            }
        }
    }
    addressed && core && seen.len() >= MIN_MARKETING_TERMS
}

/// True when the folded line has few vowels for its letters or many digits: the cheap sign
/// that its tokens are worth judging one by one. English text has about 38% vowels.
fn has_odd_letter_mix(folded: &str) -> bool {
    let bytes = folded.as_bytes();
    let (mut n_letters, mut n_vowels, mut n_digits) = (0u32, 0u32, 0u32);
    // Sixteen byte-wide counters per class, kept in vector registers over up to 255 blocks
    // of sixteen bytes (they cannot overflow), then summed. The last bytes are the line's
    // last sixteen with the bytes counted already masked off: a loop over a remainder, or a
    // copy of one, cost more than the blocks.
    for group in bytes.chunks(16 * 255) {
        let mut counts = LetterCounts::default();
        let mut blocks = group.chunks_exact(16);
        for block in &mut blocks {
            if let Ok(block) = <&[u8; 16]>::try_from(block) {
                counts.add(block, 0);
            }
        }
        let n_rest = blocks.remainder().len();
        if n_rest > 0 {
            let last = group
                .len()
                .checked_sub(16)
                .and_then(|start| group.get(start..))
                .and_then(|last| <&[u8; 16]>::try_from(last).ok());
            match last {
                Some(last) => counts.add(last, 16 - n_rest),
                None => {
                    let mut padded = [0u8; 16];
                    for (slot, &byte) in padded.iter_mut().zip(blocks.remainder()) {
                        *slot = byte;
                    }
                    counts.add(&padded, 0);
                }
            }
        }
        let sum = |lanes: [u8; 16]| lanes.iter().map(|&count| u32::from(count)).sum::<u32>();
        n_letters += sum(counts.letters);
        n_vowels += sum(counts.vowels);
        n_digits += sum(counts.digits);
    }
    n_letters > 0 && (n_vowels * 100 < n_letters * 30 || n_digits * 5 > n_letters)
}

/// Per-lane counts of ASCII lowercase letters, vowels (with "y") and digits.
#[derive(Default)]
struct LetterCounts {
    letters: [u8; 16],
    vowels: [u8; 16],
    digits: [u8; 16],
}

impl LetterCounts {
    /// Counts the bytes of `block` from lane `from` on. Written lane by lane with `|` rather
    /// than `matches!`, which became a bit test that does not vectorize.
    #[inline(always)]
    fn add(&mut self, block: &[u8; 16], from: usize) {
        for (lane, &byte) in block.iter().enumerate() {
            let counted = lane >= from;
            let is_vowel = (byte == b'a')
                | (byte == b'e')
                | (byte == b'i')
                | (byte == b'o')
                | (byte == b'u')
                | (byte == b'y');
            self.letters[lane] += u8::from(counted & byte.is_ascii_lowercase());
            self.vowels[lane] += u8::from(counted & is_vowel);
            self.digits[lane] += u8::from(counted & byte.is_ascii_digit());
        }
    }
}

/// A token that no language writes: long vowel-less runs, letter–digit soup, stuttered
/// letters. Only ASCII tokens are judged, so other scripts and accented words are never hit.
fn is_garbled(token: &str) -> bool {
    if token.len() < 4 || !token.is_ascii() {
        return false;
    }
    let bytes = token.as_bytes();
    let first = bytes
        .iter()
        .position(u8::is_ascii_alphanumeric)
        .unwrap_or(bytes.len());
    let last = bytes
        .iter()
        .rposition(u8::is_ascii_alphanumeric)
        .map_or(first, |last| last + 1);
    let bytes = bytes.get(first..last).unwrap_or_default();
    if bytes.len() < 4 {
        return false;
    }
    let (mut n_digits, mut n_letters, mut n_upper, mut n_vowels, mut transitions) = (0, 0, 0, 0, 0);
    let (mut consonant_run, mut longest_consonant_run) = (0, 0);
    let (mut stutter, mut longest_stutter) = (1, 1);
    let mut previous_class = None;
    for (index, &byte) in bytes.iter().enumerate() {
        let is_digit = byte.is_ascii_digit();
        let is_letter = byte.is_ascii_alphabetic();
        n_digits += usize::from(is_digit);
        n_letters += usize::from(is_letter);
        n_upper += usize::from(byte.is_ascii_uppercase());
        let is_vowel = matches!(
            byte.to_ascii_lowercase(),
            b'a' | b'e' | b'i' | b'o' | b'u' | b'y'
        );
        n_vowels += usize::from(is_vowel);
        consonant_run = if is_letter && !is_vowel {
            consonant_run + 1
        } else {
            0
        };
        longest_consonant_run = longest_consonant_run.max(consonant_run);
        if is_digit || is_letter {
            // Switches between letters and digits, ignoring punctuation ("1,234" has none).
            transitions +=
                usize::from(previous_class.is_some_and(|was_digit| was_digit != is_digit));
            previous_class = Some(is_digit);
        }
        if index > 0 {
            stutter = if bytes[index - 1].eq_ignore_ascii_case(&byte) && is_letter {
                stutter + 1
            } else {
                1
            };
            longest_stutter = longest_stutter.max(stutter);
        }
    }
    if n_letters == 0 {
        return false;
    }
    if n_digits > 0 {
        // Letter–digit soup like "x7f9kq"; model numbers like "G7" or "F-16" have one switch.
        return transitions >= 3;
    }
    if n_upper == n_letters {
        // Acronyms ("NATO", "DPRK").
        return false;
    }
    n_vowels == 0 || longest_consonant_run >= 6 || longest_stutter >= 3
}

/// Words a line about stand-in text needs: filler explains itself in a sentence, and a
/// heading such as "Sample content" is no template's prose.
const MIN_FILLER_TALK_WORDS: u32 = 8;

/// A stand-in word right before a word for text ("mock text", "stand-in copy"), in folded
/// text. The regex searches for its leading words, which most articles lack. With a design
/// word in the same line it makes a filler line; a news line that has both ("the ministry
/// put a temporary text of the law on its page") goes too: nothing here tells them apart.
/// None did on the WCXB pages, ECB+ or the generated corpus.
fn has_filler_talk(folded: &str) -> bool {
    static REGEX: OnceLock<Option<Regex>> = OnceLock::new();
    let regex = REGEX.get_or_init(|| {
        let alternation = |words: &[&str]| -> String {
            let words: Vec<String> = words.iter().map(|word| regex::escape(word)).collect();
            words.join("|")
        };
        Regex::new(&format!(
            r"(?-u:\b)(?:{}) (?:{})(?-u:\b)",
            alternation(FILLER_TALK_MODIFIERS),
            alternation(FILLER_TALK_NOUNS)
        ))
        .ok()
    });
    regex.as_ref().is_some_and(|regex| regex.is_match(folded))
}

fn has_design_word(folded: &str) -> bool {
    static REGEX: OnceLock<Option<Regex>> = OnceLock::new();
    let regex = REGEX.get_or_init(|| word_alternation(DESIGN_WORDS));
    regex.as_ref().is_some_and(|regex| regex.is_match(folded))
}

fn has_filler_phrase(folded: &str) -> bool {
    static REGEX: OnceLock<Option<Regex>> = OnceLock::new();
    let regex = REGEX.get_or_init(|| word_alternation(FILLER_PHRASES));
    regex.as_ref().is_some_and(|regex| regex.is_match(folded))
}

/// Words that only lorem ipsum uses; a cheap gate before counting all lorem vocabulary.
fn has_distinct_lorem_word(folded: &str) -> bool {
    static REGEX: OnceLock<Option<Regex>> = OnceLock::new();
    let regex = REGEX.get_or_init(|| word_alternation(&LOREM_WORDS[..LOREM_DISTINCT_PREFIX]));
    regex.as_ref().is_some_and(|regex| regex.is_match(folded))
}

fn count_lorem_words(folded: &str) -> usize {
    static REGEX: OnceLock<Option<Regex>> = OnceLock::new();
    let regex = REGEX.get_or_init(|| word_alternation(LOREM_WORDS));
    regex
        .as_ref()
        .map_or(0, |regex| regex.find_iter(folded).count())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::check_rule as check;

    #[test]
    fn filler_phrases_have_few_covering_words() {
        // At most 32 literals keep each scan on the regex's fastest literal search, and each
        // group of `COVERING_GROUP` words is one scan (see there for what 37 words cost: the
        // classic placeholders of lipsum.com and the blind-text generators took it from 29),
        // so a phrase that adds a covering word must be worth it, and no covering word may
        // be a common one (the scan would then rule out few articles).
        let mut phrases: Vec<&'static str> = FILLER_PHRASES.to_vec();
        phrases.extend_from_slice(&LOREM_WORDS[..LOREM_DISTINCT_PREFIX]);
        let words = covering_words(&phrases);
        for common in [
            "this", "that", "with", "from", "have", "were", "when", "said",
        ] {
            assert!(!words.contains(&common), "{common} in {words:?}");
        }
        assert!(
            words.len() <= 41,
            "{} covering words: {words:?}",
            words.len()
        );
    }

    fn is_filler(line: &Line) -> bool {
        filler_reason(line, may_hold_filler(line.folded)).is_some()
    }

    #[test]
    fn filler_lines() {
        check(
            is_filler,
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n\
             The argument in favor of using filler text goes something like this: real content.\n\
             Xkcdqw brrttz mnnpq zzzkkk ghjjklt qwrtp plmkjnh vbbnmm xxyyzz trrrt.\n\
             The talks in Geneva lasted six hours and ended without a statement.\n\
             Revenue was 1,234,567 dollars in 2023, up 12.5% from 1,100,000 in 2022 and 980,000 in 2021.\n\
             Szczepański i Wróblewski spotkali się w Krakowie we wtorek rano.\n\
             Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque.\n\
             I'm a paragraph. Click here to add your own text and edit me.\n\
             Bacon ipsum dolor amet short ribs brisket venison rump drumstick.\n\
             The error in the report was corrected on Monday, the ministry said.\n\
             At vero eos et accusamus et iusto odio dignissimos ducimus qui blanditiis praesentium.\n\
             On the other hand, we denounce with righteous indignation and dislike men who are so beguiled.\n\
             One morning, when Gregor Samsa woke from troubled dreams, he found himself transformed.\n\
             The quick, brown fox jumps over a lazy dog. DJs flock by when MTV ax quiz prog.\n\
             Li Europan lingues es membres del sam familie. Lor separat existentie es un myth.\n\
             The patient was in pain after the fall and was treated at the scene by paramedics.\n\
             This is dummy copy. It is not meant to be read.\n\
             This is a sample paragraph. Replace it with a short description of your website.\n\
             The sample was sent to a laboratory in Lyon for tests, police said.",
            &[
                true, true, true, false, false, false, true, true, true, false, true, true, true,
                true, true, false, true, true, false,
            ],
        );
    }

    #[test]
    fn prose_about_stand_in_text_in_other_words() {
        // Template filler paraphrased past the fixed phrases goes when it speaks of design;
        // reports on fake content, sample texts or mock trials stay.
        check(
            is_filler,
            "Placeholder paragraphs let designers judge the look of a page before the final copy is ready.\n\
             The case for stand-in copy is simple: readers focus on the design rather than the words.\n\
             Designers often rely on mock text so that the layout can be reviewed before real content arrives.\n\
             The purpose of this temporary text is to show how the finished page will appear to visitors.\n\
             The platform removed fake content from 300 accounts after the election, officials said.\n\
             Investigators compared a sample text from the letter with the suspect's handwriting.\n\
             The students staged a mock trial and designed the courtroom layout themselves on Friday.\n\
             Sample content",
            &[true, true, true, true, false, false, false, false],
        );
    }

    #[test]
    fn letter_mix_counts_every_byte_once() {
        // The plain definition, byte by byte.
        fn reference(folded: &str) -> bool {
            let bytes = folded.as_bytes();
            let letters = bytes
                .iter()
                .filter(|byte| byte.is_ascii_lowercase())
                .count();
            let vowels = bytes.iter().filter(|byte| b"aeiouy".contains(byte)).count();
            let digits = bytes.iter().filter(|byte| byte.is_ascii_digit()).count();
            letters > 0 && (vowels * 100 < letters * 30 || digits * 5 > letters)
        }
        let pieces = [
            "a", "bcd", "xq", "7", "e", " ", "zzkr", "é", "oi", "42 ", "y",
        ];
        let mut random = crate::random::Xorshift(0x2545_f491_4f6c_dd1d);
        for length in 0..700 {
            let mut text = String::new();
            while text.len() < length {
                text.push_str(random.pick(&pieces));
            }
            assert_eq!(
                has_odd_letter_mix(&text),
                reference(&text),
                "text: {text:?}"
            );
        }
        // Counts past one group of blocks.
        let long = "bcdfg".repeat(1000) + &"aeiou".repeat(1000);
        assert_eq!(has_odd_letter_mix(&long), reference(&long));
    }
}
