//! Candidate search: [`VectorStore`] → the k-nearest-neighbour edges clustered by
//! [`crate::linkage`].
//!
//! [`similarity_edges`] finds, for every article, its most similar others through an
//! inverted index ([`Postings`]) over each article's top `index_terms` terms — never
//! comparing all pairs: the articles sharing indexed terms are ranked by the partial dot
//! product over those terms, the best `max_candidates` are scored by exact cosine against
//! the article's vector held in a [`ProbeTable`], and the `max_neighbours` most similar
//! become edges. Articles are searched in parallel, each thread with its own buffers.

use rayon::prelude::*;

use crate::vectors::VectorStore;
use crate::ClusterConfig;

/// A scored pair of articles, `a < b`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Edge {
    pub(crate) a: u32,
    pub(crate) b: u32,
    pub(crate) similarity: f32,
}

/// Finds each article's most similar others and returns the edges above
/// `config.min_edge_similarity`, sorted by (a, b), each pair once.
pub(crate) fn similarity_edges(store: &VectorStore, config: &ClusterConfig) -> Vec<Edge> {
    let n_docs = store.n_docs();
    let postings = Postings::build(store, config);
    let chunk_size = 1024;
    let chunks: Vec<Vec<Edge>> = (0..n_docs)
        .collect::<Vec<usize>>()
        .par_chunks(chunk_size)
        .map_init(
            || CandidateScratch::new(n_docs),
            |scratch, docs| {
                let mut edges = Vec::new();
                for &doc in docs {
                    scratch.neighbours(doc, store, &postings, config, &mut edges);
                }
                edges
            },
        )
        .collect();
    let mut edges: Vec<Edge> = chunks.into_iter().flatten().collect();
    edges.sort_unstable_by_key(|edge| (edge.a, edge.b));
    edges.dedup_by(|x, y| x.a == y.a && x.b == y.b);
    edges
}

/// Inverted index over term slots ([`TermTable`](crate::term_stats::TermTable) numbers):
/// slot → (article, weight) for the articles that have the term among their top
/// `index_terms` terms, in article order. Stored flat (compressed rows): no map lookups
/// while searching, and one allocation instead of one per term.
#[derive(Debug)]
struct Postings {
    /// `offsets[slot]..offsets[slot + 1]` indexes `entries` for a slot.
    offsets: Vec<u32>,
    entries: Vec<(u32, f32)>,
    max_len: usize,
}

impl Postings {
    fn build(store: &VectorStore, config: &ClusterConfig) -> Postings {
        let n_slots = store.n_term_slots();
        // Counting pass, then each list is filled in article order.
        let mut offsets = vec![0u32; n_slots + 1];
        for doc in 0..store.n_docs() {
            for (slot, _) in store.top_terms(doc) {
                if let Some(size) = offsets.get_mut(slot as usize + 1) {
                    *size += 1;
                }
            }
        }
        let mut total = 0u32;
        for offset in offsets.iter_mut() {
            total += *offset;
            *offset = total;
        }
        let mut next = offsets.clone();
        let mut entries = vec![(0u32, 0.0f32); total as usize];
        for doc in 0..store.n_docs() {
            for (slot, weight) in store.top_terms(doc) {
                let Some(cursor) = next.get_mut(slot as usize) else {
                    continue;
                };
                if let Some(entry) = entries.get_mut(*cursor as usize) {
                    *entry = (doc as u32, weight);
                }
                *cursor += 1;
            }
        }
        Postings {
            offsets,
            entries,
            max_len: config.max_posting_len,
        }
    }

    /// The list of a term slot; empty for terms in more than `max_posting_len` articles,
    /// which are stop-like: they would cost quadratic work and say little about which story
    /// an article belongs to.
    fn list(&self, slot: u32) -> &[(u32, f32)] {
        let start = self.offsets.get(slot as usize).copied().unwrap_or(0) as usize;
        let end = self.offsets.get(slot as usize + 1).copied().unwrap_or(0) as usize;
        if end.saturating_sub(start) > self.max_len {
            return &[];
        }
        self.entries.get(start..end).unwrap_or_default()
    }
}

/// Per-thread buffers for candidate scoring, reused across articles.
#[derive(Debug)]
struct CandidateScratch {
    /// Dot product over shared indexed terms, per candidate article.
    partial: Vec<f32>,
    touched: Vec<u32>,
    /// Touched articles as sort keys (score, id), for partial selection.
    ranked: Vec<u64>,
    /// The article whose neighbours are sought, for exact cosines.
    table: ProbeTable,
    /// The best candidates by exact cosine, with their ids.
    scored: Vec<(f32, u32)>,
}

impl CandidateScratch {
    fn new(n_docs: usize) -> CandidateScratch {
        CandidateScratch {
            partial: vec![0.0; n_docs],
            touched: Vec::new(),
            ranked: Vec::new(),
            table: ProbeTable::default(),
            scored: Vec::new(),
        }
    }

