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

use crate::lexicon;
use crate::text::{strip_possessive, ArticleText, StoryTexts};
use crate::tokens::{hash_text, Token};
use crate::{Entity, EntityKind};

mod keys;
mod merge;
pub(crate) use keys::name_key;
use keys::name_key_into;
use merge::merge_groups;

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

fn is_calendar_word(lower: &str) -> bool {
    matches!(
        lower,
        "january"
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

/// Story-wide word evidence for telling names from capitalised ordinary words, as hashes
/// of lower-cased words (see [`crate::tokens::Token::lower`]).
#[derive(Debug, Default)]
struct WordEvidence {
    /// Words seen written in lower case.
    lowercase: FxHashSet<u64>,
    /// Capitalised words seen in the middle of a sentence.
    capitalised_inside: FxHashSet<u64>,
}

impl WordEvidence {
    fn is_lowercase_word(&self, lower: &str) -> bool {
        self.lowercase.contains(&hash_text(lower))
    }

    fn is_capitalised_inside(&self, lower: &str) -> bool {
        self.capitalised_inside.contains(&hash_text(lower))
    }
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
    for set in [
        &mut evidence.lowercase,
        &mut evidence.capitalised_inside,
        &mut openers,
    ] {
        empty_set(set);
    }
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
                evidence.capitalised_inside.insert(token.lower);
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
                evidence.lowercase.insert(token.lower);
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

/// Empties a set kept from earlier stories. Emptying writes over the whole table, so a set
/// grown large by one long story is dropped instead (re-growing it is cheaper for the
/// many short stories that follow).
fn empty_set(set: &mut FxHashSet<u64>) {
    const LARGEST_KEPT: usize = 4096;
    if set.capacity() > LARGEST_KEPT {
        *set = FxHashSet::default();
    } else {
        set.clear();
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
        while end < tokens.len() && tokens[end].joined_to_previous && !tokens[end].sentence_start {
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

/// Strings reused from one run of capitalised words to the next, so that reading a name
/// allocates nothing once the buffers have grown.
#[derive(Debug, Default)]
struct RunBuffers {
    /// The run's words as the name shows them (possessive stripped, capitals title-cased).
    words: Vec<String>,
    /// The same words lower-cased.
    lower: Vec<String>,
    /// The word tables each lower-cased word is in ([`lexicon::word_kinds`]).
    kinds: Vec<u16>,
    key: String,
    previous: String,
    next: String,
    /// The name found, when [`analyse_run`] returns votes.
    name: String,
}

/// Lower-cases `word` into `out` (as `str::to_lowercase`, without allocating for ASCII).
fn lowercase_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&word.to_lowercase());
    }
}

/// Joins words with single spaces into `out`.
fn join_into(words: &[String], out: &mut String) {
    out.clear();
    for (index, word) in words.iter().enumerate() {
        if index > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// Turns one run of capitalised tokens into a name (left in `buffers.name`) and its votes,
/// or nothing when it is only titles, nationality words, dates or an ordinary word that
/// starts a sentence.
fn analyse_run(
    text: &str,
    tokens: &[Token],
    start: usize,
    end: usize,
    evidence: &WordEvidence,
    buffers: &mut RunBuffers,
) -> Option<Votes> {
    // Most runs are one capitalised word opening a sentence ("The", "He"): decide those
    // before anything else. Such a word is a name only if it also appears capitalised
    // inside sentences (the rule applied to single words below).
    let first_token = &tokens[start];
    if end - start == 1
        && first_token.sentence_start
        && !first_token.all_caps
        && !evidence.capitalised_inside.contains(&first_token.lower)
    {
        return None;
    }
    let n_words = end - start;
    let all_caps = tokens[start..end].iter().all(|t| t.all_caps);
    while buffers.words.len() < n_words {
        buffers.words.push(String::new());
        buffers.lower.push(String::new());
    }
    for (offset, token) in tokens[start..end].iter().enumerate() {
        let stripped = strip_possessive(word(text, token));
        let shown = &mut buffers.words[offset];
        shown.clear();
        // Headlines and datelines in capitals ("NEW DELHI") read as names in title case.
        if all_caps && (n_words > 1 || stripped.chars().count() > 5) {
            title_case_into(stripped, shown);
        } else {
            shown.push_str(stripped);
        }
        lowercase_into(shown, &mut buffers.lower[offset]);
    }
    buffers.kinds.clear();
    buffers.kinds.extend(
        buffers.lower[..n_words]
            .iter()
            .map(|w| lexicon::word_kinds(w)),
    );
    let words = &buffers.words[..n_words];
    let lower = &buffers.lower[..n_words];
    let kinds = &buffers.kinds[..n_words];
    let is = |index: usize, kind: u16| kinds.get(index).is_some_and(|k| k & kind != 0);
    let mut first = 0;
    // A run in capitals ("NEW DELHI") is a dateline or heading: its first word is no opener.
    if tokens[start].sentence_start && !all_caps {
        while first < words.len()
            && !is(first, lexicon::TITLE)
            && (is(first, lexicon::STOPWORD)
                || (is_sentence_opener(&lower[first])
                    && !evidence.is_capitalised_inside(&lower[first]))
                || (evidence.is_lowercase_word(&lower[first])
                    && !evidence.is_capitalised_inside(&lower[first])))
        {
            first += 1;
        }
    }
    let mut votes: Votes = [0; 3];
    if lower.is_empty() {
        return None;
    }
    let organisation_named = is(lower.len() - 1, lexicon::ORGANISATION_SUFFIX)
        || (is(first.min(lower.len() - 1), lexicon::ORGANISATION_HEAD)
            && lower.iter().any(|w| w == "of"));
    if !organisation_named {
        // A title inside the run ("NATO Secretary-General Jens Stoltenberg", "US Secretary
        // of State Antony Blinken"): the name is what follows the last title.
        // A hyphenated word is a title when one of its parts is ("Secretary-General").
        let is_title_word = |index: usize| {
            is(index, lexicon::TITLE)
                || (lower[index].contains('-') && lower[index].split('-').any(lexicon::is_title))
        };
        if let Some(title) = (first..words.len().saturating_sub(1))
            .rev()
            .find(|&i| is_title_word(i))
        {
            let mut name_start = title + 1;
            if lower[name_start] == "of" {
                name_start += 2;
            }
            if name_start < words.len() {
                votes[0] += 2;
                first = name_start;
            }
        }
        // Strip titles and nationality words in front of the name.
        while first < words.len() {
            let pair = lower
                .get(first + 1)
                .is_some_and(|next| lexicon::is_nationality_pair(&lower[first], next));
            if pair {
                first += 2;
            } else if is(first, lexicon::NATIONALITY) {
                first += 1;
            } else if is(first, lexicon::TITLE) {
                votes[0] += 2;
                first += 1;
            } else {
                break;
            }
        }
    }
    let mut last = words.len();
    while last > first && is_calendar_word(&lower[last - 1]) {
        last -= 1;
    }
    while first < last && (is_calendar_word(&lower[first]) || lower[first] == "the") {
        first += 1;
    }
    if first >= last {
        return None;
    }
    let name_words = &lower[first..last];
    if name_words.len() == 1 {
        let word = &name_words[0];
        let at_sentence_start = first == 0 && tokens[start].sentence_start;
        if is(first, lexicon::STOPWORD) || word.chars().count() < 2 {
            return None;
        }
        // A capitalised word seen only at sentence starts is most likely an ordinary word.
        if at_sentence_start && !evidence.is_capitalised_inside(word) && !is_all_caps(&words[first])
        {
            return None;
        }
    }
    let key = &mut buffers.key;
    join_into(name_words, key);
    let previous = start.checked_sub(1).map(|i| {
        lowercase_into(word(text, &tokens[i]), &mut buffers.previous);
        buffers.previous.as_str()
    });
    let next = tokens
        .get(end)
        .filter(|t| !t.sentence_start || t.comma_before)
        .map(|t| {
            lowercase_into(word(text, t), &mut buffers.next);
            buffers.next.as_str()
        });
    let is_known_place = if name_words.len() == 1 {
        is(first, lexicon::KNOWN_PLACE)
    } else {
        lexicon::is_known_place(key)
    };
    if organisation_named {
        votes[2] += 2;
    } else if name_words.len() == 1 && is_all_caps(&words[first]) && !is_known_place {
        votes[2] += 1;
    }
    if is_known_place {
        votes[1] += 3;
    }
    if is(last - 1, lexicon::PLACE_SUFFIX) {
        votes[1] += 2;
    }
    let previous_kinds = previous.map_or(0, lexicon::word_kinds);
    if previous_kinds & lexicon::PERSON_CUE != 0 && first == 0 {
        votes[0] += 1;
    }
    if next.is_some_and(|w| lexicon::word_kinds(w) & lexicon::SPEECH_VERB != 0)
        && !organisation_named
    {
        votes[0] += 1;
    }
    if previous_kinds & lexicon::PLACE_CUE != 0 && first == 0 && votes[0] == 0 {
        votes[1] += 1;
    }
    join_into(&words[first..last], &mut buffers.name);
    Some(votes)
}

/// Words that open sentences but never start a name ("Later Putin said", "Highlighting…").
fn is_sentence_opener(lower: &str) -> bool {
    lower.ends_with("ly")
        || (lower.ends_with("ing") && lower.len() > 5)
        || matches!(
            lower,
            "later"
                | "meanwhile"
                | "earlier"
                | "instead"
                | "overall"
                | "despite"
                | "prior"
                | "following"
                | "ahead"
                | "asked"
                | "besides"
                | "unlike"
                | "like"
                | "yes"
                | "but"
        )
}

/// Writes `word` in title case ("NEW" → "New", "JONG-UN" → "Jong-Un") into `out`.
fn title_case_into(word: &str, out: &mut String) {
    let mut start_of_part = true;
    for c in word.chars() {
        if start_of_part {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start_of_part = matches!(c, '-' | '\'' | '’');
    }
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

    #[test]
    fn titles_are_stripped_and_vote_person() {
        check(
            &["Russian President Vladimir Putin met the press. Later Putin said little."],
            &["Vladimir Putin/person/Putin|Vladimir Putin"],
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
