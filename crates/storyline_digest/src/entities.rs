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

use rustc_hash::{FxHashMap, FxHashSet};

use crate::lexicon;
use crate::text::{is_stopword, strip_possessive, words, StoryTexts};
use crate::{Entity, EntityKind};

/// Votes for each kind: person, place, organisation.
type Votes = [u32; 3];

/// Every spelling of one name key, and where it was seen.
#[derive(Debug, Clone, Default)]
struct Group {
    spellings: FxHashMap<String, usize>,
    mentions: usize,
    /// Positions of the articles naming it, sorted, deduplicated.
    articles: Vec<usize>,
    votes: Votes,
    tokens: Vec<String>,
}

/// The entities of a story, and a lookup from any spelling to its entity's name.
#[derive(Debug, Clone, Default)]
pub(crate) struct FoundEntities {
    entities: Vec<Entity>,
    name_of_key: FxHashMap<String, String>,
    kind_of_key: FxHashMap<String, EntityKind>,
}

impl FoundEntities {
    /// The merged name for a spelling ("Sergei Lavrov" → "Sergey Lavrov"), if the story
    /// names it; a full name not seen as such falls back to its surname.
    pub(crate) fn canonical(&self, surface: &str) -> Option<(&str, EntityKind)> {
        let key = name_key(surface);
        let found = self.name_of_key.get(&key).or_else(|| {
            let last = key.rsplit(' ').next()?;
            self.name_of_key.get(last)
        })?;
        let kind = self
            .kind_of_key
            .get(&key)
            .copied()
            .unwrap_or(EntityKind::Other);
        Some((found.as_str(), kind))
    }

    pub(crate) fn into_entities(self) -> Vec<Entity> {
        self.entities
    }
}

/// Lower-cased name with hyphens as spaces and apostrophes dropped: the key under which
/// "Kim Jong-un" and "Kim Jong Un" meet.
pub(crate) fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name.split(|c: char| c.is_whitespace() || c == '-' || c == '‐') {
        let word: String = word
            .chars()
            .filter(|c| !matches!(c, '\'' | '’' | '.'))
            .flat_map(char::to_lowercase)
            .collect();
        if word.is_empty() {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&word);
    }
    key
}

fn is_capitalised(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase())
}

fn is_all_caps(word: &str) -> bool {
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

/// Story-wide word evidence for telling names from capitalised ordinary words.
#[derive(Debug, Default)]
struct WordEvidence {
    /// Words seen written in lower case.
    lowercase: FxHashSet<String>,
    /// Capitalised words seen in the middle of a sentence, lower-cased.
    capitalised_inside: FxHashSet<String>,
}

/// A word with what surrounds it.
#[derive(Debug, Clone, Copy)]
struct Token<'t> {
    word: &'t str,
    sentence_start: bool,
    /// Only spaces separate it from the previous word.
    joined_to_previous: bool,
    /// A comma (and spaces) separate it from the previous word.
    comma_before: bool,
    /// The word is on a headline line.
    in_headline: bool,
}

/// Whether a line reads as a headline: no closing punctuation and mostly capitalised words
/// ("Putin Visits North Korea: Strengthening Ties"). Its capitals say nothing about names.
fn is_headline_line(line: &str) -> bool {
    let line = line.trim();
    if line.ends_with(['.', '!', '"', '”', '’', ')', ',', ';']) {
        return false;
    }
    let words = words(line);
    let long: Vec<&str> = words
        .iter()
        .map(|(_, w)| *w)
        .filter(|w| w.chars().count() >= 3)
        .collect();
    let capitalised = long.iter().filter(|w| is_capitalised(w)).count();
    let title_case = capitalised >= 2 && capitalised * 10 >= long.len() * 6;
    // A question is a headline only when even its small words are capitalised ("How … Ended In …?").
    title_case
        && (!line.ends_with('?')
            || words
                .iter()
                .skip(1)
                .any(|(_, w)| is_capitalised(w) && is_stopword(&w.to_lowercase())))
}

