//! The summary: 3–5 sentences taken verbatim from the story's original articles.
//!
//! [`summarise`] scores each candidate sentence by its similarity to the story's centroid
//! (how many of the story's original articles use each of its content words), then picks
//! sentences greedily by maximal marginal relevance: central, not redundant with a sentence
//! already picked (content-word Jaccard below [`MAX_OVERLAP`]), and spread over sources
//! and articles. Copies (articles that are the `copy` end of an edge) are never quoted:
//! they do not confirm anything independently.

use rustc_hash::FxHashMap;

use crate::text::{jaccard, StoryTexts, Term};

mod counts;
use crate::SummarySentence;
use counts::{with_counts, TermCounts};

/// Two summary sentences never share more than this share of their content words.
pub(crate) const MAX_OVERLAP: f64 = 0.35;

/// Sentences further into an article than this are not considered.
const MAX_SENTENCES_PER_ARTICLE: usize = 40;

/// Weight of centrality against redundancy in the greedy pick.
const RELEVANCE_WEIGHT: f64 = 0.7;

/// Penalty per already picked sentence from the same source, and from the same article.
const SAME_SOURCE_PENALTY: f64 = 0.12;
const SAME_ARTICLE_PENALTY: f64 = 0.12;

#[derive(Debug, Clone)]
struct Candidate<'t> {
    article: usize,
    sentence: usize,
    /// Its terms in text order, with repeats.
    raw_terms: &'t [Term],
    score: f64,
}

/// The candidates' terms sorted and deduplicated, made when the greedy pick first compares
/// a candidate: most candidates are never compared, and sorting was the summary's largest
/// cost.
#[derive(Debug, Default)]
struct SortedTerms {
    terms: Vec<Term>,
    /// Per candidate, where its sorted terms sit in `terms`, once made.
    ranges: Vec<Option<std::ops::Range<usize>>>,
}

impl SortedTerms {
    fn of(&mut self, number: usize, raw_terms: &[Term]) -> std::ops::Range<usize> {
        if let Some(Some(range)) = self.ranges.get(number) {
            return range.clone();
        }
        let first = self.terms.len();
        self.terms.extend_from_slice(raw_terms);
        self.terms[first..].sort_unstable();
        dedup_tail(&mut self.terms, first);
        let range = first..self.terms.len();
        if let Some(slot) = self.ranges.get_mut(number) {
            *slot = Some(range.clone());
        }
        range
    }

