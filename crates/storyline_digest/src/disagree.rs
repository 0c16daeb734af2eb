//! Disagreements: facts on which a story's articles give different values.
//!
//! [`find_disagreements`] collects, per article, facts of three kinds: the event date (the
//! first date near the top, from [`StoryDates`]), numbers with a role (ages "Reid, 33",
//! counts "killed 12 people", money with a purpose "bail of $5 million", magnitudes) and
//! names in a role ("defense minister X"). Names are compared through the entity pass, so
//! spelling variants of one name never disagree. Copies are listed but marked, and each
//! value counts its independent (non-copy) support.

use rustc_hash::FxHashMap;

use crate::dates::{DateValue, StoryDates};
use crate::entities::FoundEntities;
use crate::text::{ArticleText, StoryTexts};
use crate::{Disagreement, DisagreementKind, DisagreementValue, EntityKind};

mod numbers;
mod roles;
use numbers::numbers_in;
pub(crate) use roles::fact_words;
use roles::role_name_facts;

/// A fact one article states: what it is about and the value it gives.
#[derive(Debug, Clone, PartialEq)]
struct Fact {
    kind: DisagreementKind,
    about: String,
    value: FactValue,
    position: usize,
}

#[derive(Debug, Clone, PartialEq)]
enum FactValue {
    Date(DateValue),
    /// A number (compared by value) with the text it is shown as.
    Number(f64, String),
    /// A name, compared by its merged entity name.
    Name(String),
}

impl FactValue {
    fn agrees_with(&self, other: &FactValue) -> bool {
        match (self, other) {
            // Dates a day or two apart are publication lag and time zones, not a dispute.
            (FactValue::Date(DateValue::Full(a)), FactValue::Date(DateValue::Full(b))) => {
                (a - b).abs() <= DATE_TOLERANCE_DAYS
            }
            (FactValue::Date(a), FactValue::Date(b)) => a.agrees_with(*b),
            (FactValue::Number(a, _), FactValue::Number(b, _)) => (a - b).abs() < 1e-9,
            (FactValue::Name(a), FactValue::Name(b)) => a == b,
            _ => false,
        }
    }

    fn label(&self) -> String {
        match self {
            FactValue::Date(date) => date.to_string(),
            FactValue::Number(_, shown) => shown.clone(),
            FactValue::Name(name) => name.clone(),
        }
    }
}

/// Event dates this many days apart still agree.
const DATE_TOLERANCE_DAYS: i64 = 2;

/// At most this many disagreements are reported per story.
const MAX_DISAGREEMENTS: usize = 20;

pub(crate) fn find_disagreements(
    texts: &StoryTexts<'_>,
    dates: &StoryDates,
    entities: &FoundEntities,
) -> Vec<Disagreement> {
    // One article cannot disagree with itself.
    if texts.articles.len() < 2 {
        return Vec::new();
    }
    let mut facts: Vec<Fact> = dates
        .leads
        .iter()
        .map(|&(position, value)| Fact {
            kind: DisagreementKind::Date,
            about: "event date".to_owned(),
            value: FactValue::Date(value),
            position,
        })
        .collect();
    for article in &texts.articles {
        number_facts(article, entities, &mut facts);
        role_name_facts(article, entities, &mut facts);
    }
    let mut by_about: FxHashMap<(DisagreementKind, String), Vec<Fact>> = FxHashMap::default();
    for fact in facts {
        by_about
            .entry((fact.kind, fact.about.clone()))
            .or_default()
            .push(fact);
    }
    let mut disagreements: Vec<Disagreement> = by_about
        .into_iter()
        .filter_map(|((kind, about), facts)| compare(kind, about, facts, texts))
        .collect();
    disagreements.sort_by(|a, b| {
        let total = |d: &Disagreement| d.values.iter().map(|v| v.articles.len()).sum::<usize>();
        a.kind
            .cmp(&b.kind)
            .then_with(|| total(b).cmp(&total(a)))
            .then_with(|| a.about.cmp(&b.about))
    });
    disagreements.truncate(MAX_DISAGREEMENTS);
    disagreements
}