fn tokens_of(text: &str) -> Vec<Token<'_>> {
    // Byte ranges of headline lines, in order.
    let mut headline_ranges = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if is_headline_line(line) {
            headline_ranges.push(line_start..line_start + line.len());
        }
        line_start += line.len();
    }
    let mut previous_end = 0;
    let mut range_index = 0;
    words(text)
        .into_iter()
        .map(|(start, word)| {
            let gap = text.get(previous_end..start).unwrap_or("");
            let first = previous_end == 0;
            previous_end = start + word.len();
            while headline_ranges
                .get(range_index)
                .is_some_and(|r| r.end <= start)
            {
                range_index += 1;
            }
            Token {
                word,
                sentence_start: first
                    || gap.contains(['.', '!', '?', '\n', ':', '“', '"', '(', '|']),
                joined_to_previous: !first
                    && !gap.is_empty()
                    && gap.chars().all(|c| c == ' ' || c == '\u{a0}'),
                comma_before: gap.trim() == ",",
                in_headline: headline_ranges
                    .get(range_index)
                    .is_some_and(|r| r.contains(&start)),
            }
        })
        .collect()
}

/// Finds, types and merges the entities of a story; keeps the `max_entities` most named.
pub(crate) fn find_entities(texts: &StoryTexts<'_>, max_entities: usize) -> FoundEntities {
    let tokenised: Vec<Vec<Token<'_>>> = texts.articles.iter().map(|t| tokens_of(t.text)).collect();
    let mut evidence = WordEvidence::default();
    for tokens in &tokenised {
        for token in tokens.iter().filter(|t| !t.in_headline) {
            if is_capitalised(token.word) {
                if !token.sentence_start && !is_all_caps(token.word) {
                    evidence
                        .capitalised_inside
                        .insert(strip_possessive(token.word).to_lowercase());
                }
            } else if token.word.starts_with(char::is_alphabetic)
                && !evidence.lowercase.contains(token.word)
            {
                evidence.lowercase.insert(token.word.to_owned());
            }
        }
    }
    let mut groups: FxHashMap<String, Group> = FxHashMap::default();
    for (text, tokens) in texts.articles.iter().zip(&tokenised) {
        for (name, votes) in names_in(tokens, &evidence) {
            let key = name_key(&name);
            if key.is_empty() {
                continue;
            }
            let group = groups.entry(key).or_insert_with_key(|key| Group {
                tokens: key.split(' ').map(str::to_owned).collect(),
                ..Group::default()
            });
            *group.spellings.entry(name).or_default() += 1;
            group.mentions += 1;
            if group.articles.last() != Some(&text.position) {
                group.articles.push(text.position);
            }
            for (total, vote) in group.votes.iter_mut().zip(votes) {
                *total += vote;
            }
        }
    }
    merge_groups(groups, texts, max_entities)
}

/// Cuts capitalised name sequences out of one article's tokens, with their kind votes.
fn names_in(tokens: &[Token<'_>], evidence: &WordEvidence) -> Vec<(String, Votes)> {
    let mut names = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        if !is_capitalised(tokens[index].word) || tokens[index].in_headline {
            index += 1;
            continue;
        }
        let start = index;
        let mut end = index + 1;
        while end < tokens.len() && tokens[end].joined_to_previous && !tokens[end].sentence_start {
            let word = tokens[end].word;
            // A possessive ends a name: "Russia's Far East" is two names.
            if strip_possessive(tokens[end - 1].word) != tokens[end - 1].word {
                break;
            }
            if is_capitalised(word) {
                end += 1;
            } else if is_name_connector(word)
                && tokens
                    .get(end + 1)
                    .is_some_and(|next| next.joined_to_previous && is_capitalised(next.word))
            {
                end += 2;
            } else {
                break;
            }
        }
        if let Some(found) = analyse_run(tokens, start, end, evidence) {
            names.push(found);
        }
        index = end;
    }
    names
}

