//! Per-article story features: text → a bounded bag of hashed terms ([`StoryFeatures`]).
//!
//! The pipeline calls [`story_features`] once per article (in parallel); the result goes to
//! [`crate::cluster_stories`], which weights the terms by corpus statistics. Without corpus
//! statistics at this point we keep the terms most likely to tell one event from another of
//! the same kind: capitalised names and their two-word runs ("Tara Reid"), numbers (ages,
//! years, death tolls), then ordinary content words by frequency.

use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::xxh3_64;

use crate::stopwords::is_stopword;
use crate::ClusterConfig;

/// What a term is; names and numbers carry more event-specific signal than common words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum TermKind {
    /// An ordinary content word (lowercase in the text, or only sentence-initial).
    Word = 0,
    /// A capitalised word inside a sentence, or an acronym: usually a person, place or body.
    Name = 1,
    /// A token holding a digit: ages, years, tolls, scores.
    Number = 2,
    /// Two adjacent capitalised words ("Tara Reid", "Mount Cook").
    NamePair = 3,
}

/// One term of an article: its hash, how often it occurs, and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermCount {
    /// 32-bit hash of the normalised term.
    pub hash: u32,
    /// Occurrences in the article (saturating at 16,383).
    pub count: u16,
    /// What the term is.
    pub kind: TermKind,
}

/// Compact per-article features: at most `ClusterConfig::max_terms` terms, sorted by hash,
/// plus the article date. Stored as two parallel arrays — 6 bytes per term, 384 bytes plus
/// 40 of header at the default 64 terms — and read through [`StoryFeatures::terms`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryFeatures {
    /// Term hashes, sorted ascending, each once.
    hashes: Box<[u32]>,
    /// Per term, in the same order: occurrences (low 14 bits, saturating) and kind (top 2).
    packed: Box<[u16]>,
    /// Days since 1970-01-01 of the article's publication, when known.
    pub date_days: Option<i32>,
}

/// Largest count a packed term can hold.
const MAX_PACKED_COUNT: u16 = (1 << 14) - 1;

impl StoryFeatures {
    /// The terms, sorted by hash.
    pub fn terms(&self) -> impl Iterator<Item = TermCount> + '_ {
        self.hashes
            .iter()
            .zip(self.packed.iter())
            .map(|(&hash, &packed)| TermCount {
                hash,
                count: packed & MAX_PACKED_COUNT,
                kind: match packed >> 14 {
                    0 => TermKind::Word,
                    1 => TermKind::Name,
                    2 => TermKind::Number,
                    _ => TermKind::NamePair,
                },
            })
    }

    /// Number of terms kept.
    pub fn n_terms(&self) -> usize {
        self.hashes.len()
    }

    /// Heap bytes held by the features (the struct itself adds `size_of::<StoryFeatures>()`).
    pub fn heap_bytes(&self) -> usize {
        std::mem::size_of_val(&*self.hashes) + std::mem::size_of_val(&*self.packed)
    }

    fn from_terms(terms: &[TermCount], date_days: Option<i32>) -> StoryFeatures {
        StoryFeatures {
            hashes: terms.iter().map(|term| term.hash).collect(),
            packed: terms
                .iter()
                .map(|term| term.count.min(MAX_PACKED_COUNT) | ((term.kind as u16) << 14))
                .collect(),
            date_days,
        }
    }
}

/// Extracts the story features of one article. The title, when present, counts twice: it
/// names the event more densely than the body.
pub fn story_features(
    title: Option<&str>,
    text: &str,
    date_days: Option<i32>,
    config: &ClusterConfig,
) -> StoryFeatures {
    let mut counter = TermCounter {
        // Room for a typical article's distinct terms, so the table rarely grows.
        tallies: FxHashMap::with_capacity_and_hasher(256, Default::default()),
        ..TermCounter::default()
    };
    if let Some(title) = title {
        counter.add_text(title);
        counter.add_text(title);
    }
    counter.add_text(text);
    StoryFeatures::from_terms(&counter.finish(config.max_terms), date_days)
}

