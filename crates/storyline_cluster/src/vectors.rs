//! Weighted term vectors and candidate pairs: [`StoryFeatures`] → [`VectorStore`] → edges.
//!
//! [`VectorStore::build`] counts document frequencies over all articles' features, weights
//! each term by sublinear tf × IDF × a boost for its kind (names, numbers, name pairs), and
//! keeps the heaviest `vector_terms` terms per article in flat arrays (bounded memory per
//! article). [`similarity_edges`] then finds, for every article, its most similar others
//! through an inverted index over each article's top `index_terms` terms — never comparing
//! all pairs — and scores those candidates by exact cosine. The edges go to
//! [`crate::linkage`].

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::features::{sublinear_count, StoryFeatures, TermKind};
use crate::ClusterConfig;

/// Articles per [`VectorChunk`]: weighed in parallel, one chunk per task.
const CHUNK_SIZE: usize = 4096;

/// Sparse, L2-normalised term vectors of all articles, in chunks of [`CHUNK_SIZE`]
/// articles. Keeping the chunks as built (rather than concatenating them) means the vectors
/// never exist twice in memory.
#[derive(Debug, Default)]
pub(crate) struct VectorStore {
    chunks: Vec<VectorChunk>,
    /// Publication dates, when known.
    dates: Vec<Option<i32>>,
}

/// The vectors of up to [`CHUNK_SIZE`] consecutive articles, stored flat.
#[derive(Debug, Default)]
struct VectorChunk {
    /// `offsets[i]..offsets[i + 1]` indexes `terms` and `weights` for the chunk's article i.
    offsets: Vec<u32>,
    /// Term hashes, sorted within each article.
    terms: Vec<u32>,
    /// Weights matching `terms`, quantised to u16 (weight × 65535): each article's full
    /// vector had unit norm, so weights lie in [0, 1]; 16 bits keep the cosine to ~1e-4 and
    /// save 96 bytes per article.
    weights: Vec<u16>,
    /// `top_offsets[i]..top_offsets[i + 1]` indexes `top_positions` for the chunk's article i.
    top_offsets: Vec<u32>,
    /// Per article, the positions in its vector of its `index_terms` heaviest terms,
    /// heaviest first (ties by term): chosen once here, since both the inverted index and
    /// the candidate search walk them.
    top_positions: Vec<u32>,
}

impl VectorStore {
    pub(crate) fn build(features: &[StoryFeatures], config: &ClusterConfig) -> VectorStore {
        let mut document_frequency: FxHashMap<u32, TermStats> = FxHashMap::default();
        for article in features {
            for term in article.terms() {
                document_frequency.entry(term.hash).or_default().df += 1;
            }
        }
        let n_docs = features.len() as f32;
        // IDF once per distinct term rather than once per occurrence (a logarithm each).
        for stats in document_frequency.values_mut() {
            stats.idf = idf(stats.df, n_docs, config);
        }
        let chunks: Vec<VectorChunk> = features
            .par_chunks(CHUNK_SIZE)
            .map(|chunk| {
                let mut built = VectorChunk {
                    offsets: vec![0],
                    top_offsets: vec![0],
                    ..VectorChunk::default()
                };
                let mut order: Vec<u32> = Vec::new();
                let mut scratch = WeighScratch::default();
                for article in chunk {
                    let start = built.terms.len();
                    for &(term, weight, _) in scratch.weigh(article, &document_frequency, config) {
                        built.terms.push(term);
                        built.weights.push(quantise(weight));
                    }
                    let terms = built.terms.get(start..).unwrap_or_default();
                    let weights = built.weights.get(start..).unwrap_or_default();
                    top_positions(terms, weights, config.index_terms, &mut order);
                    built.top_positions.extend_from_slice(&order);
                    built
                        .offsets
                        .push(u32::try_from(built.terms.len()).unwrap_or(u32::MAX));
                    built
                        .top_offsets
                        .push(u32::try_from(built.top_positions.len()).unwrap_or(u32::MAX));
                }
                built.terms.shrink_to_fit();
                built.weights.shrink_to_fit();
                built.top_positions.shrink_to_fit();
                built
            })
            .collect();
        VectorStore {
            chunks,
            dates: features.iter().map(|article| article.date_days).collect(),
        }
    }

