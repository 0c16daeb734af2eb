//! The summary: 3–5 sentences taken verbatim from the story's original articles.
//!
//! [`summarise`] scores each candidate sentence by its similarity to the story's centroid
//! (how many of the story's original articles use each of its content words), then picks
//! sentences greedily by maximal marginal relevance: central, not redundant with a sentence
//! already picked (content-word Jaccard below [`MAX_OVERLAP`]), and spread over sources
//! and articles. Copies (articles that are the `copy` end of an edge) are never quoted:
//! they do not confirm anything independently.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use crate::text::StoryTexts;

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
struct Candidate {
    article: usize,
    sentence: usize,
    /// Where its distinct terms' slots (see [`counts::TermCounts::first_use`]) sit in
    /// [`PickedTerms::candidate_slots`].
    slots: std::ops::Range<usize>,
    score: f64,
}

/// The terms of the candidates and of the picked sentences, by their slots in the story's
/// [`TermCounts`] (a slot number names one term of the story): the greedy pick compares
/// candidates with picked sentences by content-word Jaccard, and with each picked
/// sentence's slots as a bit set, a comparison is one bit test per candidate term. (Sorted
/// term lists, merged, were the summary's largest cost.)
#[derive(Debug, Default)]
struct PickedTerms {
    /// Every candidate's distinct slots, one candidate after the other.
    candidate_slots: Vec<u32>,
    /// Per picked sentence, a bit per slot: `words_per_pick` words each.
    pick_bits: Vec<u64>,
    words_per_pick: usize,
}

impl PickedTerms {
    fn slots(&self, candidate: &Candidate) -> &[u32] {
        self.candidate_slots
            .get(candidate.slots.clone())
            .unwrap_or(&[])
    }

    /// Records the slots of the next picked sentence.
    fn pick(&mut self, candidate: &Candidate) {
        let first = self.pick_bits.len();
        self.pick_bits.resize(first + self.words_per_pick, 0);
        let bits = &mut self.pick_bits[first..];
        for &slot in self
            .candidate_slots
            .get(candidate.slots.clone())
            .unwrap_or(&[])
        {
            if let Some(word) = bits.get_mut(slot as usize / 64) {
                *word |= 1 << (slot % 64);
            }
        }
    }

    /// Content-word Jaccard similarity of the `pick`-th picked sentence and a candidate
    /// (as [`crate::text::jaccard`] of their sorted distinct terms: the same counts).
    fn jaccard(&self, pick: usize, picked: &Candidate, candidate: &Candidate) -> f64 {
        let bits = self
            .pick_bits
            .get(pick * self.words_per_pick..(pick + 1) * self.words_per_pick)
            .unwrap_or(&[]);
        let shared = self
            .slots(candidate)
            .iter()
            .filter(|&&slot| {
                bits.get(slot as usize / 64)
                    .is_some_and(|word| word & (1 << (slot % 64)) != 0)
            })
            .count();
        let (left, right) = (picked.slots.len(), candidate.slots.len());
        if left == 0 && right == 0 {
            return 0.0;
        }
        shared as f64 / (left + right - shared) as f64
    }
}

