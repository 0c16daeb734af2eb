//! Story grouping: per-article [`StoryFeatures`] → stories, plus [`eval`] to score a
//! clustering against gold labels.
//!
//! The pipeline calls [`story_features`] on every clean article (in parallel, ~µs each),
//! then [`cluster_stories`] once over all of them with the copy edges as must-link pairs.
//! Inside, [`cluster_stories`] weights terms by corpus IDF (names, numbers and name pairs
//! boosted: they tell two events of the same kind apart), finds candidate pairs through an
//! inverted index (no all-pairs comparison), and runs average-link clustering on that
//! sparse graph. Memory is bounded per article: `max_terms` terms in the features, at most
//! `vector_terms` weighted terms and `max_neighbours` edges inside the clusterer.
//!
//! CONTRACT (used by storyline_pipeline; keep the signatures).
//!
//! ```
//! use storyline_cluster::{cluster_stories, story_features, ClusterConfig};
//! use storyline_core::StoryId;
//!
//! let config = ClusterConfig::default();
//! let texts = [
//!     "A magnitude 5.9 earthquake struck Qeshm island in Iran on Sunday, killing 7 people.",
//!     "Tara Reid, 33, has entered the Promises rehab center in Malibu, her publicist said.",
//!     "An earthquake of magnitude 5.9 hit Iran's Qeshm island on Sunday; 7 people died.",
//! ];
//! let features: Vec<_> = texts.iter().map(|t| story_features(None, t, None, &config)).collect();
//! let stories = cluster_stories(&features, &[], &config);
//! assert_eq!(stories, vec![StoryId(0), StoryId(1), StoryId(0)]);
//! ```

use storyline_core::{DocIdx, StoryId};

pub mod eval;
mod features;
mod linkage;
mod vectors;

pub use features::{story_features, StoryFeatures, TermCount, TermKind};

/// Settings of story grouping. The defaults are the tuned ones; `link_threshold` is the
/// main knob (higher → smaller, purer stories).
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterConfig {
    /// Terms kept per article in [`StoryFeatures`] (≈ 8 bytes each).
    pub max_terms: usize,
    /// Weighted terms kept per article inside the clusterer (8 bytes each).
    pub vector_terms: usize,
    /// Heaviest terms per article entered in the inverted index for candidate search.
    pub index_terms: usize,
    /// Terms indexed for more articles than this are skipped as stop-like.
    pub max_posting_len: usize,
    /// Candidates per article scored by exact cosine (those sharing most indexed terms).
    pub max_candidates: usize,
    /// Edges kept per article (its most similar others).
    pub max_neighbours: usize,
    /// Edges below this cosine are dropped before clustering.
    pub min_edge_similarity: f32,
    /// Average-link merging stops when no two stories average this similarity.
    pub link_threshold: f32,
    /// Two stories merge only if their mutual average similarity reaches this share of the
    /// looser one's internal average (0 = plain average-link).
    pub cohesion_ratio: f32,
    /// Each article of the smaller story is judged against at most this many articles of
    /// the other (0 = all, plain average-link). Keeps big stories whole on a sparse graph.
    pub support_cap: f32,
    /// IDF is raised to this power: above 1 favours rare, event-specific terms over the
    /// vocabulary two events of one kind share.
    pub idf_power: f32,
    /// Weight multiplier of capitalised names.
    pub name_boost: f32,
    /// Weight multiplier of numbers.
    pub number_boost: f32,
    /// Weight multiplier of two-word names.
    pub name_pair_boost: f32,
    /// Date gap (days) that costs no similarity.
    pub date_grace_days: f32,
    /// Beyond the grace period, similarity falls by a factor e every this many days.
    pub date_scale_days: f32,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            max_terms: 64,
            vector_terms: 48,
            index_terms: 12,
            max_posting_len: 200,
            max_candidates: 24,
            max_neighbours: 5,
            min_edge_similarity: 0.01,
            link_threshold: 0.04,
            cohesion_ratio: 0.0,
            support_cap: 20.0,
            idf_power: 1.0,
            name_boost: 1.5,
            number_boost: 1.5,
            name_pair_boost: 1.5,
            date_grace_days: 3.0,
            date_scale_days: 30.0,
        }
    }
}

