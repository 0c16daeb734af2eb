//! Named entities: people, places and organisations named across a story, with spelling
//! variants merged.
//!
//! [`find_entities`] reads the story's texts ([`StoryTexts`]) once: capitalised name
//! sequences are cut out of each sentence, titles and nationality words are stripped off
//! them ("Russian President Vladimir Putin" → "Vladimir Putin", a vote for person), and
//! simple cues vote for a kind (titles and speech verbs → person, "in X" and a small place
//! table → place, suffixes such as "Agency" → organisation). Spellings are then merged:
//! hyphen/space/case ("Kim Jong-un" / "Kim Jong Un"), transliterations of a first name
//! under the same surname ("Sergei" / "Sergey Lavrov"), and a surname alone into the one
//! full name it fits. The result, [`FoundEntities`], also answers "which entity is this
//! name?" for the disagreement pass.

use std::cell::RefCell;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::text::{strip_possessive, ArticleText, StoryTexts};
use crate::tokens::{hash_text, Token};
use crate::{Entity, EntityKind};

mod keys;
mod merge;
mod runs;
pub(crate) use keys::name_key;
use keys::name_key_into;
use merge::merge_groups;
use runs::{analyse_run, RunBuffers};

/// Votes for each kind: person, place, organisation.
type Votes = [u32; 3];

/// Every spelling of one name key, and where it was seen.
#[derive(Debug, Clone, Default)]
struct Group {
    /// Each spelling with its count (a few per key, so a list, not a map).
    spellings: Vec<(String, usize)>,
    mentions: usize,
    /// Positions of the articles naming it, sorted, deduplicated.
    articles: Vec<usize>,
    votes: Votes,
    /// Number of words of the key.
    n_words: usize,
}

/// The entities of a story, and a lookup from any spelling to its entity's name.
#[derive(Debug, Clone, Default)]
pub(crate) struct FoundEntities {
    entities: Vec<Entity>,
    /// The name of every entity built, kept or not (a spelling of a dropped entity still
    /// has a name).
    names: Vec<String>,
    /// Per name key: its entity's place in `names`, and the entity's kind.
    by_key: FxHashMap<String, (usize, EntityKind)>,
}

impl FoundEntities {
    /// The merged name for a spelling ("Sergei Lavrov" → "Sergey Lavrov"), if the story
    /// names it; a full name not seen as such falls back to its surname.
    pub(crate) fn canonical(&self, surface: &str) -> Option<(&str, EntityKind)> {
        let key = name_key(surface);
        let own = self.by_key.get(&key);
        let (name, _) = own.or_else(|| {
            let last = key.rsplit(' ').next()?;
            self.by_key.get(last)
        })?;
        let kind = own.map_or(EntityKind::Other, |&(_, kind)| kind);
        Some((self.names.get(*name)?.as_str(), kind))
    }

    pub(crate) fn into_entities(self) -> Vec<Entity> {
        self.entities
    }
}

fn is_all_caps(word: &str) -> bool {
    if word.is_ascii() {
        let bytes = word.as_bytes();
        return !bytes.iter().any(u8::is_ascii_lowercase)
            && bytes.iter().any(u8::is_ascii_uppercase);
    }
    word.chars().all(|c| !c.is_lowercase()) && word.chars().any(char::is_uppercase)
}

/// Lowercase words allowed inside a name when a capitalised word follows ("Bank of England").
fn is_name_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "de" | "al" | "bin" | "van" | "von" | "der" | "del" | "da" | "la" | "the"
    )
}