    pub(crate) fn n_docs(&self) -> usize {
        self.dates.len()
    }

    fn vector(&self, doc: usize) -> (&[u32], &[u16]) {
        let Some(chunk) = self.chunks.get(doc / CHUNK_SIZE) else {
            return (&[], &[]);
        };
        let local = doc % CHUNK_SIZE;
        let start = chunk.offsets.get(local).copied().unwrap_or(0) as usize;
        let end = chunk.offsets.get(local + 1).copied().unwrap_or(0) as usize;
        (
            chunk.terms.get(start..end).unwrap_or(&[]),
            chunk.weights.get(start..end).unwrap_or(&[]),
        )
    }

    /// The heaviest `index_terms` (term, weight) pairs of an article, heaviest first (ties
    /// by term).
    fn top_terms(&self, doc: usize) -> impl Iterator<Item = (u32, f32)> + '_ {
        let chunk = self.chunks.get(doc / CHUNK_SIZE);
        let local = doc % CHUNK_SIZE;
        let (terms, weights) = self.vector(doc);
        let positions = chunk
            .and_then(|chunk| {
                let start = *chunk.top_offsets.get(local)? as usize;
                let end = *chunk.top_offsets.get(local + 1)? as usize;
                chunk.top_positions.get(start..end)
            })
            .unwrap_or_default();
        positions.iter().filter_map(move |&position| {
            let position = position as usize;
            Some((*terms.get(position)?, dequantise(*weights.get(position)?)))
        })
    }

    /// [`VectorStore::similarity`] of the article loaded in `table` (`a`) and article `b`:
    /// the same products summed in the same (term) order, so the same bits.
    fn similarity_to_loaded(
        &self,
        table: &ProbeTable,
        a: usize,
        b: usize,
        config: &ClusterConfig,
    ) -> f32 {
        let (terms_b, weights_b) = self.vector(b);
        let dot = table.dot(terms_b, weights_b);
        let date_a = self.dates.get(a).copied().flatten();
        let date_b = self.dates.get(b).copied().flatten();
        dot / (QUANTUM * QUANTUM) * date_factor(date_a, date_b, config)
    }

    /// Cosine of two stored vectors, lowered by the date gap when both dates are known.
    #[cfg(test)]
    pub(crate) fn similarity(&self, a: usize, b: usize, config: &ClusterConfig) -> f32 {
        let (terms_a, weights_a) = self.vector(a);
        let (terms_b, weights_b) = self.vector(b);
        let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
        // Merge of two sorted term lists without data-dependent branches: every step writes
        // the pair of weights at the end of `shared` and keeps it only when the terms are
        // equal; the products are summed afterwards, in term order as a plain merge would.
        let mut shared = [0u32; SHARED_BATCH];
        let mut n_shared = 0;
        while let (Some(&term_a), Some(&term_b)) = (terms_a.get(i), terms_b.get(j)) {
            let weight_a = weights_a.get(i).copied().unwrap_or(0);
            let weight_b = weights_b.get(j).copied().unwrap_or(0);
            shared[n_shared % SHARED_BATCH] = (u32::from(weight_a) << 16) | u32::from(weight_b);
            n_shared += usize::from(term_a == term_b);
            if n_shared == SHARED_BATCH {
                dot = add_products(dot, &shared);
                n_shared = 0;
            }
            i += usize::from(term_a <= term_b);
            j += usize::from(term_b <= term_a);
        }
        dot = add_products(dot, shared.get(..n_shared).unwrap_or_default());
        let date_a = self.dates.get(a).copied().flatten();
        let date_b = self.dates.get(b).copied().flatten();
        dot / (QUANTUM * QUANTUM) * date_factor(date_a, date_b, config)
    }
}