/// Groups the values of one fact; a disagreement needs two values that do not agree,
/// each from a different article, and no article giving two values (then the "fact" is
/// really several facts, such as a list of ministers).
fn compare(
    kind: DisagreementKind,
    about: String,
    facts: Vec<Fact>,
    texts: &StoryTexts<'_>,
) -> Option<Disagreement> {
    let mut values: Vec<(FactValue, Vec<usize>)> = Vec::new();
    for fact in facts {
        match values
            .iter_mut()
            .find(|(value, _)| value.agrees_with(&fact.value))
        {
            Some((value, positions)) => {
                // A full date is more informative than a partial one that agrees with it.
                if matches!(
                    (&*value, &fact.value),
                    (
                        FactValue::Date(DateValue::Partial { .. }),
                        FactValue::Date(DateValue::Full(_))
                    )
                ) {
                    *value = fact.value.clone();
                }
                if !positions.contains(&fact.position) {
                    positions.push(fact.position);
                }
            }
            None => values.push((fact.value, vec![fact.position])),
        }
    }
    if values.len() < 2 {
        return None;
    }
    let mut all_positions: Vec<usize> =
        values.iter().flat_map(|(_, p)| p.iter().copied()).collect();
    let before = all_positions.len();
    all_positions.sort_unstable();
    all_positions.dedup();
    if all_positions.len() != before && kind != DisagreementKind::Date {
        return None;
    }
    let article = |position: usize| texts.article(position);
    let mut out: Vec<DisagreementValue> = values
        .into_iter()
        .map(|(value, mut positions)| {
            positions.sort_unstable();
            let articles: Vec<_> = positions.iter().filter_map(|&p| article(p)).collect();
            DisagreementValue {
                value: value.label(),
                articles: articles.iter().map(|a| a.id.to_owned()).collect(),
                copies: articles
                    .iter()
                    .filter(|a| a.is_copy)
                    .map(|a| a.id.to_owned())
                    .collect(),
                independent: articles.iter().filter(|a| !a.is_copy).count(),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.independent
            .cmp(&a.independent)
            .then_with(|| b.articles.len().cmp(&a.articles.len()))
            .then_with(|| a.value.cmp(&b.value))
    });
    Some(Disagreement {
        kind,
        about,
        values: out,
    })
}

/// Lower-cased words in the `n` words before and after a byte range, from the article's
/// words (sorted by offset).
fn context(
    words: &[(usize, &str)],
    from: usize,
    start: usize,
    end: usize,
    n: usize,
) -> (Vec<String>, Vec<String>) {
    let first_at = words_before(words, from, start);
    let first_after = words_before(words, from, end);
    let before = words[..first_at]
        .iter()
        .rev()
        .take(n)
        .map(|(_, w)| w.to_lowercase())
        .collect();
    let after = words[first_after..]
        .iter()
        .take(n)
        .map(|(_, w)| w.to_lowercase())
        .collect();
    (before, after)
}

/// The word right after a byte offset, if any; `from` is a word starting at or before it.
fn word_after<'t>(words: &[(usize, &'t str)], from: usize, end: usize) -> Option<&'t str> {
    words
        .get(words_before(words, from, end))
        .map(|&(_, word)| word)
}

/// How many words start before byte `offset` (as `words.partition_point`), counted on
/// from word `from`, which starts at or before it: a number's neighbours are a word or two
/// from its own, and a search of the whole article missed the cache at every step.
fn words_before(words: &[(usize, &str)], from: usize, offset: usize) -> usize {
    let from = from.min(words.len());
    from + words[from..]
        .iter()
        .take_while(|&&(start, _)| start < offset)
        .count()
}