/// Counts how many quotable articles use each term into `counts` (a term counts once per
/// article) and returns the norm of that frequency vector (the centroid's), and whether
/// only one article is quotable, as then every term's frequency is one. Each term's slot
/// goes to `term_slots` (a quotable article's terms, one article after the other), and
/// where each article's start to `first_slot` (one per article, quotable or not).
///
/// Frequencies are whole numbers, so their sums are exact whatever the order of the table.
fn document_frequencies(
    texts: &StoryTexts<'_>,
    quotable: &dyn Fn(usize) -> bool,
    counts: &mut TermCounts,
    term_slots: &mut Vec<u32>,
    first_slot: &mut Vec<usize>,
) -> (f64, bool) {
    let n_quotable = (0..texts.articles.len()).filter(|&i| quotable(i)).count();
    for (index, article) in texts.articles.iter().enumerate() {
        first_slot.push(term_slots.len());
        if !quotable(index) {
            continue;
        }
        term_slots.extend(
            article
                .terms
                .iter()
                .map(|&term| counts.count(term, index as u32)),
        );
    }
    let (n_distinct, sum_of_squares) = counts.totals();
    if n_quotable == 1 {
        return ((n_distinct as f64).sqrt().max(1.0), true);
    }
    ((sum_of_squares as f64).sqrt().max(1.0), false)
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

/// Picks up to `wanted` summary sentences, most central first.
pub(crate) fn summarise(texts: &StoryTexts<'_>, wanted: usize) -> Vec<SummarySentence> {
    let any_original = texts.articles.iter().any(|a| !a.is_copy);
    // If every article is a copy (a cycle of edges), quoting copies is all that is left.
    let quotable = |index: usize| !texts.articles[index].is_copy || !any_original;
    let n_terms = (0..texts.articles.len())
        .filter(|&i| quotable(i))
        .map(|i| texts.articles[i].terms.len())
        .sum();
    // Users of the table: the articles, then at most one per sentence read.
    let n_users = (0..texts.articles.len())
        .filter(|&i| quotable(i))
        .map(|i| {
            texts.articles[i]
                .sentences
                .len()
                .min(MAX_SENTENCES_PER_ARTICLE)
        })
        .sum::<usize>()
        + texts.articles.len()
        + 1;
    with_counts(n_terms, n_users, |counts| {
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
    // This thread's vectors, grown by earlier stories (a nested call gets fresh ones).
    let mut scratch = SCRATCH.with(RefCell::take);
    scratch.term_slots.clear();
    scratch.first_slot.clear();
    let (centroid_norm, one_quotable) = document_frequencies(
        texts,
        quotable,
        counts,
        &mut scratch.term_slots,
        &mut scratch.first_slot,
    );
    let mut terms = PickedTerms {
        candidate_slots: std::mem::take(&mut scratch.candidate_slots),
        pick_bits: std::mem::take(&mut scratch.pick_bits),
        words_per_pick: counts.n_slots().div_ceil(64),
    };
    terms.candidate_slots.clear();
    terms.pick_bits.clear();
    let mut candidates = std::mem::take(&mut scratch.candidates);
    candidates.clear();
    // Each sentence read is a user of the table (see `TermCounts::first_use`), numbered
    // past the article numbers the counting used.
    let mut user = texts.articles.len() as u32;
    for (index, article) in texts.articles.iter().enumerate() {
        if !quotable(index) {
            continue;
        }
        let first_slot = scratch.first_slot.get(index).copied().unwrap_or(0);
        for (position, sentence) in article
            .sentences
            .iter()
            .enumerate()
            .take(MAX_SENTENCES_PER_ARTICLE)
        {
            let raw_slots = scratch
                .term_slots
                .get(first_slot + sentence.terms.start..first_slot + sentence.terms.end)
                .unwrap_or(&[]);
            // Repeats only shrink the list, so a short raw list has few distinct terms too.
            if !(6..=60).contains(&sentence.n_words) || raw_slots.len() < 4 {
                continue;
            }
            let text = article.sentence_text(sentence);
            if !ends_like_a_sentence(text) {
                continue; // headings, bylines and captions rarely end like sentences
            }
            // The distinct terms and their frequencies, in text order; frequencies are
            // whole numbers, so the sum does not depend on the order they are added in.
            user = user.wrapping_add(1);
            let first = terms.candidate_slots.len();
            let mut overlap = 0.0;
            for &slot in raw_slots {
                let Some(count) = counts.first_use(slot, user) else {
                    continue;
                };
                terms.candidate_slots.push(slot);
                // One quotable article: every term's frequency is one.
                overlap += if one_quotable { 1.0 } else { f64::from(count) };
            }
            let n_distinct = terms.candidate_slots.len() - first;
            if n_distinct < 4 {
                terms.candidate_slots.truncate(first);
                continue;
            }
            let cosine = overlap / ((n_distinct as f64).sqrt() * centroid_norm);
            // Leads carry the news: a small bonus for the first sentences of an article.
            let lead_bonus = 1.0 + 0.15 / (1.0 + position as f64);
            candidates.push(Candidate {
                article: index,
                sentence: position,
                slots: first..terms.candidate_slots.len(),
                score: cosine * lead_bonus,
            });
        }
    }
    let picked = pick_greedily(texts, &candidates, &mut terms, wanted);
    let summary = picked
        .iter()
        .map(|&number| {
            let candidate = &candidates[number];
            let article = &texts.articles[candidate.article];
            SummarySentence {
                text: article
                    .sentence_text(&article.sentences[candidate.sentence])
                    .to_owned(),
                article: article.id.to_owned(),
            }
        })
        .collect();
    scratch.candidate_slots = terms.candidate_slots;
    scratch.pick_bits = terms.pick_bits;
    scratch.candidates = candidates;
    SCRATCH.with(|cell| cell.replace(scratch));
    summary
}

/// Vectors the summary reuses from one story to the next (see [`summarise_with`]).
#[derive(Debug, Default)]
struct Scratch {
    /// The slots of the quotable articles' terms (see [`document_frequencies`]).
    term_slots: Vec<u32>,
    /// Where each article's terms start in `term_slots`.
    first_slot: Vec<usize>,
    candidate_slots: Vec<u32>,
    pick_bits: Vec<u64>,
    /// Kept because it outgrows a kilobyte: glibc sweeps its small free chunks together
    /// before serving each request that large.
    candidates: Vec<Candidate>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// Picks up to `wanted` candidates greedily by maximal marginal relevance; returns their
/// numbers in the order picked.
fn pick_greedily(
    texts: &StoryTexts<'_>,
    candidates: &[Candidate],
    terms: &mut PickedTerms,
    wanted: usize,
) -> Vec<usize> {
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
            for (pick, &other) in picked.iter().enumerate().skip(compared[number]) {
                let overlap = terms.jaccard(pick, &candidates[other], candidate);
                redundancy[number] = redundancy[number].max(overlap);
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
        terms.pick(candidate);
        picked.push(number);
    }
    picked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{jaccard, ArticleText};

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
    fn bit_set_jaccard_is_sorted_list_jaccard() {
        let mut state = 5_u64;
        let mut random_slots = |n: usize| {
            let mut slots: Vec<u32> = (0..n)
                .map(|_| {
                    state = state
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1);
                    (state >> 40) as u32 % 200
                })
                .collect();
            slots.sort_unstable();
            slots.dedup();
            slots
        };
        for _ in 0..200 {
            let (left, right) = (random_slots(12), random_slots(9));
            let mut terms = PickedTerms {
                candidate_slots: left.iter().chain(&right).copied().collect(),
                pick_bits: Vec::new(),
                words_per_pick: 200_usize.div_ceil(64),
            };
            let candidate = |slots: std::ops::Range<usize>| Candidate {
                article: 0,
                sentence: 0,
                slots,
                score: 1.0,
            };
            let picked = candidate(0..left.len());
            let other = candidate(left.len()..left.len() + right.len());
            terms.pick(&picked);
            let as_terms = |slots: &[u32]| slots.iter().map(|&s| u64::from(s)).collect::<Vec<_>>();
            assert_eq!(
                terms.jaccard(0, &picked, &other),
                jaccard(&as_terms(&left), &as_terms(&right))
            );
        }
    }

    #[test]
    fn empty_story_has_no_summary() {
        check(&[("a", false, "x", "Short. Bits.")], 3, &[]);
    }
}