/// Turns one run of capitalised tokens into a name and its votes, or nothing when it is
/// only titles, nationality words, dates or an ordinary word that starts a sentence.
fn analyse_run(
    tokens: &[Token<'_>],
    start: usize,
    end: usize,
    evidence: &WordEvidence,
) -> Option<(String, Votes)> {
    let all_caps = tokens[start..end].iter().all(|t| is_all_caps(t.word));
    let words: Vec<String> = tokens[start..end]
        .iter()
        .map(|t| {
            let word = strip_possessive(t.word);
            // Headlines and datelines in capitals ("NEW DELHI") read as names in title case.
            if all_caps && (end - start > 1 || word.chars().count() > 5) {
                title_case(word)
            } else {
                word.to_owned()
            }
        })
        .collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let mut first = 0;
    if tokens[start].sentence_start {
        while first < words.len()
            && !lexicon::is_title(&lower[first])
            && (is_stopword(&lower[first])
                || (is_sentence_opener(&lower[first])
                    && !evidence.capitalised_inside.contains(&lower[first]))
                || (evidence.lowercase.contains(&lower[first])
                    && !evidence.capitalised_inside.contains(&lower[first])))
        {
            first += 1;
        }
    }
    let mut votes: Votes = [0; 3];
    let last_lower = lower.last()?.as_str();
    let organisation_named = lexicon::is_organisation_suffix(last_lower)
        || (lexicon::is_organisation_head(&lower[first.min(lower.len() - 1)])
            && lower.iter().any(|w| w == "of"));
    if !organisation_named {
        // A title inside the run ("NATO Secretary-General Jens Stoltenberg", "US Secretary
        // of State Antony Blinken"): the name is what follows the last title.
        let is_title_word = |word: &str| word.split('-').any(lexicon::is_title);
        if let Some(title) = (first..words.len().saturating_sub(1))
            .rev()
            .find(|&i| is_title_word(&lower[i]))
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
                .map(|next| format!("{} {next}", lower[first]));
            if pair.as_deref().is_some_and(lexicon::is_nationality) {
                first += 2;
            } else if lexicon::is_nationality(&lower[first]) {
                first += 1;
            } else if lexicon::is_title(&lower[first]) {
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
        if is_stopword(word) || word.chars().count() < 2 {
            return None;
        }
        // A capitalised word seen only at sentence starts is most likely an ordinary word.
        if at_sentence_start
            && !evidence.capitalised_inside.contains(word)
            && !is_all_caps(&words[first])
        {
            return None;
        }
    }
    let key = name_words.join(" ");
    let previous = start.checked_sub(1).map(|i| tokens[i].word.to_lowercase());
    let next = tokens
        .get(end)
        .filter(|t| !t.sentence_start || t.comma_before)
        .map(|t| t.word.to_lowercase());
    if organisation_named {
        votes[2] += 2;
    } else if name_words.len() == 1 && is_all_caps(&words[first]) && !lexicon::is_known_place(&key)
    {
        votes[2] += 1;
    }
    if lexicon::is_known_place(&key) {
        votes[1] += 3;
    }
    if lexicon::is_place_suffix(name_words.last()?) {
        votes[1] += 2;
    }
    if previous.as_deref().is_some_and(lexicon::is_person_cue) && first == 0 {
        votes[0] += 1;
    }
    if next.as_deref().is_some_and(lexicon::is_speech_verb) && !organisation_named {
        votes[0] += 1;
    }
    if previous.as_deref().is_some_and(lexicon::is_place_cue) && first == 0 && votes[0] == 0 {
        votes[1] += 1;
    }
    Some((words[first..last].join(" "), votes))
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

fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut start_of_part = true;
    for c in word.chars() {
        if start_of_part {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start_of_part = matches!(c, '-' | '\'' | '’');
    }
    out
}

/// Levenshtein distance of two short words.
fn edit_distance(left: &str, right: &str) -> usize {
    let right: Vec<char> = right.chars().collect();
    let mut row: Vec<usize> = (0..=right.len()).collect();
    for (i, l) in left.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, r) in right.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(l != *r));
            diagonal = above;
        }
    }
    row[right.len()]
}

/// Consonants of a word with repeats collapsed: "sergei" and "sergey" → "srg".
fn consonant_skeleton(word: &str) -> String {
    let mut skeleton = String::new();
    for c in word.chars().filter(|c| !"aeiouyj".contains(*c)) {
        if !skeleton.ends_with(c) {
            skeleton.push(c);
        }
    }
    skeleton
}

/// Whether two given names are spellings of one name (transliteration variants).
fn same_given_name(left: &str, right: &str) -> bool {
    if left == right {
        return true;
    }
    let shortest = left.chars().count().min(right.chars().count());
    (shortest >= 4 && edit_distance(left, right) <= 1) || {
        let skeleton = consonant_skeleton(left);
        skeleton.chars().count() >= 3 && skeleton == consonant_skeleton(right)
    }
}