    /// Content-word Jaccard similarity of two candidates.
    fn jaccard(&mut self, candidates: &[Candidate<'_>], left: usize, right: usize) -> f64 {
        let left = self.of(left, candidates[left].raw_terms);
        let right = self.of(right, candidates[right].raw_terms);
        jaccard(
            self.terms.get(left).unwrap_or(&[]),
            self.terms.get(right).unwrap_or(&[]),
        )
    }
}

/// Whether `terms[index]` appeared earlier in `terms` (sentences hold a dozen terms or so,
/// so a scan is cheaper than sorting).
fn is_repeat(terms: &[Term], index: usize) -> bool {
    terms
        .get(..index)
        .is_some_and(|before| before.contains(&terms[index]))
}

/// Counts how many quotable articles use each term into `counts` (a term counts once per
/// article) and returns the norm of that frequency vector (the centroid's), and whether
/// only one article is quotable, as then every term's frequency is one.
///
/// Frequencies are whole numbers, so their sums are exact whatever the order of the table.
fn document_frequencies(
    texts: &StoryTexts<'_>,
    quotable: &dyn Fn(usize) -> bool,
    counts: &mut TermCounts,
) -> (f64, bool) {
    let n_quotable = (0..texts.articles.len()).filter(|&i| quotable(i)).count();
    for (index, article) in texts.articles.iter().enumerate() {
        if !quotable(index) {
            continue;
        }
        for &term in &article.terms {
            counts.count(term, index as u32);
        }
    }
    if n_quotable == 1 {
        return ((counts.n_distinct() as f64).sqrt().max(1.0), true);
    }
    (counts.sum_of_squares().sqrt().max(1.0), false)
}

/// Whether a (trimmed) sentence ends as sentences do: with `.`, `!`, `?`, a closing quote
/// or a bracket (as `text.ends_with(['.', '!', '?', '"', '”', '’', '\'', ')'])`). The last
/// byte tells, or the last three for a curly quote: the char pattern decoded the last
/// char of every sentence.
fn ends_like_a_sentence(text: &str) -> bool {
    matches!(
        text.as_bytes(),
        [.., b'.' | b'!' | b'?' | b'"' | b'\'' | b')'] | [.., 0xe2, 0x80, 0x9d | 0x99]
    )
}

/// Removes repeats from the sorted run `terms[first..]`; returns how many remain.
fn dedup_tail(terms: &mut Vec<Term>, first: usize) -> usize {
    let mut kept = first;
    for index in first..terms.len() {
        if kept == first || terms[index] != terms[kept - 1] {
            terms[kept] = terms[index];
            kept += 1;
        }
    }
    terms.truncate(kept);
    kept - first
}

/// Picks up to `wanted` summary sentences, most central first.
pub(crate) fn summarise(texts: &StoryTexts<'_>, wanted: usize) -> Vec<SummarySentence> {
    let any_original = texts.articles.iter().any(|a| !a.is_copy);
    // If every article is a copy (a cycle of edges), quoting copies is all that is left.
    let quotable = |index: usize| !texts.articles[index].is_copy || !any_original;
    let n_terms = (0..texts.articles.len())
        .filter(|&i| quotable(i))
        .map(|i| texts.articles[i].terms.len())
        .sum();
    with_counts(n_terms, |counts| {
        summarise_with(texts, wanted, &quotable, counts)
    })
}

/// [`summarise`] with the story's term counts table.
fn summarise_with(
    texts: &StoryTexts<'_>,
    wanted: usize,
    quotable: &dyn Fn(usize) -> bool,
    counts: &mut TermCounts,
) -> Vec<SummarySentence> {
    let (centroid_norm, one_quotable) = document_frequencies(texts, quotable, counts);
    let mut candidates = Vec::new();
    for (index, article) in texts.articles.iter().enumerate() {
        if !quotable(index) {
            continue;
        }
        for (position, sentence) in article
            .sentences
            .iter()
            .enumerate()
            .take(MAX_SENTENCES_PER_ARTICLE)
        {
            let raw_terms = article.sentence_terms(sentence);
            // Repeats only shrink the list, so a short raw list has few distinct terms too.
            if !(6..=60).contains(&sentence.n_words) || raw_terms.len() < 4 {
                continue;
            }
            let text = article.sentence_text(sentence);
            if !ends_like_a_sentence(text) {
                continue; // headings, bylines and captions rarely end like sentences
            }
            // The distinct terms and their frequencies; frequencies are whole numbers, so
            // the sum does not depend on the order they are added in.
            let mut n_distinct = 0;
            let mut overlap = 0.0;
            // Bits of the terms seen so far: a term whose bit is unset is no repeat, and
            // most are told so without scanning the sentence.
            let mut seen_bits = 0_u64;
            for (at, term) in raw_terms.iter().enumerate() {
                let bit = 1_u64 << (term >> 58);
                if seen_bits & bit != 0 && is_repeat(raw_terms, at) {
                    continue;
                }
                seen_bits |= bit;
                n_distinct += 1;
                // One quotable article: every term's frequency is one.
                overlap += if one_quotable {
                    1.0
                } else {
                    f64::from(counts.get(*term))
                };
            }
            if n_distinct < 4 {
                continue;
            }
            let cosine = overlap / ((n_distinct as f64).sqrt() * centroid_norm);
            // Leads carry the news: a small bonus for the first sentences of an article.
            let lead_bonus = 1.0 + 0.15 / (1.0 + position as f64);
            candidates.push(Candidate {
                article: index,
                sentence: position,
                raw_terms,
                score: cosine * lead_bonus,
            });
        }
    }
    let best = candidates.iter().map(|c| c.score).fold(0.0_f64, f64::max);
    if best <= 0.0 {
        return Vec::new();
    }

    // Sources as small numbers, so the greedy loop counts picks in plain vectors.
    let mut source_numbers: FxHashMap<&str, usize> = FxHashMap::default();
    let source_of: Vec<usize> = texts
        .articles
        .iter()
        .map(|article| {
            let next = source_numbers.len();
            *source_numbers
                .entry(article.source.as_str())
                .or_insert(next)
        })
        .collect();
    let mut source_counts = vec![0_usize; source_numbers.len()];
    let mut article_counts = vec![0_usize; texts.articles.len()];
    // The greedy pick, made cheap without changing what it picks. A candidate's redundancy
    // (its largest overlap with a picked sentence) only grows as sentences are picked, so it
    // is brought up to date lazily, against the picks it has not yet been compared with, and
    // only when its best possible value could still beat the current choice. Candidates are
    // visited most central first, so the loop stops once no remaining score can win. Ties
    // go to the earlier candidate (article, then sentence), as in a plain scan.
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| {
        candidates[b]
            .score
            .total_cmp(&candidates[a].score)
            .then(a.cmp(&b))
    });
    let mut sorted_terms = SortedTerms {
        terms: Vec::new(),
        ranges: vec![None; candidates.len()],
    };
    let mut redundancy = vec![0.0_f64; candidates.len()];
    let mut compared = vec![0_usize; candidates.len()];
    let mut taken = vec![false; candidates.len()];
    let mut picked: Vec<usize> = Vec::new();
    while picked.len() < wanted {
        let mut choice: Option<(f64, usize)> = None;
        for &number in &order {
            let candidate = &candidates[number];
            let relevance = RELEVANCE_WEIGHT * candidate.score / best;
            if choice.is_some_and(|(value, _)| relevance < value) {
                break;
            }
            if taken[number] {
                continue;
            }
            // The same expression as the value, so that rounding keeps the bound above it.
            let value_with = |redundancy: f64| {
                relevance
                    - (1.0 - RELEVANCE_WEIGHT) * redundancy
                    - SAME_SOURCE_PENALTY * source_counts[source_of[candidate.article]] as f64
                    - SAME_ARTICLE_PENALTY * article_counts[candidate.article] as f64
            };
            let beats = |value: f64, choice: Option<(f64, usize)>| match choice {
                None => true,
                Some((best_value, best_number)) => {
                    value > best_value || (value == best_value && number < best_number)
                }
            };
            // An upper bound first: redundancy known so far can only grow.
            if redundancy[number] >= MAX_OVERLAP || !beats(value_with(redundancy[number]), choice) {
                continue;
            }
            for &other in &picked[compared[number]..] {
                redundancy[number] =
                    redundancy[number].max(sorted_terms.jaccard(&candidates, other, number));
            }
            compared[number] = picked.len();
            if redundancy[number] >= MAX_OVERLAP {
                continue;
            }
            let value = value_with(redundancy[number]);
            if beats(value, choice) {
                choice = Some((value, number));
            }
        }
        let Some((_, number)) = choice else { break };
        let candidate = &candidates[number];
        taken[number] = true;
        source_counts[source_of[candidate.article]] += 1;
        article_counts[candidate.article] += 1;
        picked.push(number);
    }
    let picked: Vec<&Candidate<'_>> = picked.iter().map(|&n| &candidates[n]).collect();
    picked
        .into_iter()
        .map(|candidate| {
            let article = &texts.articles[candidate.article];
            SummarySentence {
                text: article
                    .sentence_text(&article.sentences[candidate.sentence])
                    .to_owned(),
                article: article.id.to_owned(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::ArticleText;

    /// Summarises articles given as (id, is_copy, source, text); checks the picked sentences' article ids.
    fn check(
        articles: &[(&'static str, bool, &str, &'static str)],
        wanted: usize,
        expected: &[&str],
    ) {
        let texts = StoryTexts {
            articles: articles
                .iter()
                .enumerate()
                .map(|(position, &(id, is_copy, source, text))| {
                    ArticleText::new(position, id, is_copy, source.to_owned(), text)
                })
                .collect(),
        };
        let summary = summarise(&texts, wanted);
        let ids: Vec<&str> = summary.iter().map(|s| s.article.as_str()).collect();
        assert_eq!(ids, expected);
        for (i, left) in summary.iter().enumerate() {
            for right in &summary[i + 1..] {
                let (l, _) = crate::text::terms_of(&left.text);
                let (r, _) = crate::text::terms_of(&right.text);
                assert!(
                    jaccard(&l, &r) < MAX_OVERLAP,
                    "{} / {}",
                    left.text,
                    right.text
                );
            }
        }
    }

    const FLOOD_A: &str =
        "Heavy flooding struck the riverside town of Marlow early on Monday morning. \
        Rescue teams evacuated hundreds of residents from flooded homes near the river. \
        The mayor praised volunteers who worked through the night.";
    const FLOOD_B: &str = "Flooding struck Marlow on Monday after days of heavy rain upstream. \
        Rescue teams evacuated hundreds of residents from homes near the river overnight. \
        Insurers expect claims to run into millions of pounds this season.";

    #[test]
    fn copies_are_never_quoted() {
        check(
            &[("copy", true, "x", FLOOD_A), ("orig", false, "y", FLOOD_B)],
            3,
            &["orig", "orig", "orig"],
        );
    }

    #[test]
    fn spreads_over_sources_without_repeating() {
        check(
            &[("a", false, "x", FLOOD_A), ("b", false, "y", FLOOD_B)],
            4,
            &["a", "b", "b", "a"],
        );
    }

    #[test]
    fn sentence_ends_read_as_chars() {
        for text in [
            "a.", "a", "“a”", "a’", "a)", "é", "", "a\"", "a?!", "a”x", "a‘",
        ] {
            let expected = text.ends_with(['.', '!', '?', '"', '”', '’', '\'', ')']);
            assert_eq!(ends_like_a_sentence(text), expected, "{text:?}");
        }
    }

    #[test]
    fn empty_story_has_no_summary() {
        check(&[("a", false, "x", "Short. Bits.")], 3, &[]);
    }
}