    fn neighbours(
        &mut self,
        doc: usize,
        store: &VectorStore,
        postings: &Postings,
        config: &ClusterConfig,
        edges: &mut Vec<Edge>,
    ) {
        for (slot, weight) in store.top_terms(doc) {
            for &(other, other_weight) in postings.list(slot) {
                if other as usize == doc {
                    continue;
                }
                if let Some(partial) = self.partial.get_mut(other as usize) {
                    if *partial == 0.0 {
                        self.touched.push(other);
                    }
                    // Never exactly 0 again once touched, so `touched` holds each once.
                    *partial += (weight * other_weight).max(f32::MIN_POSITIVE);
                }
            }
        }
        // Score exactly only the candidates with the highest partial dot product: the cap
        // bounds the work per article whatever the posting lists look like, and a partial
        // selection avoids sorting every touched article.
        // Sort keys: partial scores are positive, so their bits order like the floats;
        // inverted, an ascending key means a descending score, ties by article id.
        self.ranked.clear();
        for &other in &self.touched {
            let score = self.partial.get(other as usize).copied().unwrap_or(0.0);
            self.ranked
                .push((u64::from(!score.to_bits()) << 32) | u64::from(other));
        }
        if self.ranked.len() > config.max_candidates && config.max_candidates > 0 {
            self.ranked.select_nth_unstable(config.max_candidates - 1);
        }
        let (terms, weights) = store.vector(doc);
        self.table.load(terms, weights);
        let table = &self.table;
        self.scored.clear();
        self.scored.extend(
            self.ranked
                .iter()
                .take(config.max_candidates)
                .map(|&key| key as u32)
                .map(|other| {
                    let similarity = table.similarity(store, doc, other as usize, config);
                    (similarity, other)
                })
                .filter(|&(similarity, _)| similarity >= config.min_edge_similarity),
        );
        let scored = &mut self.scored;
        scored.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        scored.truncate(config.max_neighbours);
        for &(similarity, other) in scored.iter() {
            let (a, b) = if (doc as u32) < other {
                (doc as u32, other)
            } else {
                (other, doc as u32)
            };
            edges.push(Edge { a, b, similarity });
        }
        for &other in &self.touched {
            if let Some(partial) = self.partial.get_mut(other as usize) {
                *partial = 0.0;
            }
        }
        self.touched.clear();
    }
}

/// One article's vector spread over a small open-addressing table keyed by term. The
/// candidate search scores some sixteen others against each article: with the article in
/// a table, each candidate costs one probe per candidate term, where a merge of the two
/// sorted lists stepped through both. Probing in the candidate's (sorted) term order adds
/// the products in the order the merge did, so the sum has the same bits.
#[derive(Debug, Default)]
pub(crate) struct ProbeTable {
    /// Power-of-two many (term, 1 + quantised weight) slots, at most a quarter full (probes
    /// end quickly at a gap); a zero second half marks an empty slot.
    slots: Vec<(u32, u32)>,
}

impl ProbeTable {
    pub(crate) fn load(&mut self, terms: &[u32], weights: &[u16]) {
        let n_slots = (terms.len() * 4).next_power_of_two().max(16);
        self.slots.clear();
        self.slots.resize(n_slots, (0, 0));
        let mask = n_slots - 1;
        for (&term, &weight) in terms.iter().zip(weights) {
            // Term hashes are uniform, so their low bits spread the slots.
            let mut slot = term as usize & mask;
            while self.slots.get(slot).is_some_and(|&(_, held)| held != 0) {
                slot = (slot + 1) & mask;
            }
            if let Some(entry) = self.slots.get_mut(slot) {
                *entry = (term, u32::from(weight) + 1);
            }
        }
    }

    /// Dot product (in quantised units) of the loaded vector with `terms`/`weights`.
    fn dot(&self, terms: &[u32], weights: &[u16]) -> f32 {
        let mask = self.slots.len().wrapping_sub(1);
        let mut dot = 0.0f32;
        for (&term, &weight) in terms.iter().zip(weights) {
            let mut slot = term as usize & mask;
            while let Some(&(held_term, held)) = self.slots.get(slot) {
                if held == 0 {
                    break;
                }
                if held_term == term {
                    // `held - 1` is the loaded u16 weight, so the cast is exact.
                    dot += f32::from((held - 1) as u16) * f32::from(weight);
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        dot
    }

    /// [`VectorStore::similarity`] of the article loaded here (`a`) and article `b`.
    pub(crate) fn similarity(
        &self,
        store: &VectorStore,
        a: usize,
        b: usize,
        config: &ClusterConfig,
    ) -> f32 {
        let (terms_b, weights_b) = store.vector(b);
        store.scale_dot(self.dot(terms_b, weights_b), a, b, config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{story_features, StoryFeatures};

    /// Builds the edges of `texts` and checks them as (a, b) pairs.
    fn check(texts: &[&str], expected: &[(u32, u32)]) {
        let config = ClusterConfig::default();
        let features: Vec<StoryFeatures> = texts
            .iter()
            .map(|text| story_features(None, text, None, &config))
            .collect();
        let store = VectorStore::build(&features, &config);
        let edges = similarity_edges(&store, &config);
        let got: Vec<(u32, u32)> = edges.iter().map(|edge| (edge.a, edge.b)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn edges_are_sorted_and_unique() {
        check(
            &[
                "Quake kills 12 in Qeshm.",
                "Qeshm quake kills 12.",
                "Qeshm quake: 12 dead.",
                "Rehab for Reid.",
            ],
            &[(0, 1), (0, 2), (1, 2)],
        );
        check(&[], &[]);
    }

    #[test]
    fn stop_like_terms_are_not_indexed() {
        let config = ClusterConfig {
            max_posting_len: 2,
            min_idf_docs: 1.0,
            ..ClusterConfig::default()
        };
        // "Qeshm" and "quake" are in all three articles: too common to index at length 2.
        let texts = ["Qeshm quake", "Qeshm quake", "Qeshm quake", "Other"];
        let features: Vec<StoryFeatures> = texts
            .iter()
            .map(|text| story_features(None, text, None, &config))
            .collect();
        let store = VectorStore::build(&features, &config);
        assert!(similarity_edges(&store, &config).is_empty());
    }
}