/// Months, weekdays, times of day and time zones: never a name on their own, and stripped
/// from the ends of a capitalised run ("at 1023 GMT", "4:59 PM ET", "on Sunday").
fn is_calendar_word(lower: &str) -> bool {
    matches!(
        lower,
        "am" | "pm"
            | "et"
            | "pt"
            | "gmt"
            | "utc"
            | "edt"
            | "est"
            | "pdt"
            | "pst"
            | "cdt"
            | "cst"
            | "bst"
            | "cet"
            | "cest"
            | "hkt"
            | "jst"
            | "kst"
            | "ist"
            | "aest"
            | "aedt"
            | "awst"
            | "nzst"
            | "nzdt"
            | "msk"
            | "sast"
            | "hst"
            | "akst"
            | "mst"
            | "mdt"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "jan"
            | "feb"
            | "apr"
            | "aug"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Story-wide word evidence for telling names from capitalised ordinary words: how often
/// each word is written in lower case and capitalised inside a sentence, by the hash of the
/// lower-cased word (see [`crate::tokens::Token::lower`]).
#[derive(Debug, Default)]
struct WordEvidence {
    /// Times each word that opens a sentence somewhere is seen in lower case.
    lowercase: FxHashMap<u64, u32>,
    /// Times each word is seen capitalised in the middle of a sentence.
    capitalised_inside: FxHashMap<u64, u32>,
}

impl WordEvidence {
    fn is_lowercase_word(&self, lower: &str) -> bool {
        self.lowercase.contains_key(&hash_text(lower))
    }

    fn is_capitalised_inside(&self, lower: &str) -> bool {
        self.is_capitalised_inside_hash(hash_text(lower))
    }

    /// Whether a word is capitalised inside sentences more often than it is written in
    /// lower case: a name ("Putin", "Page"), not an ordinary word that a longer name
    /// happens to hold ("Police" in "Troy Police Lt." while the story says "police" ten
    /// times).
    fn is_capitalised_inside_hash(&self, lower: u64) -> bool {
        let capitalised = self.capitalised_inside.get(&lower).copied().unwrap_or(0);
        capitalised > self.lowercase.get(&lower).copied().unwrap_or(0)
    }
}

/// Whether the token at `next` goes on the name that starts at `start` although a full stop
/// stands before it: the token before it is a middle initial ("Robert J. Pickell": not the
/// name's first word, and a word of two letters or more follows) or an abbreviated title
/// ("Lt. Gerry Scherlinck"), and one space follows the stop. "U. S. Marshals" stays apart.
fn continues_after_abbreviation(text: &str, tokens: &[Token], start: usize, next: usize) -> bool {
    let (Some(previous), Some(following)) =
        (next.checked_sub(1).map(|i| &tokens[i]), tokens.get(next))
    else {
        return false;
    };
    if !following.capitalised || text.get(previous.end()..following.start()) != Some(". ") {
        return false;
    }
    let abbreviation = word(text, previous);
    match abbreviation.as_bytes() {
        [initial] => {
            initial.is_ascii_uppercase()
                && next - 1 > start
                && word(text, following)
                    .chars()
                    .nth(1)
                    .is_some_and(char::is_alphabetic)
        }
        _ => is_abbreviated_title(abbreviation),
    }
}

/// Longest title abbreviated before a full stop ("Supt").
const MAX_ABBREVIATED_TITLE: usize = 4;

/// Whether a word is a title as abbreviated before a full stop ("Lt", "Gov", "Dr").
fn is_abbreviated_title(word: &str) -> bool {
    word.len() <= MAX_ABBREVIATED_TITLE
        && word.chars().next().is_some_and(char::is_uppercase)
        && crate::lexicon::is_title(&word.to_ascii_lowercase())
}

/// The text of a token (tokens carry byte ranges of the article's text).
fn word<'t>(text: &'t str, token: &Token) -> &'t str {
    text.get(token.start()..token.end()).unwrap_or("")
}

