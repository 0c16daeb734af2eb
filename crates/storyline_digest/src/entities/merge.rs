//! Merging spellings into entities: transliterations of a given name under one surname,
//! a surname alone into the one full name it fits (a known place only as the end of a longer
//! place, unless it acts as a person: "Korea" into "North Korea", never "Washington" into
//! "Washington Post", "Egypt" into "Telecom Egypt" or "Iran" into "Map of Iran"), then
//! ranking.
//!
//! Input is the name groups [`super::find_entities`] collected (one per lower-cased,
//! hyphen-free key); output is the story's [`FoundEntities`].

use rustc_hash::FxHashMap;

use super::{is_all_caps, FoundEntities, Group, Votes};
use crate::text::StoryTexts;
use crate::{Entity, EntityKind};

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
pub(super) fn merge_groups(
    groups: FxHashMap<String, Group>,
    texts: &StoryTexts<'_>,
    max_entities: usize,
) -> FoundEntities {
    let mut groups: Vec<(String, Group)> = groups.into_iter().collect();
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    let mut parent = merge_spellings(&groups);

    // Each entity's groups, as (root, group) pairs sorted by root: one run per entity,
    // roots in increasing order and each run's groups in key order.
    let mut members: Vec<(usize, usize)> = (0..groups.len())
        .map(|index| (find_root(&mut parent, index), index))
        .collect();
    members.sort_unstable();
    let member_indexes: Vec<usize> = members.iter().map(|&(_, index)| index).collect();
    // Per root, where its run sits in `member_indexes`.
    let mut runs: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    for (position, &(root, _)) in members.iter().enumerate() {
        match runs.last_mut() {
            Some((last_root, run)) if *last_root == root => run.end = position + 1,
            _ => runs.push((root, position..position + 1)),
        }
    }
    let indexes_of = |root: usize| {
        runs.binary_search_by_key(&root, |(r, _)| *r)
            .ok()
            .and_then(|at| member_indexes.get(runs[at].1.clone()))
            .unwrap_or(&[])
    };
    let mut found = FoundEntities::default();
    // Each group's entity (its place in `found.names`) and kind, for the key lookup.
    let mut entity_of: Vec<Option<(usize, EntityKind)>> = vec![None; groups.len()];
    let mut drafts = Vec::with_capacity(runs.len());
    for (root, run) in &runs {
        let indexes = member_indexes.get(run.clone()).unwrap_or(&[]);
        let draft = draft_entity(*root, indexes, &groups, texts);
        for &index in indexes {
            entity_of[index] = Some((found.names.len(), draft.kind));
        }
        found.names.push(draft.name.clone());
        drafts.push(draft);
    }
    // Rank on drafts, and write out variants and article ids only for the entities kept:
    // a long story names hundreds of things and lists a few dozen.
    drafts.retain(|e| e.kind != EntityKind::Other || e.mentions >= 2);
    drafts.sort_by(|a, b| {
        b.n_articles
            .cmp(&a.n_articles)
            .then_with(|| b.mentions.cmp(&a.mentions))
            .then_with(|| a.name.cmp(&b.name))
    });
    drafts.truncate(max_entities);
    found.entities = drafts
        .into_iter()
        .map(|draft| {
            let indexes = indexes_of(draft.root);
            finish_entity(draft, indexes, &groups, texts)
        })
        .collect();
    // The keys move into the lookup: the groups are done with.
    for ((key, _), entity) in groups.into_iter().zip(entity_of) {
        if let Some(entity) = entity {
            found.by_key.insert(key, entity);
        }
    }
    found
}

