//! Who published what, who copied whom and who came first: headline, sources,
//! first report and copy families.
//!
//! [`StoryView`] maps the pipeline's copy edges (by [`DocIdx`](storyline_core::DocIdx)) onto positions in the
//! story's article slice once; the functions here read it to build the parts of a
//! [`crate::Digest`] that come from metadata rather than from the texts' words.

use rustc_hash::FxHashMap;
use storyline_core::output::EvidenceRecord;
use storyline_core::{CopyEdge, CopyKind};

use crate::dates::StoryDates;
use crate::text::{append_terms, jaccard, ArticleText, StoryTexts, Term};
use crate::{Family, FamilyCopy, FirstReport, SourceCount, StoryArticle};

/// A copy edge between two positions of the story's article slice.
#[derive(Debug, Clone)]
pub(crate) struct PositionEdge<'e> {
    pub(crate) copy: usize,
    pub(crate) original: usize,
    pub(crate) edge: &'e CopyEdge,
}

/// The story's copy edges by position, and which articles are copies.
#[derive(Debug, Clone)]
pub(crate) struct StoryView<'e> {
    pub(crate) edges: Vec<PositionEdge<'e>>,
    is_copy: Vec<bool>,
}

impl<'e> StoryView<'e> {
    pub(crate) fn new(articles: &[StoryArticle<'_>], copies: &'e [CopyEdge]) -> Self {
        let position_of: FxHashMap<_, usize> = articles
            .iter()
            .enumerate()
            .map(|(position, article)| (article.idx, position))
            .collect();
        let mut is_copy = vec![false; articles.len()];
        // Edges whose ends are not both in the story are ignored rather than trusted.
        let mut edges: Vec<PositionEdge<'e>> = copies
            .iter()
            .filter_map(|edge| {
                let copy = *position_of.get(&edge.copy)?;
                let original = *position_of.get(&edge.original)?;
                (copy != original).then_some(PositionEdge {
                    copy,
                    original,
                    edge,
                })
            })
            .collect();
        edges.sort_by_key(|edge| (edge.copy, edge.original));
        for edge in &edges {
            is_copy[edge.copy] = true;
        }
        StoryView { edges, is_copy }
    }

    pub(crate) fn is_copy(&self, position: usize) -> bool {
        self.is_copy.get(position).copied().unwrap_or(false)
    }
}

/// The outlet of an article: its `source`, else its URL's domain, else `unknown`.
pub(crate) fn source_name(article: &StoryArticle<'_>) -> String {
    if let Some(source) = article.source.map(str::trim).filter(|s| !s.is_empty()) {
        return source.to_owned();
    }
    article
        .url
        .and_then(url_domain)
        .unwrap_or_else(|| "unknown".to_owned())
}

/// The host of a URL without `www.` and port, lower-cased.
pub(crate) fn url_domain(url: &str) -> Option<String> {
    let rest = url
        .trim()
        .split_once("://")
        .map_or(url.trim(), |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    let host = host.trim_start_matches("www.").to_lowercase();
    (host.contains('.') && !host.is_empty()).then_some(host)
}

/// The most representative title: the one sharing the most words with the other titles
/// (mean Jaccard of content words), among the originals' titles when any original has one.
/// Without titles, the most representative lead sentence, the originals' first.
pub(crate) fn headline(articles: &[StoryArticle<'_>], texts: &StoryTexts<'_>) -> Option<String> {
    // Borrowed, not copied: only the winner is.
    let titles = from_originals_first(texts, |text| {
        let title = articles.get(text.position)?.title?.trim();
        (!title.is_empty()).then_some(title)
    });
    let candidates = if titles.is_empty() {
        from_originals_first(texts, |text| {
            let sentence = text.sentences.iter().find(|s| s.n_words >= 5)?;
            Some(text.sentence_text(sentence))
        })
    } else {
        titles
    };
    most_central(&candidates).map(|best| candidates[best].to_owned())
}

/// What `pick` finds in the original (non-copy) articles; in all articles when it finds
/// nothing there. A copy's title is its copier's words, a machine rewrite's as often as not.
fn from_originals_first<'t>(
    texts: &'t StoryTexts<'_>,
    pick: impl Fn(&'t ArticleText<'_>) -> Option<&'t str>,
) -> Vec<&'t str> {
    let originals: Vec<&str> = texts
        .articles
        .iter()
        .filter(|text| !text.is_copy)
        .filter_map(&pick)
        .collect();
    if !originals.is_empty() {
        return originals;
    }
    texts.articles.iter().filter_map(pick).collect()
}

/// Index of the candidate with the highest mean word overlap with the others; ties go to
/// the earlier candidate. Candidates with fewer than three content words lose to any other.
fn most_central(candidates: &[&str]) -> Option<usize> {
    // One candidate wins alone (most stories of a crawl have one article): no need to
    // read its words.
    if candidates.len() == 1 {
        return Some(0);
    }
    // Every candidate's terms in one vector (two vectors per candidate were most of the
    // cost of a headline).
    let mut all_terms = Vec::new();
    let ranges: Vec<std::ops::Range<usize>> = candidates
        .iter()
        .map(|candidate| {
            let first = all_terms.len();
            append_terms(candidate, &mut all_terms);
            first..all_terms.len()
        })
        .collect();
    let terms: Vec<&[Term]> = ranges
        .into_iter()
        .map(|range| all_terms.get(range).unwrap_or(&[]))
        .collect();
    // Jaccard similarity is symmetric (to the bit): each pair is compared once.
    let n = terms.len();
    let mut similarity = vec![0.0_f64; n * n];
    for (index, own) in terms.iter().enumerate() {
        for (other, theirs) in terms.iter().enumerate().skip(index + 1) {
            let shared = jaccard(own, theirs);
            similarity[index * n + other] = shared;
            similarity[other * n + index] = shared;
        }
    }
    let mut best: Option<(usize, (bool, f64))> = None;
    for (index, own) in terms.iter().enumerate() {
        let total: f64 = similarity[index * n..(index + 1) * n]
            .iter()
            .enumerate()
            .filter(|&(other, _)| other != index)
            .map(|(_, &shared)| shared)
            .sum();
        let mean = total / (terms.len().max(2) - 1) as f64;
        let score = (own.len() >= 3, mean);
        if best.map_or(true, |(_, best_score)| score > best_score) {
            best = Some((index, score));
        }
    }
    best.map(|(index, _)| index)
}

/// Outlets with their article and copy counts, most articles first.
pub(crate) fn sources(articles: &[StoryArticle<'_>], view: &StoryView<'_>) -> Vec<SourceCount> {
    let mut counts: FxHashMap<String, (usize, usize)> = FxHashMap::default();
    for (position, article) in articles.iter().enumerate() {
        let entry = counts.entry(source_name(article)).or_default();
        entry.0 += 1;
        entry.1 += usize::from(view.is_copy(position));
    }
    let mut sources: Vec<SourceCount> = counts
        .into_iter()
        .map(|(source, (articles, copies))| SourceCount {
            source,
            articles,
            copies,
        })
        .collect();
    sources.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.source.cmp(&b.source))
    });
    sources
}

