//! Copy families and their originals: verified [`Link`]s → one [`CopyEdge`] per copy.
//!
//! Links come from `verify.rs`; the edges are `find_copies`' result. A family is a connected
//! component of links. Every member is scored from evidence, the best-scoring member is the
//! original, and every other member gets one edge to it, with the evidence written out.
//!
//! Clues, each relative to the rest of the family (weights say how much we trust them):
//! * containment — a wire story inside a page that wraps it is the original, but a truncated
//!   copy (the start of a story, nothing in front) is a copy of the longer text;
//! * template filler removed by the cleaner (`DocFacts::n_template_filler`), with more weight
//!   than any other single clue: no newsroom writes it, only a content farm's template.
//!   Site furniture ("Advertisement", share prompts) is no clue: how many lines of it a page
//!   loses is its site's template, the original outlet's as much as a copier's. Counted as
//!   one (weight 1), it named the right original of 1,130 of the 1,619 copy edges found in a
//!   generated corpus whose answers are known (`storyline-gen 10000 42 --truth`, scored by
//!   `bench/copies/score.py`), and 1,544 without it;
//! * more words inside quotation marks — a rewrite turns direct quotes into reported
//!   speech and shortens the ones it keeps. Words, not quotations: a rewrite often splits
//!   one quotation in two (`quotes.rs`);
//! * more specifics (numbers, mid-sentence names) — copies drop details, rarely add them;
//! * the fuller side of a rewrite link: the one with more sentences that have no
//!   counterpart in the other inside the aligned story (a rewrite drops details and merges
//!   sentences). Counted from each side's first aligned sentence to its last, so that
//!   commentary a copier adds before or after the story does not make the copy fuller;
//! * in a family with a rewrite, typeset quote marks (‘ ’ “ ”) against plain ones (' ") —
//!   a rewrite is text typed again, by a person or a language model, while a newsroom's
//!   page sets its marks (`typography.rs`). Not for near-duplicates and exact copies: the
//!   same text passed through another site's layout takes that site's marks;
//! * earliest date — a clue, but a weak one: copied pages carry wrong or template datelines.
//!
//! Ties (e.g. exact copies with no other clue) go to the lowest `DocIdx`.

use rustc_hash::FxHashMap;
use storyline_core::{CopyEdge, CopyKind, DocIdx, Evidence};

use crate::sketch::Fingerprint;
use crate::typography::QuoteMarks;
use crate::verify::Link;
use crate::DocFacts;

const WEIGHT_CONTAINED: f64 = 2.0;
const WEIGHT_TEMPLATE_FILLER: f64 = 3.0;
const WEIGHT_QUOTES: f64 = 1.0;
const WEIGHT_DATE: f64 = 1.0;
const WEIGHT_SPECIFICS: f64 = 0.5;
const WEIGHT_TYPESET: f64 = 1.0;
const WEIGHT_FULLER: f64 = 0.75;

/// How much more of one side's sentences a rewrite link's alignment must cover than of the
/// other's before the other counts as the fuller text.
const COVERAGE_MARGIN: f64 = 0.1;

/// Quote marks and apostrophes a text needs before its style counts as a clue.
const MIN_QUOTE_MARKS: u32 = 3;

/// What the choice of an original reads of an article's fingerprint: its counts of quoted words
/// and specifics (kept in memory for every article; the fingerprints may be on disk).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct TextCounts {
    n_quoted_words: u32,
    n_numbers: u32,
    n_names: u32,
    marks: QuoteMarks,
}

impl TextCounts {
    pub(crate) fn of(fingerprint: &Fingerprint) -> TextCounts {
        TextCounts {
            n_quoted_words: fingerprint.n_quoted_words,
            n_numbers: fingerprint.n_numbers,
            n_names: fingerprint.n_names,
            marks: QuoteMarks {
                typeset: fingerprint.n_typeset_marks,
                plain: fingerprint.n_plain_marks,
            },
        }
    }
}