/// Counts of one term inside one article, before the kind is settled.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    count: u32,
    capitalised: u32,
    lowercase: u32,
    kind: Option<TermKind>,
}

/// Accumulates term counts over the pieces of one article.
#[derive(Debug, Default)]
struct TermCounter {
    tallies: FxHashMap<u32, Tally>,
    lower: String,
    previous_lower: String,
}

/// The token currently being read, with where it stands in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Lower,
    Capitalised,
    AllCaps,
}

impl TermCounter {
    fn add_text(&mut self, text: &str) {
        let mut sentence_start = true;
        // Whether the previous kept token was a capitalised word, to form name pairs.
        let mut previous_capitalised = false;
        let mut rest = text;
        while let Some((token, before_gap, after)) = next_token(rest) {
            rest = after;
            // One pass over the gap: sentence ends start a sentence; any punctuation of
            // weight breaks a run of names ("Reid: Malibu" is not one name).
            for c in before_gap.chars() {
                match c {
                    '.' | '!' | '?' | '\n' => {
                        sentence_start = true;
                        previous_capitalised = false;
                    }
                    ':' | ';' | '"' | '“' | '(' | '—' => previous_capitalised = false,
                    _ => {}
                }
            }
            let was_sentence_start = sentence_start;
            sentence_start = false;
            self.add_token(token, was_sentence_start, &mut previous_capitalised);
            if token.ends_with('.') && token.len() > 4 {
                // "U.S." keeps its dots; a longer word ending in a dot ends a sentence.
                sentence_start = true;
            }
        }
    }

    fn add_token(&mut self, token: &str, sentence_start: bool, previous_capitalised: &mut bool) {
        let shape = lowercase_into(token, &mut self.lower);
        let has_digit = shape.has_digit;
        let mut hash = term_hash(&self.lower);
        if !has_digit && (shape.n_chars < 2 || is_stopword(hash)) {
            *previous_capitalised = false;
            return;
        }
        let case = shape.case;
        if !has_digit && strip_plural(&mut self.lower) {
            hash = term_hash(&self.lower);
        }
        let tally = self.tallies.entry(hash).or_default();
        tally.count += 1;
        if has_digit {
            tally.kind = Some(TermKind::Number);
        } else if case == Case::AllCaps || (case == Case::Capitalised && !sentence_start) {
            tally.capitalised += 1;
        } else if case == Case::Lower {
            tally.lowercase += 1;
        }
        let is_capitalised = !has_digit && case != Case::Lower;
        if is_capitalised && *previous_capitalised {
            let mut pair = std::mem::take(&mut self.previous_lower);
            pair.push(' ');
            pair.push_str(&self.lower);
            let pair_tally = self.tallies.entry(term_hash(&pair)).or_default();
            pair_tally.count += 1;
            pair_tally.kind = Some(TermKind::NamePair);
            self.previous_lower = pair;
        }
        *previous_capitalised = is_capitalised;
        self.previous_lower.clear();
        self.previous_lower.push_str(&self.lower);
    }

    /// Settles each term's kind and keeps the `max_terms` terms with the highest prior weight.
    fn finish(self, max_terms: usize) -> Vec<TermCount> {
        let mut terms: Vec<(f32, TermCount)> = self
            .tallies
            .into_iter()
            .map(|(hash, tally)| {
                let kind = tally
                    .kind
                    .unwrap_or(if tally.capitalised > tally.lowercase {
                        TermKind::Name
                    } else {
                        TermKind::Word
                    });
                let count = u16::try_from(tally.count).unwrap_or(u16::MAX);
                let prior = (1.0 + (f32::from(count)).ln()) * prior_weight(kind);
                (prior, TermCount { hash, count, kind })
            })
            .collect();
        // Highest prior first; the hash breaks ties so HashMap order never leaks.
        if terms.len() > max_terms && max_terms > 0 {
            terms.select_nth_unstable_by(max_terms - 1, |a, b| {
                b.0.total_cmp(&a.0).then(a.1.hash.cmp(&b.1.hash))
            });
        }
        terms.truncate(max_terms);
        let mut kept: Vec<TermCount> = terms.into_iter().map(|(_, term)| term).collect();
        kept.sort_unstable_by_key(|term| term.hash);
        kept
    }
}