/// The earliest original (non-copy) article: by date when dated, else by input order.
pub(crate) fn first_report(
    articles: &[StoryArticle<'_>],
    view: &StoryView<'_>,
    dates: &StoryDates,
) -> Option<FirstReport> {
    let originals: Vec<usize> = (0..articles.len()).filter(|&p| !view.is_copy(p)).collect();
    let n_copies = articles.len() - originals.len();
    let copies_note = match n_copies {
        0 => String::new(),
        1 => "; 1 copy not counted".to_owned(),
        n => format!("; {n} copies not counted"),
    };
    let dated = originals
        .iter()
        .filter_map(|&p| Some((dates.article_instant(p)?, p)))
        .min_by_key(|&(instant, position)| (instant, position));
    let (position, reason) = match dated {
        Some((_, position)) => {
            let n_dated = originals
                .iter()
                .filter(|&&p| dates.article_instant(p).is_some())
                .count();
            (
                position,
                format!("earliest date among {n_dated} dated original reports{copies_note}"),
            )
        }
        None => {
            let position = *originals.first()?;
            (
                position,
                format!("no original report is dated: first original in input order{copies_note}"),
            )
        }
    };
    let article = articles.get(position)?;
    Some(FirstReport {
        id: article.id.to_owned(),
        date: article.date.map(str::to_owned),
        reason,
    })
}

/// Copy families: each root original (an article that copies nothing) with every edge that
/// leads to it, following chains of copies.
pub(crate) fn families(articles: &[StoryArticle<'_>], view: &StoryView<'_>) -> Vec<Family> {
    let original_of: FxHashMap<usize, usize> = view
        .edges
        .iter()
        .map(|edge| (edge.copy, edge.original))
        .collect();
    let root_of = |start: usize| {
        // Bounded walk: a cycle in the edges must not loop forever.
        let mut current = start;
        for _ in 0..=articles.len() {
            match original_of.get(&current) {
                Some(&next) if next != start => current = next,
                _ => break,
            }
        }
        current
    };
    let mut by_root: FxHashMap<usize, Vec<FamilyCopy>> = FxHashMap::default();
    for edge in &view.edges {
        let (Some(copy), Some(original)) = (articles.get(edge.copy), articles.get(edge.original))
        else {
            continue;
        };
        by_root
            .entry(root_of(edge.copy))
            .or_default()
            .push(FamilyCopy {
                id: copy.id.to_owned(),
                copy_of: original.id.to_owned(),
                kind: edge.edge.kind,
                // A non-finite similarity would be written as JSON null and not read back.
                similarity: finite_share(edge.edge.similarity),
                evidence: EvidenceRecord {
                    measures: edge
                        .edge
                        .evidence
                        .measures
                        .iter()
                        .filter(|(_, value)| value.is_finite())
                        .cloned()
                        .collect(),
                    origin: edge.edge.evidence.origin.clone(),
                },
            });
    }
    let mut roots: Vec<usize> = by_root.keys().copied().collect();
    roots.sort_unstable();
    roots
        .into_iter()
        .filter_map(|root| {
            let mut copies = by_root.remove(&root)?;
            copies.sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.copy_of.cmp(&b.copy_of)));
            Some(Family {
                original: articles.get(root)?.id.to_owned(),
                copies,
            })
        })
        .collect()
}