/// A verified link between two articles, `left < right`.
pub(crate) type Linked = (u32, u32, Link);

/// Groups `links` into families and emits one edge per non-original member, sorted by copy.
pub(crate) fn edges_from_links(
    links: &[Linked],
    counts: &[TextCounts],
    facts: &[DocFacts],
) -> Vec<CopyEdge> {
    let mut families = UnionFind::new(counts.len());
    for (left, right, _) in links {
        families.union(*left as usize, *right as usize);
    }
    let mut members_by_root: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    let mut link_between: FxHashMap<(u32, u32), usize> = FxHashMap::default();
    let mut links_of_doc: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    // Articles that containment evidence favours as originals (see `Nesting`).
    let mut contained = vec![false; counts.len()];
    // Per article, its rewrite links where it is the fuller side minus those where it is
    // the thinner one.
    let mut fuller: FxHashMap<usize, i32> = FxHashMap::default();
    for (at, (left, right, link)) in links.iter().enumerate() {
        link_between.insert((*left, *right), at);
        for doc in [*left as usize, *right as usize] {
            members_by_root
                .entry(families.find(doc))
                .or_default()
                .push(doc);
            links_of_doc.entry(doc).or_default().push(at);
        }
        if let Some(nesting) = link.nesting {
            let favoured = if nesting.favours_left() {
                *left
            } else {
                *right
            };
            contained[favoured as usize] = true;
        }
        if let (CopyKind::Rewrite, Some((left_coverage, right_coverage))) =
            (link.kind, link.span_coverage)
        {
            // The side whose sentences are covered less has more of its own.
            let sides = if right_coverage - left_coverage >= COVERAGE_MARGIN {
                Some((*left, *right))
            } else if left_coverage - right_coverage >= COVERAGE_MARGIN {
                Some((*right, *left))
            } else {
                None
            };
            if let Some((fuller_side, thinner_side)) = sides {
                *fuller.entry(fuller_side as usize).or_default() += 1;
                *fuller.entry(thinner_side as usize).or_default() -= 1;
            }
        }
    }
    let default_facts = DocFacts::default();
    let clues = |doc: usize| {
        let mut clues = Clues::of(doc, counts, facts.get(doc).unwrap_or(&default_facts));
        clues.fuller = fuller.get(&doc).copied().unwrap_or(0);
        clues
    };

    let mut edges = Vec::new();
    for members in members_by_root.values_mut() {
        members.sort_unstable();
        members.dedup();
        let family: Vec<Clues> = members.iter().map(|&doc| clues(doc)).collect();
        let family_contained: Vec<bool> = members.iter().map(|&doc| contained[doc]).collect();
        let latest_date = family.iter().filter_map(|clues| clues.date_days).max();
        let has_rewrite = members.iter().any(|doc| {
            links_of_doc.get(doc).is_some_and(|own| {
                own.iter()
                    .any(|&link_at| links[link_at].2.kind == CopyKind::Rewrite)
            })
        });
        let typography_tells = has_rewrite
            && family
                .iter()
                .any(|clues| clues.style() == Some(Typing::Typeset))
            && family
                .iter()
                .any(|clues| clues.style() == Some(Typing::Plain));
        let scores: Vec<f64> = (0..members.len())
            .map(|at| score(at, &family, &family_contained, typography_tells))
            .collect();
        // Highest score; ties to the first (lowest DocIdx, members are sorted).
        let mut original_at = 0;
        for at in 1..members.len() {
            if scores[at] > scores[original_at] + 1e-9 {
                original_at = at;
            }
        }
        let original = members[original_at];
        for (at, &copy) in members.iter().enumerate() {
            if copy == original {
                continue;
            }
            let direct = link_between
                .get(&(copy.min(original) as u32, copy.max(original) as u32))
                .copied();
            let own_links = links_of_doc
                .get(&copy)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let Some(link_at) = direct.or_else(|| strongest_link(own_links, links)) else {
                continue;
            };
            let (left, right, link) = &links[link_at];
            let mut measures = measures(link, *left as usize == copy, direct.is_some());
            if direct.is_none() {
                // The copy reaches the original only through another member; name it.
                let via = if *left as usize == copy {
                    *right
                } else {
                    *left
                };
                measures.push(("linked_via_doc".to_string(), f64::from(via)));
            }
            let containment_reason = match direct.and_then(|link_at| links[link_at].2.nesting) {
                Some(nesting) => {
                    let favoured = if nesting.favours_left() {
                        *left
                    } else {
                        *right
                    };
                    Some(match (favoured as usize == original, nesting.truncated) {
                        (true, true) => "copy is a truncated version of the original (the original goes on with the same story)",
                        (true, false) => "original is wrapped inside the copy (a longer page around the same text)",
                        (false, _) => "containment pointed at the copy as original, outweighed by the other evidence",
                    })
                }
                None if contained[original] && !contained[copy] => {
                    Some("containment in another family member marks the original")
                }
                None => None,
            };
            let fuller_reason = direct
                .and_then(|link_at| fuller_original(&links[link_at], original))
                .map(|(original_coverage, copy_coverage)| {
                    format!(
                        "original is the fuller text: the alignment covers {:.0}% of its \
                         sentences from the first aligned to the last, and {:.0}% of the \
                         copy's (a rewrite drops details)",
                        100.0 * original_coverage,
                        100.0 * copy_coverage
                    )
                });
            let mut origin = reasons(
                &family[original_at],
                &family[at],
                containment_reason,
                typography_tells,
                fuller_reason,
                latest_date,
            );
            origin.push(format!(
                "family of {} articles; original scored {:.2}, this copy {:.2}",
                members.len(),
                scores[original_at],
                scores[at]
            ));
            edges.push(CopyEdge {
                copy: DocIdx(copy as u32),
                original: DocIdx(original as u32),
                kind: link.kind,
                similarity: link.similarity,
                evidence: Evidence { measures, origin },
            });
        }
    }
    edges.sort_by_key(|edge| edge.copy);
    edges
}

