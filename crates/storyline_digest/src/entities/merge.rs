//! Merging spellings into entities: transliterations of a given name under one surname,
//! a surname alone into the one full name it fits, then ranking.
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

    let mut members: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for index in 0..groups.len() {
        let root = find_root(&mut parent, index);
        members.entry(root).or_default().push(index);
    }
    let mut roots: Vec<usize> = members.keys().copied().collect();
    roots.sort_unstable();
    let mut found = FoundEntities::default();
    // Each group's entity (its place in `found.names`) and kind, for the key lookup.
    let mut entity_of: Vec<Option<(usize, EntityKind)>> = vec![None; groups.len()];
    let mut drafts = Vec::new();
    for root in roots {
        let Some(indexes) = members.get(&root) else {
            continue;
        };
        let draft = draft_entity(root, indexes, &groups, texts);
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
            let indexes = members.get(&draft.root).map_or(&[][..], Vec::as_slice);
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
fn merge_spellings(groups: &[(String, Group)]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    // The words of each key ("kim jong un" → kim, jong, un).
    let words: Vec<Vec<&str>> = groups
        .iter()
        .map(|(key, _)| key.split(' ').collect())
        .collect();

    // Transliterations: same surname, same number of words, given names alike.
    let mut by_surname: FxHashMap<(&str, usize), Vec<usize>> = FxHashMap::default();
    for (index, words) in words.iter().enumerate() {
        if words.len() >= 2 {
            let surname = words.last().copied().unwrap_or("");
            by_surname
                .entry((surname, words.len()))
                .or_default()
                .push(index);
        }
    }
    let mut buckets: Vec<&Vec<usize>> = by_surname.values().collect();
    buckets.sort();
    for bucket in buckets {
        for (i, &left) in bucket.iter().enumerate() {
            for &right in &bucket[i + 1..] {
                let (left_words, right_words) = (&words[left], &words[right]);
                let n = left_words.len() - 1;
                if (0..n).all(|t| same_given_name(left_words[t], right_words[t])) {
                    let (a, b) = (find_root(&mut parent, left), find_root(&mut parent, right));
                    parent[b.max(a)] = a.min(b);
                }
            }
        }
    }

    // A single word joins the one full name it is the surname (or family name) of.
    let mut full_by_word: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (index, words) in words.iter().enumerate() {
        if words.len() >= 2 {
            for &word in [words.first(), words.last()].into_iter().flatten() {
                full_by_word.entry(word).or_default().push(index);
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
        if words[index].len() != 1 {
            continue;
        }
        // Acronyms ("UN") are not surnames, even when a name ends in "Un".
        if group.spellings.iter().any(|(s, _)| is_all_caps(s)) {
            continue;
        }
        let Some(candidates) = words[index].first().and_then(|word| full_by_word.get(word)) else {
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

    parent
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