/// How much a kind of term is worth when choosing which terms to keep.
fn prior_weight(kind: TermKind) -> f32 {
    match kind {
        TermKind::Word => 1.0,
        TermKind::Name | TermKind::Number => 1.6,
        TermKind::NamePair => 1.8,
    }
}

/// Splits off the next token: returns (token, the gap text before it, the rest).
/// Tokens are runs of letters and digits, with inner apostrophes, dots and commas between
/// digits ("6.1", "1,000"), and dots in abbreviations ("U.S.").
fn next_token(text: &str) -> Option<(&str, &str, &str)> {
    let mut start = 0;
    loop {
        let (c, len) = char_at(text, start)?;
        if c.is_alphanumeric() {
            break;
        }
        start += len;
    }
    let gap = text.get(..start)?;
    let body = text.get(start..)?;
    let mut end = body.len();
    let mut index = 0;
    let mut previous = ' ';
    while let Some((c, len)) = char_at(body, index) {
        let keep = c.is_alphanumeric() || {
            let next = char_at(body, index + len).map_or(' ', |(next, _)| next);
            let joins = match c {
                '\'' | '’' => previous.is_alphabetic() && next.is_alphabetic(),
                '.' | ',' => previous.is_ascii_digit() && next.is_ascii_digit(),
                _ => false,
            };
            joins || (c == '.' && previous.is_uppercase() && is_single_letter_run(body, index))
        };
        if !keep {
            end = index;
            break;
        }
        previous = c;
        index += len;
    }
    let token = body.get(..end)?;
    let rest = body.get(end..)?;
    // "Reid's" → "Reid": the possessive adds nothing to the name.
    let token = token
        .strip_suffix("'s")
        .or_else(|| token.strip_suffix("’s"))
        .unwrap_or(token);
    Some((token, gap, rest))
}