/// Finds, types and merges the entities of a story; keeps the `max_entities` most named.
pub(crate) fn find_entities(texts: &StoryTexts<'_>, max_entities: usize) -> FoundEntities {
    // This thread's sets, emptied but grown by earlier stories (a nested call gets fresh
    // ones): grown afresh for every story, they were rehashed several times each.
    // Only words that open a sentence capitalised need to be looked for in lower case.
    let (mut evidence, mut openers) = EVIDENCE.with(RefCell::take);
    empty_counts(&mut evidence.lowercase);
    empty_counts(&mut evidence.capitalised_inside);
    empty_set(&mut openers);
    // A 4096-bit filter in front of `openers`: most lower-case words are no opener, and a
    // bit test turns them away without probing the set.
    let mut opener_bits = [0_u64; 64];
    let bit_of = |hash: u64| ((hash >> 58) as usize, 1_u64 << ((hash >> 52) & 63));
    for article in &texts.articles {
        // Capitalised tokens are notable (see `Tokenized::notable`).
        let capitalised = article
            .notable
            .iter()
            .filter_map(|&index| article.tokens.get(index as usize))
            .filter(|t| !t.in_headline && t.capitalised);
        for token in capitalised {
            if token.sentence_start {
                openers.insert(token.lower);
                let (word, bit) = bit_of(token.lower);
                opener_bits[word] |= bit;
            } else if !token.all_caps {
                *evidence.capitalised_inside.entry(token.lower).or_default() += 1;
            }
        }
    }
    for article in &texts.articles {
        for token in &article.tokens {
            let (word, bit) = bit_of(token.lower);
            if !token.in_headline
                && token.lowercase_start
                && opener_bits[word] & bit != 0
                && openers.contains(&token.lower)
            {
                *evidence.lowercase.entry(token.lower).or_default() += 1;
            }
        }
    }
    let mut groups: FxHashMap<String, Group> = FxHashMap::default();
    // This thread's buffers, grown by earlier stories (a nested call gets fresh ones).
    let (mut buffers, mut key) = RUN_BUFFERS.with(RefCell::take);
    for article in &texts.articles {
        let position = article.position;
        names_in(article, &evidence, &mut buffers, &mut |name, votes| {
            name_key_into(name, &mut key);
            if key.is_empty() {
                return;
            }
            // Looked up by reference first: most names are seen again, and then no key is
            // allocated.
            let group = match groups.get_mut(key.as_str()) {
                Some(group) => group,
                None => groups.entry(key.clone()).or_insert_with_key(|key| Group {
                    n_words: key.split(' ').count(),
                    ..Group::default()
                }),
            };
            match group.spellings.iter_mut().find(|(seen, _)| seen == name) {
                Some((_, count)) => *count += 1,
                None => group.spellings.push((name.to_owned(), 1)),
            }
            group.mentions += 1;
            if group.articles.last() != Some(&position) {
                group.articles.push(position);
            }
            for (total, vote) in group.votes.iter_mut().zip(votes) {
                *total += vote;
            }
        });
    }
    RUN_BUFFERS.with(|cell| cell.replace((buffers, key)));
    EVIDENCE.with(|cell| cell.replace((evidence, openers)));
    merge_groups(groups, texts, max_entities)
}

/// Most entries a set or map kept from earlier stories may hold room for and be emptied in
/// place. Emptying writes over the whole table, so one grown large by one long story is
/// dropped instead (re-growing it is cheaper for the many short stories that follow).
const LARGEST_KEPT: usize = 4096;

/// Empties a set kept from earlier stories (see [`LARGEST_KEPT`]).
fn empty_set(set: &mut FxHashSet<u64>) {
    if set.capacity() > LARGEST_KEPT {
        *set = FxHashSet::default();
    } else {
        set.clear();
    }
}

/// Empties word counts kept from earlier stories (see [`LARGEST_KEPT`]).
fn empty_counts(counts: &mut FxHashMap<u64, u32>) {
    if counts.capacity() > LARGEST_KEPT {
        *counts = FxHashMap::default();
    } else {
        counts.clear();
    }
}

/// Cuts capitalised name sequences out of one article's tokens and hands each, with its
/// kind votes, to `found`.
fn names_in(
    article: &ArticleText<'_>,
    evidence: &WordEvidence,
    buffers: &mut RunBuffers,
    found: &mut dyn FnMut(&str, Votes),
) {
    let (text, tokens) = (article.text, &article.tokens[..]);
    // A name starts at a capitalised token, and those are notable (see
    // `Tokenized::notable`): the tokens between are passed over without being read.
    let mut index = 0;
    for &candidate in &article.notable {
        let candidate = candidate as usize;
        if candidate < index || candidate >= tokens.len() {
            continue;
        }
        index = candidate;
        if !tokens[index].capitalised || tokens[index].in_headline {
            continue;
        }
        let start = index;
        let mut end = index + 1;
        while end < tokens.len()
            && ((tokens[end].joined_to_previous && !tokens[end].sentence_start)
                || continues_after_abbreviation(text, tokens, start, end))
        {
            // A possessive ends a name: "Russia's Far East" is two names.
            let previous = word(text, &tokens[end - 1]);
            if strip_possessive(previous) != previous {
                break;
            }
            if tokens[end].capitalised {
                end += 1;
            } else if is_name_connector(word(text, &tokens[end]))
                && tokens
                    .get(end + 1)
                    .is_some_and(|next| next.joined_to_previous && next.capitalised)
            {
                end += 2;
            } else {
                break;
            }
        }
        if let Some(votes) = analyse_run(text, tokens, start, end, evidence, buffers) {
            found(&buffers.name, votes);
        }
        index = end;
    }
}