/// The coverages (the original's, the copy's) of a rewrite link between `original` and
/// another article, when the original is its fuller side.
fn fuller_original(linked: &Linked, original: usize) -> Option<(f64, f64)> {
    let (left, _, link) = linked;
    let (left_coverage, right_coverage) = link
        .span_coverage
        .filter(|_| link.kind == CopyKind::Rewrite)?;
    let (original_coverage, copy_coverage) = if *left as usize == original {
        (left_coverage, right_coverage)
    } else {
        (right_coverage, left_coverage)
    };
    (copy_coverage - original_coverage >= COVERAGE_MARGIN)
        .then_some((original_coverage, copy_coverage))
}

/// The strongest of a member's links (exact > near-duplicate > rewrite, then by similarity,
/// then the earliest pair), used when it has no verified link to the original itself.
fn strongest_link(own_links: &[usize], links: &[Linked]) -> Option<usize> {
    own_links.iter().copied().min_by(|&a, &b| {
        let (a_link, b_link) = (&links[a].2, &links[b].2);
        a_link
            .kind
            .cmp(&b_link.kind)
            .then(b_link.similarity.total_cmp(&a_link.similarity))
            .then((links[a].0, links[a].1).cmp(&(links[b].0, links[b].1)))
    })
}

/// The clues of one family member.
#[derive(Debug, Clone, PartialEq)]
struct Clues {
    template_filler: u32,
    quoted_words: u32,
    specifics: u32,
    date_days: Option<i32>,
    marks: QuoteMarks,
    /// Rewrite links where the member is the fuller side, minus those where it is the
    /// thinner one.
    fuller: i32,
}

/// How a text's quote marks and apostrophes were typed, when it has enough of them and
/// four in five or more are of one style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Typing {
    Typeset,
    Plain,
}