/// The char starting at byte `index` and its length in bytes; ASCII needs no decoding.
fn char_at(text: &str, index: usize) -> Option<(char, usize)> {
    let byte = *text.as_bytes().get(index)?;
    if byte.is_ascii() {
        return Some((char::from(byte), 1));
    }
    let c = text.get(index..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// True when the text before `dot_index` is a single capital letter run like "U" in "U.S.".
fn is_single_letter_run(body: &str, dot_index: usize) -> bool {
    let Some(before) = body.get(..dot_index) else {
        return false;
    };
    let mut letters = before.rsplit('.').next().unwrap_or("").chars();
    matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase())
}

/// What one pass over a token learns besides its lowercase form.
#[derive(Debug, Clone, Copy)]
struct TokenShape {
    has_digit: bool,
    case: Case,
    n_chars: usize,
}

/// Writes the token's lowercase form into `lower` (commas dropped: they only occur as
/// thousands separators; dots stay, "6.1", "u.s.") and reports its shape, in one pass.
fn lowercase_into(token: &str, lower: &mut String) -> TokenShape {
    lower.clear();
    let (mut has_digit, mut n_chars, mut n_letters) = (false, 0, 0);
    let (mut first_upper, mut any_lower) = (false, false);
    let mut see = |c: char| {
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
    };
    if token.is_ascii() {
        for byte in token.bytes().filter(|&byte| byte != b',') {
            see(char::from(byte));
            lower.push(char::from(byte.to_ascii_lowercase()));
        }
    } else {
        for c in token.chars().filter(|&c| c != ',') {
            see(c);
            lower.extend(c.to_lowercase());
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

/// Folds a regular English plural onto its singular so "earthquakes" meets "earthquake".
fn strip_plural(lower: &mut String) -> bool {
    let n_chars = lower.chars().count();
    let plural = n_chars > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is");
    if plural {
        lower.pop();
        if lower.ends_with("ie") && n_chars > 4 {
            lower.truncate(lower.len() - 2);
            lower.push('y');
        }
    }
    plural
}

pub(crate) fn term_hash(term: &str) -> u32 {
    // Truncating the 64-bit hash is intended: 32 bits keep the features small, and a rare
    // collision only merges two terms' counts.
    xxh3_64(term.as_bytes()) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks that `text` yields exactly the terms `expected` as (term, count, kind).
    fn check(text: &str, expected: &[(&str, u16, TermKind)]) {
        let features = story_features(None, text, None, &ClusterConfig::default());
        let mut want: Vec<TermCount> = expected
            .iter()
            .map(|&(term, count, kind)| TermCount {
                hash: term_hash(term),
                count,
                kind,
            })
            .collect();
        want.sort_unstable_by_key(|term| term.hash);
        let got: Vec<TermCount> = features.terms().collect();
        assert_eq!(got, want, "text: {text}");
    }

    #[test]
    fn names_numbers_and_pairs() {
        check(
            "Actress Tara Reid, 33, entered rehab. Reid's publicist said so.",
            &[
                ("actress", 1, TermKind::Word),
                ("tara", 1, TermKind::Name),
                ("reid", 2, TermKind::Name),
                ("tara reid", 1, TermKind::NamePair),
                // A sentence-initial capital may start a pair: "Tara Reid has…" needs it.
                ("actress tara", 1, TermKind::NamePair),
                ("33", 1, TermKind::Number),
                ("entered", 1, TermKind::Word),
                ("rehab", 1, TermKind::Word),
                ("publicist", 1, TermKind::Word),
            ],
        );
    }

    #[test]
    fn plurals_fold_and_decimals_stay() {
        check(
            "Two earthquakes of magnitude 6.1 hit; the earthquake killed 1,000 people.",
            &[
                ("earthquake", 2, TermKind::Word),
                ("magnitude", 1, TermKind::Word),
                ("6.1", 1, TermKind::Number),
                ("hit", 1, TermKind::Word),
                ("killed", 1, TermKind::Word),
                ("1000", 1, TermKind::Number),
                ("people", 1, TermKind::Word),
            ],
        );
    }

    #[test]
    fn abbreviations_keep_their_dots() {
        check(
            "The U.S. Navy",
            &[
                ("u.s.", 1, TermKind::Name),
                ("navy", 1, TermKind::Name),
                ("u.s. navy", 1, TermKind::NamePair),
            ],
        );
    }

    #[test]
    fn empty_and_odd_input_do_not_panic() {
        check("", &[]);
        check("... ’’ ,,, 's", &[]);
        check("é", &[]);
    }

    #[test]
    fn term_budget_is_respected() {
        let text: String = (0..500).map(|i| format!("word{i} ")).collect();
        let config = ClusterConfig {
            max_terms: 10,
            ..ClusterConfig::default()
        };
        assert_eq!(story_features(None, &text, None, &config).n_terms(), 10);
    }

    #[test]
    fn packing_keeps_kind_and_saturates_count() {
        let terms = [
            TermCount {
                hash: 1,
                count: 3,
                kind: TermKind::NamePair,
            },
            TermCount {
                hash: 2,
                count: u16::MAX,
                kind: TermKind::Number,
            },
        ];
        let got: Vec<TermCount> = StoryFeatures::from_terms(&terms, None).terms().collect();
        assert_eq!(got[0], terms[0]);
        assert_eq!(
            got[1],
            TermCount {
                hash: 2,
                count: MAX_PACKED_COUNT,
                kind: TermKind::Number
            }
        );
    }
}