/// Whether a number could start a fact, judged from its neighbours without allocating:
/// most numbers in news (years, days, scores) are none of these.
fn may_be_fact(
    gap_before: &str,
    gap_after: &str,
    next: Option<&str>,
    previous: Option<&str>,
) -> bool {
    gap_before == ", "
        || gap_before.ends_with(['$', '€', '£'])
        || gap_after.starts_with("-m")
        || previous.is_some_and(|w| w.eq_ignore_ascii_case("magnitude"))
        || next.is_some_and(|w| {
            let bytes = w.as_bytes();
            // The word lower-cased on the stack: every word asked about below is shorter.
            let mut buffer = [0_u8; 16];
            let lower = buffer.get_mut(..bytes.len()).and_then(|slot| {
                slot.copy_from_slice(bytes);
                slot.make_ascii_lowercase();
                std::str::from_utf8(slot).ok()
            });
            bytes
                .get(..9)
                .is_some_and(|prefix| prefix.eq_ignore_ascii_case(b"magnitude"))
                || lower.is_some_and(|w| is_people_noun(w) || casualty_role(w).is_some())
        })
}

trait FloorCharBoundary {
    fn floor_char_boundary_compat(&self, index: usize) -> usize;
}

impl FloorCharBoundary for str {
    fn floor_char_boundary_compat(&self, index: usize) -> usize {
        let mut index = index.min(self.len());
        while !self.is_char_boundary(index) {
            index -= 1;
        }
        index
    }
}

/// Words between a verb and the number it counts ("killed at least 10", "injured more than
/// 20", "left an estimated 300").
fn is_count_qualifier(word: &str) -> bool {
    matches!(
        word,
        "at" | "least"
            | "more"
            | "than"
            | "nearly"
            | "almost"
            | "about"
            | "around"
            | "roughly"
            | "some"
            | "over"
            | "up"
            | "to"
            | "an"
            | "estimated"
    )
}

/// Whether a word before a count reads as a verb that takes it as its object ("shot",
/// "stabbing", "held"): a past or present participle, or a common irregular verb.
fn is_verb_form(word: &str) -> bool {
    (word.len() > 4 && (word.ends_with("ed") || word.ends_with("ing")))
        || matches!(
            word,
            "shot" | "shoots" | "hit" | "hits" | "struck" | "held" | "took" | "left" | "sent"
        )
}

fn casualty_role(word: &str) -> Option<&'static str> {
    Some(match word {
        "killed" | "dead" | "died" | "deaths" | "dies" | "killing" => "people killed",
        "injured" | "wounded" | "hurt" | "injuring" | "wounding" => "people injured",
        "arrested" | "detained" => "people arrested",
        "missing" => "people missing",
        "rescued" => "people rescued",
        "evacuated" => "people evacuated",
        _ => return None,
    })
}

fn is_people_noun(word: &str) -> bool {
    matches!(
        word,
        "people"
            | "persons"
            | "victims"
            | "civilians"
            | "soldiers"
            | "children"
            | "students"
            | "passengers"
            | "residents"
            | "others"
            | "men"
            | "women"
            | "workers"
            | "officers"
            | "troops"
            | "militants"
            | "patients"
            | "migrants"
            | "protesters"
            | "fans"
    )
}

fn money_purpose(word: &str) -> bool {
    matches!(
        word,
        "bail"
            | "fine"
            | "ransom"
            | "reward"
            | "settlement"
            | "damages"
            | "bond"
            | "salary"
            | "contract"
            | "deal"
            | "loan"
            | "budget"
            | "price"
            | "bid"
            | "sale"
            | "acquisition"
    )
}