/// Links spelling groups (sorted by key) into entities: each group's parent in a
/// union-find forest, whose roots are the entities.
///
/// The lists below (groups by surname, full names by word) are sorted vectors read in runs
/// rather than maps of vectors: a story has dozens of groups, and a vector per key was
/// most of the entity pass's allocations. Unions join components at their smallest index,
/// so the forest does not depend on the order in which the pairs are met.
fn merge_spellings(groups: &[(String, Group)]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    // The words of each key ("kim jong un" → kim, jong, un), one list for all keys.
    let mut all_words: Vec<&str> = Vec::new();
    let mut word_ranges: Vec<std::ops::Range<usize>> = Vec::with_capacity(groups.len());
    for (key, _) in groups {
        let first = all_words.len();
        all_words.extend(key.split(' '));
        word_ranges.push(first..all_words.len());
    }
    let words_of = |index: usize| &all_words[word_ranges[index].clone()];

    // Transliterations: same surname, same number of words, given names alike.
    let mut by_surname: Vec<(&str, usize, usize)> = (0..groups.len())
        .filter_map(|index| {
            let words = words_of(index);
            (words.len() >= 2).then(|| (words.last().copied().unwrap_or(""), words.len(), index))
        })
        .collect();
    by_surname.sort_unstable();
    for bucket in by_surname.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        for (i, &(_, _, left)) in bucket.iter().enumerate() {
            for &(_, _, right) in &bucket[i + 1..] {
                let (left_words, right_words) = (words_of(left), words_of(right));
                let n = left_words.len() - 1;
                if (0..n).all(|t| same_given_name(left_words[t], right_words[t])) {
                    let (a, b) = (find_root(&mut parent, left), find_root(&mut parent, right));
                    parent[b.max(a)] = a.min(b);
                }
            }
        }
    }

    // A single word joins the one full name it is the surname (or family name) of.
    // (word, full name, whether the word is the name's last).
    let mut full_by_word: Vec<(&str, usize, bool)> = Vec::new();
    for index in 0..groups.len() {
        let words = words_of(index);
        if words.len() >= 2 {
            // "Map of Iran", "Island of Qeshm": the word after "of" names something else,
            // not a family, so "Iran" alone does not join them.
            let of_something =
                words.len() >= 3 && words[words.len() - 2].eq_ignore_ascii_case("of");
            if let Some(&first) = words.first() {
                full_by_word.push((first, index, false));
            }
            if let Some(&last) = words.last().filter(|_| !of_something) {
                full_by_word.push((last, index, true));
            }
        }
    }
    full_by_word.sort_unstable();
    // Votes of each component before single words join, by root.
    let mut votes_before: Vec<Votes> = vec![[0; 3]; groups.len()];
    for (index, (_, group)) in groups.iter().enumerate() {
        let entry = &mut votes_before[find_root(&mut parent, index)];
        for (total, vote) in entry.iter_mut().zip(group.votes) {
            *total += vote;
        }
    }
    // The kind a component had before single words join (`Other` outside the forest).
    let kind_before = |root: usize| {
        votes_before
            .get(root)
            .copied()
            .map_or(EntityKind::Other, kind_of)
    };
    let mut candidates: Vec<usize> = Vec::new();
    let mut roots: Vec<usize> = Vec::new();
    for index in 0..groups.len() {
        let group = &groups[index].1;
        let words = words_of(index);
        if words.len() != 1 {
            continue;
        }
        // Acronyms ("UN") are not surnames, even when a name ends in "Un".
        if group.spellings.iter().any(|(s, _)| is_all_caps(s)) {
            continue;
        }
        let word = words[0];
        let first = full_by_word.partition_point(|&(w, _, _)| w < word);
        let last = full_by_word.partition_point(|&(w, _, _)| w <= word);
        if first == last {
            continue;
        }
        candidates.clear();
        let single_kind = kind_of(group.votes);
        // A place is the end of a longer place ("Korea" → "North Korea"); a name that starts
        // with it is something named after it ("Boston Red Sox", "Vancouver Sun"). A place
        // the lexicon knows, never seen acting as a person, joins only a name that reads as
        // a place ("Southern California") or was voted one: "Telecom Egypt" is not "Egypt".
        // A surname that happened to follow "in" ("Horton") still joins "Zurana Horton",
        // and "Jordan said" still joins "Michael Jordan".
        let known_place = crate::lexicon::is_known_place(word) && group.votes[0] == 0;
        candidates.extend(
            full_by_word[first..last]
                .iter()
                .filter(|&&(_, _, is_last)| is_last || single_kind != EntityKind::Place)
                .filter(|&&(_, c, _)| {
                    let root = find_root(&mut parent, c);
                    !known_place
                        || kind_before(root) == EntityKind::Place
                        || reads_as_place(words_of(c))
                })
                .map(|&(_, c, _)| c),
        );
        roots.clear();
        roots.extend(candidates.iter().map(|&c| find_root(&mut parent, c)));
        roots.sort_unstable();
        roots.dedup();
        if single_kind == EntityKind::Place {
            // Nor an organisation that ends with it ("Telecom Egypt" is not "Egypt").
            roots.retain(|&root| kind_before(root) != EntityKind::Organisation);
        } else if roots.len() > 1 && single_kind != EntityKind::Organisation {
            // "Kim" next to "Kim Jong Un" and "Kim Il Sung Square": the place cannot be meant.
            roots.retain(|&root| {
                !matches!(
                    kind_before(root),
                    EntityKind::Place | EntityKind::Organisation
                )
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

    parent
}

/// Whether a name's words read as a place named after a larger one: a direction or size
/// word and the place ("south asia", "northern ireland", "greater london").
fn reads_as_place(words: &[&str]) -> bool {
    matches!(
        words,
        [
            "north"
                | "south"
                | "east"
                | "west"
                | "northern"
                | "southern"
                | "eastern"
                | "western"
                | "central"
                | "upper"
                | "lower"
                | "greater"
                | "new"
                | "old",
            _
        ]
    )
}

/// An entity before its variants and article ids are written out: enough to rank it.
#[derive(Debug)]
struct Draft {
    /// The union-find root of its spelling groups.
    root: usize,
    name: String,
    kind: EntityKind,
    mentions: usize,
    /// Positions of the articles naming it, sorted, deduplicated.
    positions: Vec<usize>,
    /// How many of those articles were read (all of them, as positions come from the texts).
    n_articles: usize,
}

fn draft_entity(
    root: usize,
    indexes: &[usize],
    groups: &[(String, Group)],
    texts: &StoryTexts<'_>,
) -> Draft {
    let mut votes: Votes = [0; 3];
    let mut mentions = 0;
    let mut positions = Vec::new();
    // A spelling belongs to one key, so the groups' lists never share one.
    let mut spellings: Vec<(&str, (usize, usize))> = Vec::new();
    for &index in indexes {
        let group = &groups[index].1;
        mentions += group.mentions;
        positions.extend_from_slice(&group.articles);
        for (total, vote) in votes.iter_mut().zip(group.votes) {
            *total += vote;
        }
        for (spelling, count) in &group.spellings {
            spellings.push((spelling, (group.n_words, *count)));
        }
    }
    positions.sort_unstable();
    positions.dedup();
    let mut kind = kind_of(votes);
    let longest = indexes
        .iter()
        .map(|&i| groups[i].1.n_words)
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
    let n_articles = positions
        .iter()
        .filter(|&&p| texts.article(p).is_some())
        .count();
    Draft {
        root,
        name,
        kind,
        mentions,
        positions,
        n_articles,
    }
}

/// Writes out a kept entity: its spellings (first twelve, sorted) and article ids.
fn finish_entity(
    draft: Draft,
    indexes: &[usize],
    groups: &[(String, Group)],
    texts: &StoryTexts<'_>,
) -> Entity {
    let mut variants: Vec<&str> = indexes
        .iter()
        .flat_map(|&index| groups[index].1.spellings.iter().map(|(s, _)| s.as_str()))
        .collect();
    variants.sort_unstable();
    variants.dedup();
    variants.truncate(12);
    Entity {
        name: draft.name,
        kind: draft.kind,
        variants: variants.into_iter().map(str::to_owned).collect(),
        mentions: draft.mentions,
        articles: draft
            .positions
            .iter()
            .filter_map(|&p| texts.article(p))
            .map(|t| t.id.to_owned())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(left: &str, right: &str, expected: bool) {
        assert_eq!(same_given_name(left, right), expected, "{left} / {right}");
    }

    #[test]
    fn transliterated_given_names() {
        check("sergei", "sergey", true);
        check("yuri", "yuriy", true);
        check("andrei", "andrey", true);
        check("john", "paul", false);
        check("ann", "ian", false);
    }

    #[test]
    fn names_meet_under_one_key() {
        assert_eq!(super::super::name_key("Kim  Jong-Un"), "kim jong un");
        assert_eq!(super::super::name_key("Kim Jong-un"), "kim jong un");
    }
}