/// A share in `[0, 1]`; anything else (NaN, infinities, out of range) is clamped or zeroed.
fn finite_share(value: f64) -> f64 {
    if value.is_finite() {
        value.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// Short label of a copy kind for people.
pub(crate) fn kind_label(kind: CopyKind) -> &'static str {
    match kind {
        CopyKind::Exact => "exact copy",
        CopyKind::NearDuplicate => "near-duplicate",
        CopyKind::Rewrite => "rewrite",
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use storyline_core::{DocIdx, Evidence};

    /// An article with nothing but its index and id, for tests to fill in.
    pub(crate) fn article(idx: u32, id: &'static str) -> StoryArticle<'static> {
        StoryArticle {
            idx: DocIdx(idx),
            id,
            title: None,
            date: None,
            source: None,
            url: None,
            text: "",
        }
    }

    /// An exact-copy edge between two articles' indexes.
    pub(crate) fn edge(copy: u32, original: u32) -> CopyEdge {
        CopyEdge {
            copy: DocIdx(copy),
            original: DocIdx(original),
            kind: CopyKind::Exact,
            similarity: 1.0,
            evidence: Evidence::default(),
        }
    }

    fn check(edges: &[(u32, u32)], expected: &[(&str, &[&str])]) {
        let articles: Vec<_> = ["a", "b", "c", "d"]
            .iter()
            .enumerate()
            .map(|(i, id)| article(i as u32 + 10, id))
            .collect();
        let edges: Vec<CopyEdge> = edges.iter().map(|&(c, o)| edge(c + 10, o + 10)).collect();
        let view = StoryView::new(&articles, &edges);
        let found: Vec<(String, Vec<String>)> = families(&articles, &view)
            .into_iter()
            .map(|f| (f.original, f.copies.into_iter().map(|c| c.id).collect()))
            .collect();
        let expected: Vec<(String, Vec<String>)> = expected
            .iter()
            .map(|(o, c)| (o.to_string(), c.iter().map(|s| s.to_string()).collect()))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn chains_join_one_family() {
        check(&[(2, 1), (1, 0), (3, 1)], &[("a", &["b", "c", "d"])]);
    }

    #[test]
    fn cycles_do_not_hang() {
        check(&[(0, 1), (1, 0)], &[("a", &["b"]), ("b", &["a"])]);
    }

    #[test]
    fn first_report_skips_copies_and_takes_the_earliest_original() {
        let dated = |idx: u32, id: &'static str, date: &'static str| StoryArticle {
            date: Some(date),
            text: "Some words here.",
            ..article(idx, id)
        };
        let articles = [
            dated(10, "late", "2024-06-19T08:00:00Z"),
            dated(11, "copy", "2024-06-17"),
            dated(12, "early", "Tue, 18 Jun 2024 09:00:00 +0200"),
        ];
        let edges = [edge(11, 10)];
        let view = StoryView::new(&articles, &edges);
        let texts = StoryTexts::new(&articles, &view, &crate::DigestConfig::default());
        let dates = crate::dates::story_dates(&articles, &texts);
        let report = first_report(&articles, &view, &dates).map(|r| (r.id, r.reason));
        assert_eq!(
            report,
            Some((
                "early".to_owned(),
                "earliest date among 2 dated original reports; 1 copy not counted".to_owned()
            ))
        );
        assert_eq!(dates.first_seen.as_deref(), Some("2024-06-17"));
        assert_eq!(dates.last_seen.as_deref(), Some("2024-06-19T08:00:00Z"));
    }

    #[test]
    fn domain_of_url() {
        assert_eq!(
            url_domain("https://www.Example.com:8080/a?b").as_deref(),
            Some("example.com")
        );
        assert_eq!(url_domain("not a url"), None);
    }

    #[test]
    fn headline_comes_from_an_original_when_one_has_a_title() {
        let titled = |idx: u32, id: &'static str, title: &'static str| StoryArticle {
            title: Some(title),
            text: "Flood waters rose in Riverton on Monday.",
            ..article(idx, id)
        };
        let headline_of = |articles: &[StoryArticle<'_>]| {
            let edges = [edge(10, 11)];
            let view = StoryView::new(articles, &edges);
            let texts = StoryTexts::new(articles, &view, &crate::DigestConfig::default());
            headline(articles, &texts)
        };
        let rewrite_title = "Riverton Flood: Waters Rise as Riverton Residents Flee";
        // The copy's title shares the most words with the others, and is still not taken.
        let articles = [
            titled(10, "rewrite", rewrite_title),
            titled(
                11,
                "original",
                "Riverton residents flee rising flood waters",
            ),
            titled(12, "other", "Flood in Riverton: residents flee"),
        ];
        assert_eq!(
            headline_of(&articles).as_deref(),
            Some("Riverton residents flee rising flood waters")
        );
        // With copies only titled, a copy's title is still better than none.
        let untitled = StoryArticle {
            text: "Flood waters rose in Riverton on Monday.",
            ..article(11, "original")
        };
        let articles = [titled(10, "rewrite", rewrite_title), untitled];
        assert_eq!(headline_of(&articles).as_deref(), Some(rewrite_title));
    }

    #[test]
    fn central_title_wins() {
        let titles = [
            "DECEMBER 9, 2022",
            "Putin visits North Korea",
            "Putin in North Korea visit talks",
        ];
        assert_eq!(most_central(&titles), Some(1));
    }
}