impl Typing {
    fn of(marks: QuoteMarks) -> Option<Typing> {
        let QuoteMarks { typeset, plain } = marks;
        if typeset.saturating_add(plain) < MIN_QUOTE_MARKS {
            None
        } else if typeset >= plain.saturating_mul(4) {
            Some(Typing::Typeset)
        } else if plain >= typeset.saturating_mul(4) {
            Some(Typing::Plain)
        } else {
            None
        }
    }
}

impl Clues {
    /// How the member's quote marks were typed, when that tells.
    fn style(&self) -> Option<Typing> {
        Typing::of(self.marks)
    }

    fn of(doc: usize, counts: &[TextCounts], facts: &DocFacts) -> Self {
        let counts = counts.get(doc).copied().unwrap_or_default();
        Clues {
            template_filler: facts.n_template_filler,
            quoted_words: counts.n_quoted_words,
            specifics: counts.n_numbers.saturating_add(counts.n_names),
            date_days: facts.date_days,
            marks: counts.marks,
            fuller: 0,
        }
    }
}

/// Score of member `at`: each clue adds its weight times how far the member is from the
/// family's worst towards its best on that clue (0 when the family agrees). A typeset
/// member scores when `typography_tells` (a rewrite family with typeset and plain members).
fn score(at: usize, family: &[Clues], contained: &[bool], typography_tells: bool) -> f64 {
    let member = &family[at];
    let spread = |value: fn(&Clues) -> f64| -> f64 {
        let (low, high) = family
            .iter()
            .map(value)
            .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
        if high > low {
            (value(member) - low) / (high - low)
        } else {
            0.0
        }
    };
    let mut score = 0.0;
    if contained[at] {
        score += WEIGHT_CONTAINED;
    }
    if typography_tells && member.style() == Some(Typing::Typeset) {
        score += WEIGHT_TYPESET;
    }
    score -= WEIGHT_TEMPLATE_FILLER * spread(|clues| f64::from(clues.template_filler));
    score += WEIGHT_QUOTES * spread(|clues| f64::from(clues.quoted_words));
    score += WEIGHT_SPECIFICS * spread(|clues| f64::from(clues.specifics));
    score += WEIGHT_FULLER * spread(|clues| f64::from(clues.fuller));
    if let Some(date) = member.date_days {
        let dates = family.iter().filter_map(|clues| clues.date_days);
        let (earliest, latest) =
            dates.fold((i32::MAX, i32::MIN), |(lo, hi), d| (lo.min(d), hi.max(d)));
        if latest > earliest {
            score += WEIGHT_DATE * f64::from(latest - date) / f64::from(latest - earliest);
        }
    }
    score
}