fn find_root(parent: &mut [usize], mut index: usize) -> usize {
    while parent[index] != index {
        parent[index] = parent[parent[index]];
        index = parent[index];
    }
    index
}

fn kind_of(votes: Votes) -> EntityKind {
    let [person, place, organisation] = votes;
    if person == 0 && place == 0 && organisation == 0 {
        EntityKind::Other
    } else if person >= place && person >= organisation {
        EntityKind::Person
    } else if organisation >= place {
        EntityKind::Organisation
    } else {
        EntityKind::Place
    }
}

/// Merges spelling variants and surnames into entities, ranks and caps them.
fn merge_groups(
    groups: FxHashMap<String, Group>,
    texts: &StoryTexts<'_>,
    max_entities: usize,
) -> FoundEntities {
    let mut groups: Vec<(String, Group)> = groups.into_iter().collect();
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    let mut parent: Vec<usize> = (0..groups.len()).collect();

    // Transliterations: same surname, same number of words, given names alike.
    let mut by_surname: FxHashMap<(&str, usize), Vec<usize>> = FxHashMap::default();
    for (index, (_, group)) in groups.iter().enumerate() {
        if group.tokens.len() >= 2 {
            let surname = group.tokens.last().map_or("", String::as_str);
            by_surname
                .entry((surname, group.tokens.len()))
                .or_default()
                .push(index);
        }
    }
    let mut buckets: Vec<&Vec<usize>> = by_surname.values().collect();
    buckets.sort();
    for bucket in buckets {
        for (i, &left) in bucket.iter().enumerate() {
            for &right in &bucket[i + 1..] {
                let (left_tokens, right_tokens) = (&groups[left].1.tokens, &groups[right].1.tokens);
                let n = left_tokens.len() - 1;
                if (0..n).all(|t| same_given_name(&left_tokens[t], &right_tokens[t])) {
                    let (a, b) = (find_root(&mut parent, left), find_root(&mut parent, right));
                    parent[b.max(a)] = a.min(b);
                }
            }
        }
    }

    // A single word joins the one full name it is the surname (or family name) of.
    let mut full_by_word: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (index, (_, group)) in groups.iter().enumerate() {
        if group.tokens.len() >= 2 {
            for word in [group.tokens.first(), group.tokens.last()]
                .into_iter()
                .flatten()
            {
                full_by_word.entry(word.as_str()).or_default().push(index);
            }
        }
    }
    let mut votes_before: FxHashMap<usize, Votes> = FxHashMap::default();
    for (index, (_, group)) in groups.iter().enumerate() {
        let entry = votes_before
            .entry(find_root(&mut parent, index))
            .or_default();
        for (total, vote) in entry.iter_mut().zip(group.votes) {
            *total += vote;
        }
    }
    for index in 0..groups.len() {
        let group = &groups[index].1;
        if group.tokens.len() != 1 {
            continue;
        }
        // Acronyms ("UN") are not surnames, even when a name ends in "Un".
        if group.spellings.keys().any(|s| is_all_caps(s)) {
            continue;
        }
        let Some(candidates) = full_by_word.get(group.tokens[0].as_str()) else {
            continue;
        };
        let single_kind = kind_of(group.votes);
        let mut roots: Vec<usize> = candidates
            .iter()
            .map(|&c| find_root(&mut parent, c))
            .collect();
        roots.sort_unstable();
        roots.dedup();
        if roots.len() > 1 && !matches!(single_kind, EntityKind::Place | EntityKind::Organisation) {
            // "Kim" next to "Kim Jong Un" and "Kim Il Sung Square": the place cannot be meant.
            roots.retain(|root| {
                let kind = votes_before
                    .get(root)
                    .copied()
                    .map_or(EntityKind::Other, kind_of);
                !matches!(kind, EntityKind::Place | EntityKind::Organisation)
            });
        }
        // Unambiguous: one candidate, or one named far more often than all others together.
        let mentions_of = |root: usize, parent: &mut Vec<usize>| -> usize {
            candidates
                .iter()
                .filter(|&&c| find_root(parent, c) == root)
                .map(|&c| groups[c].1.mentions)
                .sum()
        };
        let chosen = match roots[..] {
            [root] => Some(root),
            [] => None,
            _ => {
                let counts: Vec<usize> =
                    roots.iter().map(|&r| mentions_of(r, &mut parent)).collect();
                let total: usize = counts.iter().sum();
                counts
                    .iter()
                    .enumerate()
                    .max_by_key(|&(i, c)| (*c, std::cmp::Reverse(i)))
                    .filter(|&(_, &most)| most * 4 >= total * 3 && most >= 3)
                    .map(|(best, _)| roots[best])
            }
        };
        if let Some(root) = chosen {
            let own = find_root(&mut parent, index);
            parent[own] = root;
        }
    }

    let mut members: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for index in 0..groups.len() {
        let root = find_root(&mut parent, index);
        members.entry(root).or_default().push(index);
    }
    let mut roots: Vec<usize> = members.keys().copied().collect();
    roots.sort_unstable();
    let mut found = FoundEntities::default();
    let mut entities = Vec::new();
    for root in roots {
        let Some(indexes) = members.get(&root) else {
            continue;
        };
        let entity = build_entity(indexes, &groups, texts);
        for &index in indexes {
            found
                .name_of_key
                .insert(groups[index].0.clone(), entity.name.clone());
            found
                .kind_of_key
                .insert(groups[index].0.clone(), entity.kind);
        }
        entities.push(entity);
    }
    entities.retain(|e| e.kind != EntityKind::Other || e.mentions >= 2);
    entities.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then_with(|| b.mentions.cmp(&a.mentions))
            .then_with(|| a.name.cmp(&b.name))
    });
    entities.truncate(max_entities);
    found.entities = entities;
    found
}