/// Assigns every article a story. `must_link` pairs (copy, original) always share a story.
/// Story ids are dense and numbered in order of each story's first article.
/// Pairs naming an article outside `features` are ignored.
pub fn cluster_stories(
    features: &[StoryFeatures],
    must_link: &[(DocIdx, DocIdx)],
    config: &ClusterConfig,
) -> Vec<StoryId> {
    let store = vectors::VectorStore::build(features, config);
    let edges = vectors::similarity_edges(&store, config);
    let must_link: Vec<(usize, usize)> = must_link
        .iter()
        .map(|&(copy, original)| (copy.index(), original.index()))
        .collect();
    let rule = linkage::LinkRule {
        threshold: config.link_threshold,
        cohesion_ratio: config.cohesion_ratio,
        support_cap: config.support_cap,
    };
    let roots = linkage::average_link(features.len(), &edges, &must_link, rule);
    dense_story_ids(&roots)
}

/// The candidate similarity graph [`cluster_stories`] clusters: each article's most similar
/// others as (a, b, cosine) with `a < b`, sorted. For diagnostics and threshold studies.
pub fn similarity_graph(
    features: &[StoryFeatures],
    config: &ClusterConfig,
) -> Vec<(DocIdx, DocIdx, f32)> {
    let store = vectors::VectorStore::build(features, config);
    vectors::similarity_edges(&store, config)
        .into_iter()
        .map(|edge| (DocIdx(edge.a), DocIdx(edge.b), edge.similarity))
        .collect()
}

/// Numbers clusters 0, 1, 2… in order of their first article.
fn dense_story_ids(roots: &[u32]) -> Vec<StoryId> {
    let mut story_of_root: rustc_hash::FxHashMap<u32, u32> = rustc_hash::FxHashMap::default();
    roots
        .iter()
        .map(|&root| {
            let next = story_of_root.len() as u32;
            StoryId(*story_of_root.entry(root).or_insert(next))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Clusters `texts` with default settings and checks the story ids.
    fn check(texts: &[&str], must_link: &[(u32, u32)], expected: &[u32]) {
        let config = ClusterConfig::default();
        let features: Vec<StoryFeatures> = texts
            .iter()
            .map(|text| story_features(None, text, None, &config))
            .collect();
        let must_link: Vec<(DocIdx, DocIdx)> = must_link
            .iter()
            .map(|&(a, b)| (DocIdx(a), DocIdx(b)))
            .collect();
        let stories = cluster_stories(&features, &must_link, &config);
        let got: Vec<u32> = stories.iter().map(|story| story.0).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn two_earthquakes_stay_apart() {
        check(
            &[
                "A magnitude 5.9 earthquake struck Qeshm island in southern Iran on Sunday, killing 7 people and injuring 45.",
                "A 6.3 earthquake hit near Bam in Kerman province, Iran, on Tuesday; at least 250 people were killed.",
                "Seven people died when a 5.9 earthquake struck Iran's Qeshm island on Sunday, officials said; 45 were hurt.",
                "The Bam earthquake of magnitude 6.3 killed at least 250 people in Kerman province on Tuesday.",
            ],
            &[],
            &[0, 1, 0, 1],
        );
    }

    #[test]
    fn differently_worded_reports_of_one_event_join() {
        check(
            &[
                "Actress Tara Reid checked into the Promises Treatment Center in Malibu, her publicist Jack Ketsoyan said.",
                "Tara Reid has entered rehab at Promises in Malibu, according to publicist Jack Ketsoyan.",
                "The Philadelphia 76ers fired coach Maurice Cheeks on Saturday after a 9-14 start.",
            ],
            &[],
            &[0, 0, 1],
        );
    }

    #[test]
    fn must_link_joins_unrelated_texts() {
        check(
            &[
                "Tara Reid enters rehab.",
                "Qeshm island earthquake.",
                "Cheeks fired.",
            ],
            &[(2, 0)],
            &[0, 1, 0],
        );
    }

    #[test]
    fn empty_and_blank_articles() {
        check(&[], &[], &[]);
        check(&["", "   ", "..."], &[(9, 0)], &[0, 1, 2]);
    }

    #[test]
    fn dense_ids_follow_first_article() {
        let got: Vec<u32> = dense_story_ids(&[5, 2, 5, 9, 2])
            .iter()
            .map(|story| story.0)
            .collect();
        assert_eq!(got, vec![0, 1, 0, 2, 1]);
    }
}