/// Shared terms [`VectorStore::similarity`] gathers before summing their products.
#[cfg(test)]
const SHARED_BATCH: usize = 64;

/// `dot` plus the products of the packed weight pairs (high and low 16 bits), in order.
#[cfg(test)]
fn add_products(mut dot: f32, pairs: &[u32]) -> f32 {
    for &pair in pairs {
        dot += f32::from((pair >> 16) as u16) * f32::from(pair as u16);
    }
    dot
}

/// One article's vector spread over a small open-addressing table keyed by term. The
/// candidate search scores some sixteen others against each article: with the article in
/// a table, each candidate costs one probe per candidate term, where a merge of the two
/// sorted lists stepped through both. Probing in the candidate's (sorted) term order adds
/// the products in the order the merge did, so the sum has the same bits.
#[derive(Debug, Default)]
struct ProbeTable {
    /// Power-of-two many (term, 1 + quantised weight) slots, at most a quarter full (probes
    /// end quickly at a gap); a zero second half marks an empty slot.
    slots: Vec<(u32, u32)>,
}

impl ProbeTable {
    fn load(&mut self, terms: &[u32], weights: &[u16]) {
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
}

/// Positions in one article's vector (`terms`, `weights`) of its `k` heaviest terms, heaviest
/// first, ties by term, written to `order`.
fn top_positions(terms: &[u32], weights: &[u16], k: usize, order: &mut Vec<u32>) {
    order.clear();
    order.extend(0..terms.len() as u32);
    let key = |&position: &u32| {
        let position = position as usize;
        (
            std::cmp::Reverse(weights.get(position).copied().unwrap_or(0)),
            terms.get(position).copied().unwrap_or(0),
        )
    };
    // Select the k first, then order only those.
    if order.len() > k && k > 0 {
        order.select_nth_unstable_by_key(k - 1, key);
    }
    order.truncate(k);
    order.sort_unstable_by_key(key);
}

/// Scale of quantised weights: weight 1.0 is stored as 65535.
const QUANTUM: f32 = 65535.0;

fn quantise(weight: f32) -> u16 {
    // Float-to-int `as` saturates, so out-of-range or NaN input cannot wrap.
    (weight.clamp(0.0, 1.0) * QUANTUM).round() as u16
}

fn dequantise(weight: u16) -> f32 {
    f32::from(weight) / QUANTUM
}

/// Turns one article's term counts into its weighted, truncated vector, sorted by term.
/// Corpus statistics of one term.
#[derive(Debug, Clone, Copy, Default)]
struct TermStats {
    /// Articles whose features hold the term.
    df: u32,
    /// Its inverse document frequency (see [`idf`]).
    idf: f32,
}

/// `ln((N + 1) / df)`, N floored at `min_idf_docs`, raised to `idf_power`.
fn idf(df: u32, n_docs: f32, config: &ClusterConfig) -> f32 {
    let df = df.max(1);
    let mut idf = ((n_docs.max(config.min_idf_docs) + 1.0) / df as f32)
        .ln()
        .max(0.0);
    if config.idf_power != 1.0 {
        idf = idf.powf(config.idf_power);
    }
    idf
}

/// Buffers for weighing articles, reused across the articles of a chunk.
#[derive(Debug, Default)]
struct WeighScratch {
    /// (term, weight, df) of the article being weighed, in term order.
    weighted: Vec<(u32, f32, u32)>,
    /// A copy to select the heaviest terms in.
    ranked: Vec<(u32, f32, u32)>,
}

impl WeighScratch {
    /// Turns one article's term counts into its weighted, truncated, unit-norm vector as
    /// (term, weight, df), sorted by term.
    fn weigh(
        &mut self,
        article: &StoryFeatures,
        document_frequency: &FxHashMap<u32, TermStats>,
        config: &ClusterConfig,
    ) -> &[(u32, f32, u32)] {
        let weighted = &mut self.weighted;
        weighted.clear();
        weighted.extend(article.terms().map(|term| {
            // Every term of every article was counted, so the lookup finds it.
            let stats = document_frequency
                .get(&term.hash)
                .copied()
                .unwrap_or(TermStats { df: 1, idf: 0.0 });
            let tf = sublinear_count(term.count.max(1));
            let weight = tf * stats.idf * kind_boost(term.kind, config);
            (term.hash, weight, stats.df.max(1))
        }));
        // Features come sorted by term; the check keeps the output sorted whatever a caller
        // builds.
        if !weighted.windows(2).all(|pair| pair[0].0 < pair[1].0) {
            weighted.sort_unstable_by_key(|&(term, _, _)| term);
        }
        // The norm covers every term, so dropping terms no other article shares (they can
        // never add to a similarity) does not inflate the cosine of what remains.
        let norm = weighted
            .iter()
            .map(|&(_, weight, _)| weight * weight)
            .sum::<f32>()
            .sqrt();
        if norm <= 0.0 {
            weighted.clear();
            return weighted;
        }
        weighted.retain(|&(_, _, df)| df > 1);
        // Keep the `vector_terms` heaviest (ties by term): select the last one kept and
        // filter, which leaves the kept terms in term order without a second sort.
        let keep = config.vector_terms;
        if weighted.len() > keep {
            let by_weight =
                |a: &(u32, f32, u32), b: &(u32, f32, u32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
            if keep == 0 {
                weighted.clear();
            } else {
                self.ranked.clear();
                self.ranked.extend_from_slice(weighted);
                let (_, &mut last, _) = self.ranked.select_nth_unstable_by(keep - 1, by_weight);
                weighted.retain(|term| by_weight(term, &last) != std::cmp::Ordering::Greater);
            }
        }
        for term in weighted.iter_mut() {
            term.1 /= norm;
        }
        weighted
    }
}

fn kind_boost(kind: TermKind, config: &ClusterConfig) -> f32 {
    match kind {
        TermKind::Word => 1.0,
        TermKind::Name => config.name_boost,
        TermKind::Number => config.number_boost,
        TermKind::NamePair => config.name_pair_boost,
    }
}

/// 1 within the grace period, then decaying: articles months apart rarely share a story.
fn date_factor(a: Option<i32>, b: Option<i32>, config: &ClusterConfig) -> f32 {
    let (Some(a), Some(b)) = (a, b) else {
        return 1.0;
    };
    let gap = (i64::from(a) - i64::from(b)).unsigned_abs() as f32;
    let excess = (gap - config.date_grace_days).max(0.0);
    (-excess / config.date_scale_days.max(1.0)).exp()
}

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
    let postings = build_postings(store, config);
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

/// Inverted index: term → (article, weight) for articles that have the term among their
/// top `index_terms` terms.
#[derive(Debug)]
struct Postings {
    lists: FxHashMap<u32, Vec<(u32, f32)>>,
}

fn build_postings(store: &VectorStore, config: &ClusterConfig) -> Postings {
    let mut lists: FxHashMap<u32, Vec<(u32, f32)>> = FxHashMap::default();
    for doc in 0..store.n_docs() {
        for (term, weight) in store.top_terms(doc) {
            lists.entry(term).or_default().push((doc as u32, weight));
        }
    }
    // Terms in too many articles are stop-like: they would cost quadratic work and say
    // little about which story an article belongs to.
    lists.retain(|_, docs| docs.len() <= config.max_posting_len);
    Postings { lists }
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
        for (term, weight) in store.top_terms(doc) {
            let Some(list) = postings.lists.get(&term) else {
                continue;
            };
            for &(other, other_weight) in list {
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
                    let similarity = store.similarity_to_loaded(table, doc, other as usize, config);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story_features;

    /// Checks the similarity of two texts against an expected range.
    fn check(texts: &[&str], pair: (usize, usize), expected: std::ops::Range<f32>) {
        let config = ClusterConfig::default();
        let features: Vec<StoryFeatures> = texts
            .iter()
            .map(|text| story_features(None, text, None, &config))
            .collect();
        let store = VectorStore::build(&features, &config);
        let similarity = store.similarity(pair.0, pair.1, &config);
        assert!(
            expected.contains(&similarity),
            "similarity {similarity} not in {expected:?}"
        );
    }

    #[test]
    fn identical_texts_have_cosine_one() {
        check(
            &[
                "Tara Reid enters rehab in Malibu.",
                "Tara Reid enters rehab in Malibu.",
                "Other.",
            ],
            (0, 1),
            0.99..1.01,
        );
    }

    #[test]
    fn unrelated_texts_have_cosine_zero() {
        check(
            &[
                "Tara Reid enters rehab.",
                "Earthquake hits Qeshm island.",
                "Rehab again.",
            ],
            (0, 1),
            0.0..0.01,
        );
    }

    #[test]
    fn date_gap_lowers_similarity() {
        let config = ClusterConfig::default();
        assert_eq!(date_factor(Some(10), Some(12), &config), 1.0);
        assert!(date_factor(Some(0), Some(400), &config) < 0.01);
        assert_eq!(date_factor(None, Some(400), &config), 1.0);
    }

    #[test]
    fn edges_are_sorted_and_unique() {
        let config = ClusterConfig::default();
        let texts = [
            "Quake kills 12 in Qeshm.",
            "Qeshm quake kills 12.",
            "Qeshm quake: 12 dead.",
            "Rehab for Reid.",
        ];
        let features: Vec<StoryFeatures> = texts
            .iter()
            .map(|text| story_features(None, text, None, &config))
            .collect();
        let store = VectorStore::build(&features, &config);
        let edges = similarity_edges(&store, &config);
        assert!(edges
            .windows(2)
            .all(|pair| (pair[0].a, pair[0].b) < (pair[1].a, pair[1].b)));
        assert!(edges.iter().all(|edge| edge.a < edge.b && edge.b < 3));
        assert_eq!(edges.len(), 3);
    }

    #[test]
    fn batched_merge_sums_like_a_plain_merge() {
        // More shared terms than one batch holds, and vectors that share none.
        let config = ClusterConfig {
            vector_terms: 200,
            max_terms: 200,
            min_idf_docs: 1.0,
            ..ClusterConfig::default()
        };
        let texts: Vec<String> = (0..6)
            .map(|i| {
                (0..150)
                    .map(|word| format!("w{}x{} ", word * (i % 3 + 1), word % (i + 2)))
                    .collect()
            })
            .collect();
        let features: Vec<StoryFeatures> = texts
            .iter()
            .map(|text| story_features(None, text, Some(0), &config))
            .collect();
        let store = VectorStore::build(&features, &config);
        let mut most_shared = 0;
        for a in 0..texts.len() {
            for b in 0..texts.len() {
                let (terms_a, weights_a) = store.vector(a);
                let (terms_b, weights_b) = store.vector(b);
                let mut plain = 0.0f32;
                let mut n_shared = 0;
                for (term, weight) in terms_a.iter().zip(weights_a) {
                    if let Ok(at) = terms_b.binary_search(term) {
                        plain += f32::from(*weight) * f32::from(weights_b[at]);
                        n_shared += 1;
                    }
                }
                most_shared = most_shared.max(n_shared);
                let plain = plain / (QUANTUM * QUANTUM);
                assert_eq!(store.similarity(a, b, &config).to_bits(), plain.to_bits());
                let mut table = ProbeTable::default();
                table.load(terms_a, weights_a);
                let probed = store.similarity_to_loaded(&table, a, b, &config);
                assert_eq!(probed.to_bits(), plain.to_bits());
            }
        }
        assert!(most_shared > SHARED_BATCH, "{most_shared}");
    }
}
