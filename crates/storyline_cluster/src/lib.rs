//! Story grouping: per-article [`StoryFeatures`] → stories, plus [`eval`] to score a
//! clustering against gold labels.
//!
//! The pipeline calls [`story_features`] on every clean article (in parallel), then
//! [`cluster_stories`]'s two halves once over all of them: [`SimilarityGraph::of`] while the
//! matcher finds copies, [`SimilarityGraph::link`] with the copy edges as must-link pairs.
//! Inside, [`cluster_stories`]:
//! 1. counts document frequencies over the features and weights each article's terms by
//!    sublinear tf × IDF, boosting names, numbers and two-word names (they tell two events
//!    of the same kind apart), keeping the heaviest `vector_terms` (unit-norm cosine vectors);
//! 2. finds candidates through an inverted index over each article's top `index_terms`
//!    terms (posting lists longer than `max_posting_len` skipped; never all pairs), ranks
//!    them by partial dot product, scores the best `max_candidates` by exact cosine (lowered
//!    by a date gap when both dates are known) and keeps each article's `max_neighbours`
//!    nearest as edges;
//! 3. runs average-link clustering on that sparse kNN graph until no average reaches
//!    `link_threshold` (see `linkage`).
//!
//! Corpus statistics (IDF) are computed inside [`cluster_stories`] from the features, so no
//! builder is needed. Memory is bounded per article: `max_terms` terms in the features
//! (~424 bytes), and inside the clusterer `vector_terms` weighted terms, `index_terms`
//! postings (6 bytes each, plus 8 in the inverted index) and at most `max_neighbours` edges
//! per article; the term table and the index's row offsets grow with the distinct terms.
//!
//! Performance: [`story_features`] runs on every article. Its tokenizer (`tokens`) hands
//! plain ASCII words under eight bytes over already lowercased in a register, where they
//! are hashed (`short_hash`, XXH3's short-input rules), judges longer plain words eight
//! bytes at a time (`byte_classes`), and leaves everything else (non-ASCII, apostrophes,
//! inner dots and commas) to a general path that follows the same rules; term counts go to
//! an open-addressing table keyed by the term hash, reused per thread and counted without
//! branching on whether a term is new (`tally`), and stop words are a bucketed hash table
//! tested without branches. In [`cluster_stories`], term statistics sit in an
//! open-addressing table whose slot numbers index a flat inverted index (`term_stats`,
//! `candidates`); the reads whose cache misses dominate at 100,000 articles (term
//! statistics, every cache line of the posting lists, candidate vectors and dates) are
//! issued for a whole article at once so that the misses overlap; the best candidates are
//! kept with one compare each against the worst kept; exact cosines come from the
//! article's vector in a collision-free direct-mapped table, each candidate term adding its
//! product without a branch (+0.0 when not shared); and selections and sorts run on integer
//! keys (the kept terms of an article by a counting pass on their top hash bits). Linking
//! keeps each cluster's neighbours as a list sorted by id (a merge walks both lists once,
//! and one pass over the merged list queues its merges), each cluster's size, version and
//! best queued average side by side, and the candidate merges in a four-way heap ordered
//! by integers (`merge_queue`); the first best partners are found on the thread pool. Every
//! speed change keeps the output bit for bit: the same products are summed in the same
//! order (a pair scored from both ends gets the same cosine). `cargo run --release -p
//! storyline_cluster --example features_speed -- FILE.jsonl` prints the CPU per article,
//! the CPU of the similarity graph and of linking, and checksums of the features, stories
//! and similarity graph, to show that a speed change leaves the output the same.
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

mod byte_classes;
mod candidates;
pub mod eval;
mod features;
mod linkage;
mod merge_queue;
mod short_hash;
mod stopwords;
mod tally;
mod term_stats;
mod tokens;
mod vectors;

pub use features::{
    story_features, story_features_with_dateline, StoryFeatures, TermCount, TermKind,
};

/// Settings of story grouping. The defaults are the tuned ones (on ECB+ dev); the main knobs
/// are `link_threshold` (higher → smaller, purer stories) and `max_neighbours` (the k of
/// the kNN graph: more → larger stories).
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterConfig {
    /// Terms kept per article in [`StoryFeatures`] (6 bytes each).
    pub max_terms: usize,
    /// Weighted terms kept per article inside the clusterer (6 bytes each).
    pub vector_terms: usize,
    /// Heaviest terms per article entered in the inverted index for candidate search.
    pub index_terms: usize,
    /// Terms indexed for more articles than this are skipped as stop-like.
    pub max_posting_len: usize,
    /// Candidates per article scored by exact cosine (highest dot product on indexed terms).
    pub max_candidates: usize,
    /// Edges kept per article (its most similar others): the k of the kNN graph.
    pub max_neighbours: usize,
    /// Edges below this cosine are dropped before clustering.
    pub min_edge_similarity: f32,
    /// Average-link merging stops when no two stories average this similarity.
    pub link_threshold: f32,
    /// Each article of the smaller story is judged against at most this many articles of
    /// the other (0 = all, plain average-link). Matched to `max_neighbours`, it keeps
    /// stories of any size whole on the kNN graph (plain average-link shatters stories
    /// much larger than k).
    pub support_cap: f32,
    /// IDF is raised to this power: above 1 favours rare, event-specific terms over the
    /// vocabulary two events of one kind share.
    pub idf_power: f32,
    /// IDF is computed as if the corpus held at least this many articles. A small input
    /// (five reports of one event) has no background to tell event terms from common ones:
    /// without a floor the terms every report shares get an IDF near zero and the reports
    /// fall apart. Terms absent from the unseen background count as rare.
    pub min_idf_docs: f32,
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
            max_candidates: 16,
            max_neighbours: 5,
            min_edge_similarity: 0.01,
            link_threshold: 0.07,
            support_cap: 5.0,
            idf_power: 1.0,
            min_idf_docs: 20.0,
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
    SimilarityGraph::of(features, config).link(must_link, config)
}