/// Human sentences on why `original` beats `copy`, strongest clue first; `latest_date` is the
/// latest date of any member of their family.
fn reasons(
    original: &Clues,
    copy: &Clues,
    containment: Option<&str>,
    typography_tells: bool,
    fuller: Option<String>,
    latest_date: Option<i32>,
) -> Vec<String> {
    let mut reasons: Vec<String> = containment.map(str::to_string).into_iter().collect();
    if copy.template_filler > original.template_filler {
        let plural = if copy.template_filler == 1 { "" } else { "s" };
        reasons.push(format!(
            "copy carries template filler text ({} passage{plural}), original {}: no newsroom \
             writes it",
            copy.template_filler, original.template_filler
        ));
    }
    if typography_tells
        && original.style() == Some(Typing::Typeset)
        && copy.style() == Some(Typing::Plain)
    {
        reasons.push(format!(
            "original's quote marks are typeset (‘ ’ “ ”: {}), the copy's plain (' \": {}): in \
             a family with a rewrite, plain marks are text typed again",
            original.marks.typeset, copy.marks.plain
        ));
    }
    if original.quoted_words > copy.quoted_words {
        reasons.push(format!(
            "original has more words in quotation marks ({} vs {}): copies turn quotes into \
             reported speech",
            original.quoted_words, copy.quoted_words
        ));
    }
    reasons.extend(fuller);
    match (original.date_days, copy.date_days) {
        (Some(original_date), Some(copy_date)) if original_date < copy_date => {
            reasons.push(format!(
                "original dated {}, copy {}",
                format_date(original_date),
                format_date(copy_date)
            ))
        }
        (Some(original_date), Some(copy_date)) if original_date > copy_date => {
            reasons.push(format!(
                "copy dated earlier ({} vs {}), outweighed by the other evidence",
                format_date(copy_date),
                format_date(original_date)
            ))
        }
        // The original's date scored (an earlier date than another member's), and the copy
        // has none to weigh against it.
        (Some(original_date), None) if latest_date.is_some_and(|latest| original_date < latest) => {
            reasons.push(format!(
                "original dated {}, earlier than other members; the copy undated",
                format_date(original_date)
            ))
        }
        _ => {}
    }
    if original.specifics > copy.specifics {
        reasons.push(format!(
            "original has more specifics (numbers, names): {} vs {}",
            original.specifics, copy.specifics
        ));
    }
    if reasons.is_empty() {
        reasons.push(
            "no evidence tells them apart; the earliest input is taken as the original".to_string(),
        );
    }
    reasons
}

/// The link's similarity measures, rounded for readable output; sentence coverages are named
/// by side (the copy's, and the original's or the linked member's).
fn measures(link: &Link, copy_is_left: bool, direct: bool) -> Vec<(String, f64)> {
    let mut measures = vec![
        ("shingle_jaccard".to_string(), round(link.shingle_jaccard)),
        ("containment".to_string(), round(link.containment)),
        ("content_jaccard".to_string(), round(link.content_jaccard)),
    ];
    if let Some((left, right)) = link.coverage {
        let (copy, other) = if copy_is_left {
            (left, right)
        } else {
            (right, left)
        };
        let other_name = if direct {
            "sentence_coverage_original"
        } else {
            "sentence_coverage_linked"
        };
        measures.push(("sentence_coverage_copy".to_string(), round(copy)));
        measures.push((other_name.to_string(), round(other)));
        measures.push(("aligned_sentences".to_string(), link.n_aligned as f64));
    }
    measures
}

