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
use crate::SummarySentence;

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
    terms: &'t [Term],
    score: f64,
}

/// Picks up to `wanted` summary sentences, most central first.
pub(crate) fn summarise(texts: &StoryTexts<'_>, wanted: usize) -> Vec<SummarySentence> {
    let any_original = texts.articles.iter().any(|a| !a.is_copy);
    // If every article is a copy (a cycle of edges), quoting copies is all that is left.
    let quotable = |index: usize| !texts.articles[index].is_copy || !any_original;

    let mut document_frequency: FxHashMap<Term, f64> = FxHashMap::default();
    let mut article_terms: Vec<Term> = Vec::new();
    for (index, article) in texts.articles.iter().enumerate() {
        if !quotable(index) {
            continue;
        }
        article_terms.clear();
        for sentence in &article.sentences {
            article_terms.extend_from_slice(&sentence.terms);
        }
        article_terms.sort_unstable();
        article_terms.dedup();
        for term in &article_terms {
            *document_frequency.entry(*term).or_default() += 1.0;
        }
    }
    let centroid_norm = document_frequency
        .values()
        .map(|v| v * v)
        .sum::<f64>()
        .sqrt()
        .max(1.0);

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
            if !(6..=60).contains(&sentence.n_words) || sentence.terms.len() < 4 {
                continue;
            }
            let text = article.sentence_text(sentence);
            if !text
                .trim_end()
                .ends_with(['.', '!', '?', '"', '”', '’', '\'', ')'])
            {
                continue; // headings, bylines and captions rarely end like sentences
            }
            let overlap: f64 = sentence
                .terms
                .iter()
                .map(|t| document_frequency.get(t).copied().unwrap_or(0.0))
                .sum();
            let cosine = overlap / ((sentence.terms.len() as f64).sqrt() * centroid_norm);
            // Leads carry the news: a small bonus for the first sentences of an article.
            let lead_bonus = 1.0 + 0.15 / (1.0 + position as f64);
            candidates.push(Candidate {
                article: index,
                sentence: position,
                terms: &sentence.terms,
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
    let mut picked: Vec<&Candidate<'_>> = Vec::new();
    while picked.len() < wanted {
        let mut choice: Option<(f64, &Candidate<'_>)> = None;
        for candidate in &candidates {
            let redundancy = picked
                .iter()
                .map(|p| jaccard(p.terms, candidate.terms))
                .fold(0.0_f64, f64::max);
            if redundancy >= MAX_OVERLAP
                || picked
                    .iter()
                    .any(|p| p.article == candidate.article && p.sentence == candidate.sentence)
            {
                continue;
            }
            let value = RELEVANCE_WEIGHT * candidate.score / best
                - (1.0 - RELEVANCE_WEIGHT) * redundancy
                - SAME_SOURCE_PENALTY * source_counts[source_of[candidate.article]] as f64
                - SAME_ARTICLE_PENALTY * article_counts[candidate.article] as f64;
            // Strictly greater: ties go to the earlier article and sentence.
            if choice.is_none_or_lower(value) {
                choice = Some((value, candidate));
            }
        }
        let Some((_, candidate)) = choice else { break };
        source_counts[source_of[candidate.article]] += 1;
        article_counts[candidate.article] += 1;
        picked.push(candidate);
    }
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

/// `Option<(score, _)>` comparison that reads well in the greedy loop.
trait BestSoFar {
    fn is_none_or_lower(&self, value: f64) -> bool;
}

impl<T> BestSoFar for Option<(f64, T)> {
    fn is_none_or_lower(&self, value: f64) -> bool {
        match self {
            None => true,
            Some((best, _)) => value > *best,
        }
    }
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
    fn empty_story_has_no_summary() {
        check(&[("a", false, "x", "Short. Bits.")], 3, &[]);
    }
}