/// The part of story grouping that needs no copy edges: each article's most similar others
/// (steps 1 and 2 of [`cluster_stories`], which is [`SimilarityGraph::of`] then
/// [`SimilarityGraph::link`]). A caller that finds copies meanwhile, as the pipeline does,
/// builds the graph alongside and links once the copies are known; the features are not
/// needed for linking.
#[derive(Debug)]
pub struct SimilarityGraph {
    n_docs: usize,
    edges: Vec<candidates::Edge>,
}

impl SimilarityGraph {
    /// The similarity graph of `features`.
    pub fn of(features: &[StoryFeatures], config: &ClusterConfig) -> SimilarityGraph {
        let store = vectors::VectorStore::build(features, config);
        let edges = candidates::similarity_edges(&store, config);
        SimilarityGraph {
            n_docs: features.len(),
            edges,
        }
    }

    /// Stories by average linkage over the graph (step 3 of [`cluster_stories`]), with the
    /// same contract: `must_link` pairs (copy, original) always share a story, ids are
    /// dense in order of each story's first article, pairs outside the graph are ignored.
    pub fn link(&self, must_link: &[(DocIdx, DocIdx)], config: &ClusterConfig) -> Vec<StoryId> {
        let must_link: Vec<(usize, usize)> = must_link
            .iter()
            .map(|&(copy, original)| (copy.index(), original.index()))
            .collect();
        let rule = linkage::LinkRule {
            threshold: config.link_threshold,
            support_cap: config.support_cap,
        };
        let roots = linkage::average_link(self.n_docs, &self.edges, &must_link, rule);
        dense_story_ids(&roots)
    }
}

/// The candidate similarity graph [`cluster_stories`] clusters: each article's most similar
/// others as (a, b, cosine) with `a < b`, sorted. For diagnostics and threshold studies.
pub fn similarity_graph(
    features: &[StoryFeatures],
    config: &ClusterConfig,
) -> Vec<(DocIdx, DocIdx, f32)> {
    let store = vectors::VectorStore::build(features, config);
    candidates::similarity_edges(&store, config)
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
        check_with(&ClusterConfig::default(), texts, must_link, expected);
    }

    fn check_with(
        config: &ClusterConfig,
        texts: &[&str],
        must_link: &[(u32, u32)],
        expected: &[u32],
    ) {
        let config = config.clone();
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
        // Four one-line reports are no corpus: with the IDF floor every shared word
        // ("earthquake", "Iran", "killed") looks rare. This checks the event cues on the
        // corpus's own IDF; `five_reports_of_one_event_alone_are_one_story` checks the floor.
        let config = ClusterConfig {
            min_idf_docs: 1.0,
            ..ClusterConfig::default()
        };
        check_with(
            &config,
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
    fn five_reports_of_one_event_alone_are_one_story() {
        check(
            &[
                "The river Elbe burst its banks in Dresden on Friday, flooding the old town; 1,200 residents were evacuated.",
                "Firefighters in Dresden pumped water from cellars after the Elbe flood. Mayor Dirk Hilbert said 1,200 people had left their homes.",
                "Saxony's governor visited flooded Dresden, where the Elbe reached 8.7 metres, and promised aid to businesses.",
                "Flood barriers failed along the Elbe in Dresden overnight; the army sent 300 soldiers to fill sandbags.",
                "Dresden's zoo moved its animals to higher ground as the Elbe rose; the old town remains closed to traffic.",
            ],
            &[],
            &[0, 0, 0, 0, 0],
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
    fn a_year_apart_is_another_story() {
        let config = ClusterConfig::default();
        let text =
            "A fire destroyed the Waitrose supermarket in Wellington on Monday, police said.";
        let other = "The Waitrose supermarket in Wellington burned down on Monday, police said.";
        let dated = |days: &[i32]| {
            let features: Vec<StoryFeatures> = days
                .iter()
                .enumerate()
                .map(|(i, &day)| {
                    story_features(
                        None,
                        if i % 2 == 0 { text } else { other },
                        Some(day),
                        &config,
                    )
                })
                .collect();
            cluster_stories(&features, &[], &config)
                .iter()
                .map(|story| story.0)
                .collect::<Vec<u32>>()
        };
        assert_eq!(dated(&[100, 101, 102]), vec![0, 0, 0]);
        assert_eq!(dated(&[100, 101, 500, 501]), vec![0, 0, 1, 1]);
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
    fn same_output_whatever_the_thread_count() {
        let config = ClusterConfig::default();
        let places = ["Qeshm", "Bam", "Malibu", "Athens", "Cumbria", "Albany"];
        let texts: Vec<String> = (0..120)
            .map(|i| {
                let place = places[i % places.len()];
                format!(
                    "Officials in {place} said {} people were hurt on day {} near {place} Harbour; \
                     report {i} adds that the {} inquiry continues.",
                    i % 7,
                    i % 5,
                    places[(i / 6) % places.len()]
                )
            })
            .collect();
        let features: Vec<StoryFeatures> = texts
            .iter()
            .map(|text| story_features(None, text, None, &config))
            .collect();
        let run = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build();
            let pool = pool.expect("a test thread pool");
            pool.install(|| cluster_stories(&features, &[], &config))
        };
        assert_eq!(run(1), run(3));
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