fn round(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

/// Days since 1970-01-01 → "YYYY-MM-DD" (proleptic Gregorian, H. Hinnant's civil_from_days).
pub(crate) fn format_date(days: i32) -> String {
    let z = i64::from(days) + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Disjoint sets with path halving; iterative, so no recursion depth to blow.
#[derive(Debug)]
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        Self {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the sets of `a` and `b`; the lower root wins, so roots do not depend on order.
    fn union(&mut self, a: usize, b: usize) {
        let (root_a, root_b) = (self.find(a), self.find(b));
        let (low, high) = (root_a.min(root_b), root_a.max(root_b));
        self.parent[high] = low;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests_support::{CONTAINING_PAGE, EDITED, INDEPENDENT, PARAPHRASE, WIRE};
    use crate::{find_copies, fingerprint, MatchConfig};
    use storyline_core::CopyKind;

    /// Runs `find_copies` on `(text, facts)` articles and compares `(copy, original, kind)`.
    fn check(input: &[(&str, DocFacts)], expected: &[(u32, u32, CopyKind)]) {
        let config = MatchConfig::default();
        let fingerprints: Vec<Fingerprint> = input
            .iter()
            .map(|(text, _)| fingerprint(text, &config))
            .collect();
        let facts: Vec<DocFacts> = input.iter().map(|(_, facts)| facts.clone()).collect();
        let found: Vec<(u32, u32, CopyKind)> = find_copies(&fingerprints, &facts, &config)
            .iter()
            .map(|edge| (edge.copy.0, edge.original.0, edge.kind))
            .collect();
        assert_eq!(found, expected);
    }

    fn dated(days: i32) -> DocFacts {
        DocFacts {
            date_days: Some(days),
            ..DocFacts::default()
        }
    }

    #[test]
    fn originals() {
        let none = DocFacts::default;
        // Exact copies: the earlier date wins; with no clue, the lowest index.
        check(
            &[(WIRE, dated(20)), (WIRE, dated(10))],
            &[(0, 1, CopyKind::Exact)],
        );
        check(
            &[(WIRE, none()), (WIRE, none())],
            &[(1, 0, CopyKind::Exact)],
        );
        // The wrapped wire story is the original, even when the page is dated earlier.
        check(
            &[(CONTAINING_PAGE, dated(10)), (WIRE, dated(11))],
            &[(0, 1, CopyKind::NearDuplicate)],
        );
        // The paraphrase lost the quote and carries template filler; an earlier date does
        // not save it.
        check(
            &[
                (
                    PARAPHRASE,
                    DocFacts {
                        date_days: Some(1),
                        n_template_filler: 1,
                    },
                ),
                (WIRE, dated(500)),
            ],
            &[(0, 1, CopyKind::Rewrite)],
        );
        // A truncated copy (the first half of the story) points at the whole story.
        let half: String = WIRE.lines().take(4).collect::<Vec<_>>().join("\n");
        check(
            &[(&half, none()), (WIRE, none())],
            &[(0, 1, CopyKind::NearDuplicate)],
        );
        // Independent report stays out; the edited copy joins the family.
        check(
            &[
                (INDEPENDENT, none()),
                (EDITED, dated(11)),
                (WIRE, dated(10)),
            ],
            &[(1, 2, CopyKind::NearDuplicate)],
        );
    }

    #[test]
    fn template_filler_outweighs_an_earlier_date_and_more_specifics() {
        // The copy is dated earlier, quotes as often and names more; it also ended in
        // template filler, which no newsroom writes.
        let copy = format!(
            "{PARAPHRASE}\n\"We moved 12 boats, 3 buses and 40 crew,\" Markov told Kelburn radio."
        );
        check(
            &[
                (
                    &copy,
                    DocFacts {
                        date_days: Some(1),
                        n_template_filler: 1,
                    },
                ),
                (WIRE, dated(3)),
            ],
            &[(0, 1, CopyKind::Rewrite)],
        );
    }

    /// `text` as a publisher's page sets it: curly quotes and apostrophes.
    fn typeset(text: &str) -> String {
        let mut open = false;
        text.chars()
            .map(|c| match c {
                '"' => {
                    open = !open;
                    if open {
                        '“'
                    } else {
                        '”'
                    }
                }
                '\'' => '’',
                other => other,
            })
            .collect()
    }

    #[test]
    fn typeset_marks_tell_the_original_of_a_rewrite_not_of_a_near_duplicate() {
        let aside = "The governor's office said the town's two shelters were already full.";
        // The rewrite keeps the quote and names as much as the wire story, and comes first
        // in the input: no other clue tells them apart. Its marks are plain, the page's
        // typeset.
        let rewrite = format!(
            "{PARAPHRASE}\n\"We have never seen the water climb this fast,\" Markov told reporters.\n{aside}"
        );
        let page = typeset(&format!("{WIRE}\n{aside}"));
        let none = DocFacts::default;
        check(
            &[(&rewrite, none()), (&page, none())],
            &[(0, 1, CopyKind::Rewrite)],
        );
        // The same page with plain marks: nothing tells them apart, the first input wins.
        check(
            &[(&rewrite, none()), (&format!("{WIRE}\n{aside}"), none())],
            &[(1, 0, CopyKind::Rewrite)],
        );
        // A near-duplicate takes the marks of the site that shows it: no clue there.
        let edited = format!("{EDITED}\n{aside}");
        check(
            &[(&edited, none()), (&page, none())],
            &[(1, 0, CopyKind::NearDuplicate)],
        );
    }

    #[test]
    fn a_quotation_split_in_two_is_not_more_quoting() {
        // The rewrite comes first and keeps every fact; it cuts the governor's quotation in
        // two pieces, five words of the wire story's nine: the wire story quotes more.
        let split = "Markov said the river had done something \"never seen before,\" adding that \
                     the water rose \"this fast.\"";
        let rewrite: Vec<&str> = PARAPHRASE
            .lines()
            .map(|line| {
                if line.starts_with("Speaking at") {
                    split
                } else {
                    line
                }
            })
            .collect();
        let none = DocFacts::default;
        check(
            &[(&rewrite.join("\n"), none()), (WIRE, none())],
            &[(0, 1, CopyKind::Rewrite)],
        );
    }

    #[test]
    fn the_fuller_side_of_a_rewrite_outweighs_an_earlier_date() {
        // A rewrite that keeps the quote but drops two sentences from the middle of the
        // story, dated a day before the wire story: the date points at it, the sentences it
        // lacks (and the specifics in them) at the wire story.
        let quote = "\"We have never seen the water climb this fast,\" Markov told reporters.";
        let rewrite: Vec<&str> = PARAPHRASE
            .lines()
            .enumerate()
            .filter(|&(at, _)| at != 2 && at != 4)
            .map(|(_, line)| {
                if line.starts_with("Speaking at") {
                    quote
                } else {
                    line
                }
            })
            .collect();
        check(
            &[(&rewrite.join("\n"), dated(10)), (WIRE, dated(11))],
            &[(0, 1, CopyKind::Rewrite)],
        );
    }

    #[test]
    fn evidence_is_written() {
        let config = MatchConfig::default();
        let fingerprints = [fingerprint(PARAPHRASE, &config), fingerprint(WIRE, &config)];
        let filler = DocFacts {
            n_template_filler: 1,
            ..DocFacts::default()
        };
        let edges = find_copies(&fingerprints, &[filler, DocFacts::default()], &config);
        let origin = edges
            .first()
            .map(|edge| edge.evidence.origin.join(" | "))
            .unwrap_or_default();
        assert!(
            origin.contains("filler") && origin.contains("quotation marks"),
            "{origin}"
        );
    }

    #[test]
    fn an_undated_copy_is_told_what_the_date_decided() {
        // Three exact copies: two dated, one not. The earlier dated one is the original,
        // and the undated copy's evidence says so instead of "no evidence".
        let config = MatchConfig::default();
        let fingerprints = [
            fingerprint(WIRE, &config),
            fingerprint(WIRE, &config),
            fingerprint(WIRE, &config),
        ];
        let facts = [DocFacts::default(), dated(20), dated(10)];
        let edges = find_copies(&fingerprints, &facts, &config);
        let undated = edges
            .iter()
            .find(|edge| edge.copy.0 == 0)
            .map(|edge| (edge.original.0, edge.evidence.origin.join(" | ")));
        let (original, origin) = undated.unwrap_or_default();
        assert_eq!(original, 2);
        assert!(
            origin.contains(
                "original dated 1970-01-11, earlier than other members; the copy undated"
            ),
            "{origin}"
        );
        // The original dated, the copy not, and no other date: the date decides nothing (the
        // lower index does), and is not given as a reason.
        let edges = find_copies(
            &fingerprints[..2],
            &[dated(10), DocFacts::default()],
            &config,
        );
        let lone = edges
            .first()
            .map(|edge| (edge.copy.0, edge.evidence.origin.join(" | ")));
        let (copy, origin) = lone.unwrap_or_default();
        assert_eq!(copy, 1);
        assert!(!origin.contains("dated"), "{origin}");
    }

    #[test]
    fn dates() {
        assert_eq!(format_date(0), "1970-01-01");
        assert_eq!(format_date(19_892), "2024-06-18");
        assert_eq!(format_date(-1), "1969-12-31");
    }
}