fn build_entity(indexes: &[usize], groups: &[(String, Group)], texts: &StoryTexts<'_>) -> Entity {
    let mut votes: Votes = [0; 3];
    let mut mentions = 0;
    let mut positions = Vec::new();
    let mut spellings: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
    for &index in indexes {
        let group = &groups[index].1;
        mentions += group.mentions;
        positions.extend_from_slice(&group.articles);
        for (total, vote) in votes.iter_mut().zip(group.votes) {
            *total += vote;
        }
        for (spelling, count) in &group.spellings {
            spellings.insert(spelling, (group.tokens.len(), *count));
        }
    }
    positions.sort_unstable();
    positions.dedup();
    let mut kind = kind_of(votes);
    let longest = indexes
        .iter()
        .map(|&i| groups[i].1.tokens.len())
        .max()
        .unwrap_or(1);
    if kind == EntityKind::Other && indexes.len() > 1 && (2..=3).contains(&longest) {
        // A full name also used by its surname alone is how people are written about.
        kind = EntityKind::Person;
    }
    let name = spellings
        .iter()
        .max_by(|a, b| {
            (a.1 .0, a.1 .1)
                .cmp(&(b.1 .0, b.1 .1))
                .then_with(|| b.0.cmp(a.0))
        })
        .map(|(spelling, _)| (*spelling).to_owned())
        .unwrap_or_default();
    let mut variants: Vec<String> = spellings.keys().map(|s| (*s).to_owned()).collect();
    variants.sort();
    variants.truncate(12);
    Entity {
        name,
        kind,
        variants,
        mentions,
        articles: positions
            .iter()
            .filter_map(|&p| texts.articles.iter().find(|t| t.position == p))
            .map(|t| t.id.to_owned())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{split_sentences, ArticleText};

    fn story(texts: &[&'static str]) -> StoryTexts<'static> {
        StoryTexts {
            articles: texts
                .iter()
                .enumerate()
                .map(|(position, text)| ArticleText {
                    position,
                    id: ["a", "b", "c", "d"][position % 4],
                    is_copy: false,
                    source: "unknown".to_owned(),
                    text,
                    sentences: split_sentences(text),
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

    #[test]
    fn variant_rules() {
        assert!(same_given_name("sergei", "sergey"));
        assert!(same_given_name("yuri", "yuriy"));
        assert!(!same_given_name("john", "paul"));
        assert_eq!(name_key("Kim  Jong-Un"), "kim jong un");
    }
}