thread_local! {
    /// The word evidence and sentence opener sets, kept per thread from one story to the
    /// next (see [`find_entities`]).
    static EVIDENCE: RefCell<(WordEvidence, FxHashSet<u64>)> = RefCell::default();
    /// Run buffers and the group key string, kept per thread from one story to the next:
    /// grown afresh for every story, they were a good share of the digest's allocations.
    static RUN_BUFFERS: RefCell<(RunBuffers, String)> = RefCell::default();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::ArticleText;

    fn story(texts: &[&'static str]) -> StoryTexts<'static> {
        StoryTexts {
            articles: texts
                .iter()
                .enumerate()
                .map(|(position, text)| {
                    ArticleText::new(
                        position,
                        ["a", "b", "c", "d"][position % 4],
                        false,
                        "unknown".to_owned(),
                        text,
                    )
                })
                .collect(),
        }
    }

    /// Checks the (name, kind, variants) of the entities found in `texts`, as `name/kind/variants|…`.
    fn check(texts: &[&'static str], expected: &[&str]) {
        let found = find_entities(&story(texts), 40).into_entities();
        let mut found: Vec<String> = found
            .iter()
            .map(|e| format!("{}/{}/{}", e.name, e.kind.as_str(), e.variants.join("|")))
            .collect();
        found.sort();
        assert_eq!(found, expected);
    }

    /// The entities found in `texts`, and the variants of the one named `name`.
    fn variants_of(texts: &[&'static str], name: &str) -> (Vec<Entity>, Option<Vec<String>>) {
        let found = find_entities(&story(texts), 40).into_entities();
        let variants = found
            .iter()
            .find(|entity| entity.name == name)
            .map(|entity| entity.variants.clone());
        (found, variants)
    }

    #[test]
    fn titles_are_stripped_and_vote_person() {
        check(
            &["Russian President Vladimir Putin met the press. Later Putin said little."],
            &["Vladimir Putin/person/Putin|Vladimir Putin"],
        );
    }

    #[test]
    fn the_place_of_an_office_is_no_person() {
        // "Governor of Qeshm": the name is what the office is of, without the "of", and the
        // title votes for no person (it voted for "of Qeshm" as one).
        let (found, _) = variants_of(
            &[
                "Heydar Alishbandi, Governor of Qeshm island, said five villages were hit.",
                "The quake hit Qeshm on Sunday. Heydar Alishbandi, Governor of Qeshm island, said so.",
            ],
            "Qeshm",
        );
        assert!(
            found.iter().all(|entity| !entity.name.starts_with("of ")),
            "{found:?}"
        );
        let qeshm = found.iter().find(|entity| entity.name == "Qeshm");
        assert!(
            qeshm.is_some_and(|qeshm| qeshm.kind != EntityKind::Person),
            "{found:?}"
        );
    }

    #[test]
    fn hyphen_and_transliteration_variants_merge() {
        check(
            &[
                "The envoy met leader Kim Jong-un and Foreign Minister Sergei Lavrov on a trip.",
                "Rain fell as leader Kim Jong Un greeted Foreign Minister Sergey Lavrov there. Then Lavrov left.",
            ],
            &[
                "Kim Jong Un/person/Kim Jong Un|Kim Jong-un",
                "Sergei Lavrov/person/Lavrov|Sergei Lavrov|Sergey Lavrov",
            ],
        );
    }

    #[test]
    fn places_and_organisations() {
        check(
            &["He flew in Pyongyang with the Korean Central News Agency and later the KCNA staff in Pyongyang."],
            &["KCNA/organisation/KCNA", "Korean Central News Agency/organisation/Korean Central News Agency", "Pyongyang/place/Pyongyang"],
        );
    }

    #[test]
    fn a_place_before_a_speech_verb_is_no_speaker() {
        let (found, _) = variants_of(
            &[
                "One woman in Qeshm told AFP she had panicked.",
                "A man in Qeshm said the school shook. Qeshm is a tourist island.",
            ],
            "Qeshm",
        );
        let qeshm = found.iter().find(|entity| entity.name == "Qeshm");
        assert!(
            qeshm.is_some_and(|qeshm| qeshm.kind == EntityKind::Place),
            "{found:?}"
        );
    }

    #[test]
    fn a_word_joins_no_name_it_cannot_be_the_surname_of() {
        // "Iran" is not the family name of "Map of Iran" (a caption), as "Putin" is of
        // "Vladimir Putin"; "Washington" (a place) is not the Washington Post, a newspaper
        // named after it.
        let cases: [([&'static str; 2], &str); 2] = [
            (
                [
                    "Map of Iran showing the epicentre. The quake hit Iran on Sunday.",
                    "Officials in Iran said the Map of Iran was wrong. Iran sent tents.",
                ],
                "Iran",
            ),
            (
                [
                    "Officials in Washington met. The Washington Post reported it from Washington.",
                    "The Washington Post said talks in Washington went on. Washington said no.",
                ],
                "Washington",
            ),
        ];
        for (texts, name) in cases {
            let (found, variants) = variants_of(&texts, name);
            assert_eq!(variants, Some(vec![name.to_owned()]), "{found:?}");
        }
    }

    #[test]
    fn a_place_joins_only_a_place_that_ends_with_it() {
        // "Telecom Egypt" is a company whose name says nothing of it; "North Korea" is a
        // place, and "Korea" alone means it.
        let texts = [
            "A cable owned by Telecom Egypt was cut in Egypt. Telecom Egypt said little.",
            "Services in Egypt were hit, officials in Egypt said. He flew to Pyongyang in North Korea.",
            "The envoy stayed in North Korea for a week. Korea was quiet.",
        ];
        let (found, variants) = variants_of(&texts, "Egypt");
        assert_eq!(variants, Some(vec!["Egypt".to_owned()]), "{found:?}");
        let (found, variants) = variants_of(&texts, "North Korea");
        assert_eq!(
            variants,
            Some(vec!["Korea".to_owned(), "North Korea".to_owned()]),
            "{found:?}"
        );
        // A place name that acts as a person is a surname.
        let (found, variants) = variants_of(
            &[
                "The actor Denzel Washington won the award in Los Angeles.",
                "Washington said he was moved. Denzel Washington then left.",
            ],
            "Denzel Washington",
        );
        assert_eq!(
            variants,
            Some(vec![
                "Denzel Washington".to_owned(),
                "Washington".to_owned()
            ]),
            "{found:?}"
        );
    }

    #[test]
    fn time_zones_are_no_organisation() {
        check(
            &["The quake struck at 1023 GMT near Bam. Aftershocks followed at 4:59 PM ET in Bam."],
            &["Bam/place/Bam"],
        );
    }

    #[test]
    fn capital_datelines_keep_every_word() {
        check(
            &["NEW DELHI: Russian President Vladimir Putin arrived."],
            &[
                "New Delhi/place/New Delhi",
                "Vladimir Putin/person/Vladimir Putin",
            ],
        );
    }

    #[test]
    fn sentence_start_words_are_not_names() {
        check(
            &["Highlighting the deal, officials met. Advertisement\nThe talks ended."],
            &[],
        );
    }

    #[test]
    fn an_ordinary_word_inside_a_name_is_no_name_alone() {
        // "Police" is capitalised inside "Troy Police Department", but the story writes
        // "police" far more often: opening a sentence, it is the ordinary word.
        check(
            &[
                "Police said the Troy Police Department sent officers. The police chased him.",
                "Police said nothing more. Local police and state police searched the area.",
            ],
            &["Troy Police Department/organisation/Troy Police Department"],
        );
    }

    #[test]
    fn initials_and_abbreviated_titles_keep_a_name_whole() {
        check(
            &[
                "Genesee County Sheriff Robert J. Pickell said the chase ended. Pickell said more.",
                "Sheriff Robert Pickell spoke, said Troy police Lt. Gerry Scherlinck on Monday.",
            ],
            &[
                "Gerry Scherlinck/person/Gerry Scherlinck",
                "Robert J Pickell/person/Pickell|Robert J Pickell|Robert Pickell",
            ],
        );
    }

    #[test]
    fn a_city_is_not_the_newspaper_named_after_it() {
        let (found, variants) = variants_of(
            &[
                "He worked in suburban Detroit, The Detroit Free Press reported.",
                "The firm is north of Detroit, in suburban Detroit near the highway.",
            ],
            "Detroit",
        );
        assert_eq!(variants, Some(vec!["Detroit".to_owned()]), "{found:?}");
    }

    #[test]
    fn ambiguous_surname_stays_apart() {
        check(
            &["Mr John Smith and Mr Paul Smith met. Later Smith said no."],
            &[
                "John Smith/person/John Smith",
                "Paul Smith/person/Paul Smith",
                "Smith/person/Smith",
            ],
        );
    }
}