fn scale_word(word: &str) -> Option<f64> {
    match word {
        "thousand" => Some(1e3),
        "million" | "mln" | "m" => Some(1e6),
        "billion" | "bn" | "b" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

fn number_facts(article: &ArticleText<'_>, entities: &FoundEntities, facts: &mut Vec<Fact>) {
    let (text, words, position) = (article.text, &article.words[..], article.position);
    for number in numbers_in(article) {
        let gap_before = text
            .get(number.start.saturating_sub(2)..number.start)
            .unwrap_or("");
        let gap_after = text
            .get(number.end..(number.end + 2).min(text.len()))
            .unwrap_or("");
        let previous = words[..words_before(words, number.token, number.start)]
            .last()
            .map(|&(_, w)| w);
        if !may_be_fact(
            gap_before,
            gap_after,
            word_after(words, number.token, number.end),
            previous,
        ) {
            continue;
        }
        let (before, after) = context(words, number.token, number.start, number.end, 4);
        let mut push = |about: String, value: f64, shown: String| {
            facts.push(Fact {
                kind: crate::DisagreementKind::Number,
                about,
                value: FactValue::Number(value, shown),
                position,
            });
        };
        // Age: "Tara Reid, 33," — a person's name, a comma, a small number, a comma.
        if gap_before == ", "
            && gap_after.starts_with(',')
            && (1.0..120.0).contains(&number.value)
            && number.value.fract() == 0.0
        {
            let name_end = number.start - 2;
            let name_start = text.floor_char_boundary_compat(name_end.saturating_sub(60));
            let name_words: Vec<&str> =
                crate::text::words(text.get(name_start..name_end).unwrap_or(""))
                    .into_iter()
                    .rev()
                    .take_while(|(_, w)| w.starts_with(char::is_uppercase))
                    .map(|(_, w)| w)
                    .collect();
            if let Some(surname) = name_words.first() {
                let full: Vec<&str> = name_words.iter().rev().copied().collect();
                if let Some((name, EntityKind::Person | EntityKind::Other)) = entities
                    .canonical(&full.join(" "))
                    .or_else(|| entities.canonical(surname))
                {
                    push(
                        format!("age of {name}"),
                        number.value,
                        number.shown.to_owned(),
                    );
                }
            }
            continue;
        }
        let next = after.first().map(String::as_str);
        // Money: "$5 million" with a purpose word near it ("bail", "ransom").
        if gap_before.ends_with(['$', '€', '£']) {
            let scale = next.and_then(scale_word).unwrap_or(1.0);
            if before.iter().chain(after.iter()).any(|w| money_purpose(w)) {
                let purpose = before
                    .iter()
                    .chain(after.iter())
                    .find(|w| money_purpose(w))
                    .cloned()
                    .unwrap_or_default();
                let symbol = gap_before.chars().last().unwrap_or('$');
                let shown = match next.filter(|w| scale_word(w).is_some()) {
                    Some(word) => format!("{symbol}{} {word}", number.shown),
                    None => format!("{symbol}{}", number.shown),
                };
                push(format!("amount of {purpose}"), number.value * scale, shown);
            }
            continue;
        }
        // Magnitude of an earthquake: "magnitude 6.1", "6.1-magnitude", "6.1 magnitude".
        if before.first().is_some_and(|w| w == "magnitude")
            || next.is_some_and(|w| w == "magnitude" || w.starts_with("magnitude"))
            || gap_after.starts_with("-m")
        {
            if (1.0..10.0).contains(&number.value) {
                push(
                    "magnitude".to_owned(),
                    number.value,
                    number.shown.to_owned(),
                );
            }
            continue;
        }
        // Counts of people: "killed 12 people", "killing at least 12 people", "12 people were
        // killed", "12 dead". The verb before the number, past its qualifiers, comes first:
        // in "killing at least 10 people, injuring dozens more" the 10 were killed.
        let verb_before = before
            .iter()
            .map(String::as_str)
            .find(|word| !is_count_qualifier(word));
        let role = match (verb_before, next) {
            (Some(verb), Some(noun)) if is_people_noun(noun) && casualty_role(verb).is_some() => {
                casualty_role(verb)
            }
            (_, Some(word)) if casualty_role(word).is_some() => casualty_role(word),
            // "shot three people, killing one": the three are what the verb before did, and
            // the verb after counts someone else.
            (Some(verb), Some(noun)) if is_people_noun(noun) && is_verb_form(verb) => None,
            (_, Some(noun)) if is_people_noun(noun) => {
                after.iter().skip(1).take(3).find_map(|w| casualty_role(w))
            }
            _ => None,
        };
        if let Some(role) = role {
            let shown = if number.value.fract() == 0.0 {
                format!("{}", number.value as i64)
            } else {
                number.shown.to_owned()
            };
            push(role.to_owned(), number.value, shown);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::ArticleText;

    /// Finds the disagreements of articles a, b, c… (c is a copy) and prints them as
    /// `about: value[ids]; value[ids]`.
    fn check(texts: &[&'static str], expected: &[&str]) {
        let story = StoryTexts {
            articles: texts
                .iter()
                .enumerate()
                .map(|(position, text)| {
                    ArticleText::new(
                        position,
                        ["a", "b", "c", "d"][position % 4],
                        position == 2,
                        "unknown".to_owned(),
                        text,
                    )
                })
                .collect(),
        };
        let entities = crate::entities::find_entities(&story, 40);
        let dates = StoryDates::default();
        let found: Vec<String> = find_disagreements(&story, &dates, &entities)
            .iter()
            .map(|d| {
                let values: Vec<String> = d
                    .values
                    .iter()
                    .map(|v| format!("{}[{}]", v.value, v.articles.join(",")))
                    .collect();
                format!("{}: {}", d.about, values.join("; "))
            })
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn ages_and_counts() {
        check(
            &[
                "Actress Tara Reid, 33, entered rehab. The fire killed 12 people.",
                "Tara Reid, 32, checked in. At least 14 people were killed in the fire.",
                "Reid, 33, said nothing. The fire killed 12 people.",
            ],
            &[
                "age of Tara Reid: 33[a,c]; 32[b]",
                "people killed: 12[a,c]; 14[b]",
            ],
        );
    }

    #[test]
    fn the_verb_before_a_count_wins() {
        // "shot three people, killing one": nobody counts three killed.
        check(
            &[
                "A gunman shot three people, killing one, police said.",
                "Two people were killed in the attack.",
            ],
            &[],
        );
        // "killing at least 10 people, injuring dozens more": the 10 were killed, and the
        // articles agree on it.
        check(
            &[
                "The quake hit the island, killing at least 10 people, injuring dozens more.",
                "The earthquake killed 10 people on the island, and 80 people were injured.",
            ],
            &[],
        );
    }

    #[test]
    fn names_in_one_role() {
        check(
            &[
                "He brought defense minister Andrei Belousov along.",
                "He brought Defence Minister Andrey Belousov along.",
                "He brought defense minister Sergei Shoigu along.",
            ],
            &["defense minister: Andrei Belousov[a,b]; Sergei Shoigu[c]"],
        );
    }

    #[test]
    fn agreeing_articles_do_not_disagree() {
        check(
            &[
                "A quake of magnitude 6.1 hit.",
                "The 6.1-magnitude quake hit.",
            ],
            &[],
        );
    }

    #[test]
    fn words_before_counts_as_a_search() {
        let words = crate::text::words("Bail of 1,000 was set, 12 days ago.");
        for from in 0..words.len() {
            for offset in words[from].0..40 {
                let expected = words.partition_point(|&(start, _)| start < offset);
                assert_eq!(
                    words_before(&words, from, offset),
                    expected,
                    "{from} {offset}"
                );
            }
        }
    }

    #[test]
    fn money_needs_a_purpose() {
        check(
            &[
                "Bail was set at $5 million.",
                "Bail was set at $2 million.",
                "He earned $9 million.",
            ],
            &["amount of bail: $2 million[b]; $5 million[a]"],
        );
    }
}
