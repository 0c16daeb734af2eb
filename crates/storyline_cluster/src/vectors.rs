//! Weighted term vectors: [`StoryFeatures`] → [`VectorStore`].
//!
//! [`VectorStore::build`] counts document frequencies over all articles' features (in a
//! [`TermTable`]), weights each term by sublinear tf × IDF × a boost for its kind (names,
//! numbers, name pairs), and keeps the heaviest `vector_terms` terms per article in flat
//! arrays (bounded memory per article), with each article's top `index_terms` terms for
//! the candidate search of [`crate::candidates`].

use rayon::prelude::*;

use crate::features::{sublinear_count, StoryFeatures, TermKind};
use crate::term_stats::TermTable;
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
    /// Slots of the term table: term slot numbers are below it.
    n_term_slots: usize,
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
    /// `top_offsets[i]..top_offsets[i + 1]` indexes `top_slots` and `top_weights` for the
    /// chunk's article i.
    top_offsets: Vec<u32>,
    /// Per article, its `index_terms` heaviest terms as term table slots, heaviest first
    /// (ties by term): chosen once here, since both the inverted index and the candidate
    /// search walk them.
    top_slots: Vec<u32>,
    /// The quantised weights of `top_slots`.
    top_weights: Vec<u16>,
}

impl VectorStore {
    pub(crate) fn build(features: &[StoryFeatures], config: &ClusterConfig) -> VectorStore {
        let mut term_table = TermTable::default();
        for article in features {
            term_table.warm(article.raw_terms().map(|(hash, _, _)| hash));
            for (hash, _, _) in article.raw_terms() {
                term_table.count(hash);
            }
        }
        term_table.set_idf(features.len() as f32, config);
        let chunks: Vec<VectorChunk> = features
            .par_chunks(CHUNK_SIZE)
            .map(|chunk| {
                let mut built = VectorChunk {
                    offsets: vec![0],
                    top_offsets: vec![0],
                    ..VectorChunk::default()
                };
                let mut order: Vec<u32> = Vec::new();
                let mut keys: Vec<u64> = Vec::new();
                let mut scratch = WeighScratch::default();
                for article in chunk {
                    let start = built.terms.len();
                    let weighted = scratch.weigh(article, &term_table, config);
                    for term in weighted {
                        built.terms.push(term.term);
                        built.weights.push(quantise(term.weight));
                    }
                    let terms = built.terms.get(start..).unwrap_or_default();
                    let weights = built.weights.get(start..).unwrap_or_default();
                    top_positions(terms, weights, config.index_terms, &mut order, &mut keys);
                    for &position in &order {
                        let position = position as usize;
                        if let (Some(term), Some(&weight)) =
                            (weighted.get(position), weights.get(position))
                        {
                            built.top_slots.push(term.slot);
                            built.top_weights.push(weight);
                        }
                    }
                    built
                        .offsets
                        .push(u32::try_from(built.terms.len()).unwrap_or(u32::MAX));
                    built
                        .top_offsets
                        .push(u32::try_from(built.top_slots.len()).unwrap_or(u32::MAX));
                }
                built.terms.shrink_to_fit();
                built.weights.shrink_to_fit();
                built.top_slots.shrink_to_fit();
                built.top_weights.shrink_to_fit();
                built
            })
            .collect();
        VectorStore {
            chunks,
            dates: features.iter().map(|article| article.date_days).collect(),
            n_term_slots: term_table.n_slots(),
        }
    }

    pub(crate) fn n_docs(&self) -> usize {
        self.dates.len()
    }

    /// Slots of the term table the vectors were weighed with: term slots are below it.
    pub(crate) fn n_term_slots(&self) -> usize {
        self.n_term_slots
    }

    /// The vector of an article: terms sorted, and their quantised weights.
    pub(crate) fn vector(&self, doc: usize) -> (&[u32], &[u16]) {
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

    /// Reads the vectors of `docs` a cache line at a time, so that scoring them finds them
    /// in cache: the reads of different vectors do not wait on one another, so their cache
    /// misses overlap.
    pub(crate) fn warm_vectors(&self, docs: impl Iterator<Item = usize>) {
        let mut sink = 0u32;
        for doc in docs {
            let (terms, weights) = self.vector(doc);
            // 16 terms or 32 weights to a 64-byte line.
            for term in terms.iter().step_by(16) {
                sink ^= term;
            }
            for &weight in weights.iter().step_by(32) {
                sink ^= u32::from(weight);
            }
            // The date too: the similarity reads it next to the vector.
            sink ^= self.dates.get(doc).copied().flatten().unwrap_or(0) as u32;
        }
        std::hint::black_box(sink);
    }

    /// The heaviest `index_terms` terms of an article as (term slot, weight), heaviest
    /// first (ties by term).
    pub(crate) fn top_terms(&self, doc: usize) -> impl Iterator<Item = (u32, f32)> + '_ {
        let local = doc % CHUNK_SIZE;
        let (slots, weights) = self
            .chunks
            .get(doc / CHUNK_SIZE)
            .and_then(|chunk| {
                let start = *chunk.top_offsets.get(local)? as usize;
                let end = *chunk.top_offsets.get(local + 1)? as usize;
                Some((
                    chunk.top_slots.get(start..end)?,
                    chunk.top_weights.get(start..end)?,
                ))
            })
            .unwrap_or_default();
        slots
            .iter()
            .zip(weights)
            .map(|(&slot, &weight)| (slot, dequantise(weight)))
    }

    /// A dot product of the vectors of `a` and `b` (in quantised units) as their similarity:
    /// scaled to a cosine and lowered by the date gap when both dates are known.
    pub(crate) fn scale_dot(&self, dot: f32, a: usize, b: usize, config: &ClusterConfig) -> f32 {
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
        self.scale_dot(dot, a, b, config)
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

/// Positions in one article's vector (`terms`, `weights`) of its `k` heaviest terms, heaviest
/// first, ties by term, written to `order` (`keys` is scratch).
fn top_positions(
    terms: &[u32],
    weights: &[u16],
    k: usize,
    order: &mut Vec<u32>,
    keys: &mut Vec<u64>,
) {
    order.clear();
    // One u64 per term that orders like (heaviest first, then term), with the position in
    // the low 16 bits: integer keys select and sort several times faster than a comparison
    // closure. Terms are distinct within a vector, so the position never decides.
    keys.clear();
    keys.extend(
        terms
            .iter()
            .zip(weights)
            .zip(0u64..)
            .map(|((&term, &weight), position)| {
                (u64::from(!weight) << 48) | (u64::from(term) << 16) | position
            }),
    );
    if keys.len() > usize::from(u16::MAX) {
        // Positions would not fit in 16 bits: a vector far longer than any setting makes.
        order.extend(0..terms.len() as u32);
        let key = |&position: &u32| {
            let position = position as usize;
            (
                std::cmp::Reverse(weights.get(position).copied().unwrap_or(0)),
                terms.get(position).copied().unwrap_or(0),
            )
        };
        order.sort_unstable_by_key(key);
        order.truncate(k);
        return;
    }
    // Select the k first, then order only those.
    if keys.len() > k && k > 0 {
        keys.select_nth_unstable(k - 1);
    }
    keys.truncate(k);
    keys.sort_unstable();
    order.extend(keys.iter().map(|&key| (key & 0xffff) as u32));
}

/// Scale of quantised weights: weight 1.0 is stored as 65535.
const QUANTUM: f32 = 65535.0;

fn quantise(weight: f32) -> u16 {
    let scaled = weight.clamp(0.0, 1.0) * QUANTUM;
    // `scaled.round()` (halves away from zero) without the call to the rounding routine:
    // the whole part by truncation, plus one when the rest is at least a half. For
    // 0 ≤ scaled ≤ 65535 the subtraction is exact, so this is the same number. Float-to-int
    // `as` saturates and takes NaN to 0, as `round() as u16` did.
    let whole = scaled as u32;
    let rest = scaled - whole as f32;
    u16::try_from(whole + u32::from(rest >= 0.5)).unwrap_or(u16::MAX)
}

fn dequantise(weight: u16) -> f32 {
    f32::from(weight) / QUANTUM
}

/// Turns one article's term counts into its weighted, truncated vector, sorted by term.
/// Buffers for weighing articles, reused across the articles of a chunk.
#[derive(Debug, Default)]
struct WeighScratch {
    /// The terms of the article being weighed, in term order.
    weighted: Vec<WeightedTerm>,
    /// Keys ([`weight_key`]) to select the heaviest terms by.
    ranked: Vec<u64>,
}

/// One term of an article being weighed.
#[derive(Debug, Clone, Copy)]
struct WeightedTerm {
    term: u32,
    weight: f32,
    /// Its document frequency.
    df: u32,
    /// Its slot in the term table.
    slot: u32,
}

impl WeighScratch {
    /// Turns one article's term counts into its weighted, truncated, unit-norm vector,
    /// sorted by term.
    fn weigh(
        &mut self,
        article: &StoryFeatures,
        term_table: &TermTable,
        config: &ClusterConfig,
    ) -> &[WeightedTerm] {
        let weighted = &mut self.weighted;
        weighted.clear();
        term_table.warm(article.raw_terms().map(|(hash, _, _)| hash));
        let boosts = kind_boosts(config);
        weighted.extend(article.raw_terms().map(|(hash, count, kind)| {
            // Every term of every article was counted, so the lookup finds it.
            let slot = term_table.slot_of(hash).unwrap_or(u32::MAX);
            let stats = term_table.stats(slot);
            let tf = sublinear_count(count.max(1));
            WeightedTerm {
                term: hash,
                weight: tf * stats.idf * boosts.get(kind).copied().unwrap_or(1.0),
                df: stats.df.max(1),
                slot,
            }
        }));
        // Features come sorted by term; the check keeps the output sorted whatever a caller
        // builds.
        if !weighted.windows(2).all(|pair| pair[0].term < pair[1].term) {
            weighted.sort_unstable_by_key(|term| term.term);
        }
        // The norm covers every term, so dropping terms no other article shares (they can
        // never add to a similarity) does not inflate the cosine of what remains.
        let norm = weighted
            .iter()
            .map(|term| term.weight * term.weight)
            .sum::<f32>()
            .sqrt();
        if norm <= 0.0 {
            weighted.clear();
            return weighted;
        }
        weighted.retain(|term| term.df > 1);
        // Keep the `vector_terms` heaviest (ties by term): select the last one kept and
        // filter, which leaves the kept terms in term order without a second sort.
        let keep = config.vector_terms;
        if weighted.len() > keep {
            if keep == 0 {
                weighted.clear();
            } else {
                // Integer keys (heaviest first, ties by term) select several times faster
                // than a comparison closure over the terms.
                self.ranked.clear();
                self.ranked.extend(weighted.iter().map(weight_key));
                let (_, &mut last, _) = self.ranked.select_nth_unstable(keep - 1);
                weighted.retain(|term| weight_key(term) <= last);
            }
        }
        for term in weighted.iter_mut() {
            term.weight /= norm;
        }
        weighted
    }
}

/// A key that orders terms heaviest first (by `f32::total_cmp`), ties by term: the weight's
/// bits mapped to an unsigned number in the float's total order, inverted, above the term.
fn weight_key(term: &WeightedTerm) -> u64 {
    let bits = term.weight.to_bits();
    let ordered = if bits >> 31 == 0 {
        bits | 0x8000_0000
    } else {
        !bits
    };
    (u64::from(!ordered) << 32) | u64::from(term.term)
}

/// Weight multiplier of each kind of term, indexed by the [`TermKind`] discriminant.
fn kind_boosts(config: &ClusterConfig) -> [f32; 4] {
    let mut boosts = [1.0; 4];
    boosts[TermKind::Name as usize] = config.name_boost;
    boosts[TermKind::Number as usize] = config.number_boost;
    boosts[TermKind::NamePair as usize] = config.name_pair_boost;
    boosts
}

/// 1 within the grace period, then decaying: articles months apart rarely share a story.
fn date_factor(a: Option<i32>, b: Option<i32>, config: &ClusterConfig) -> f32 {
    let (Some(a), Some(b)) = (a, b) else {
        return 1.0;
    };
    let gap = (i64::from(a) - i64::from(b)).unsigned_abs() as f32;
    let excess = (gap - config.date_grace_days).max(0.0);
    // Within the grace period the factor is e^-0 = 1 exactly: most candidate pairs of a
    // story are, and the exponential is not worked out for them.
    if excess == 0.0 {
        return 1.0;
    }
    (-excess / config.date_scale_days.max(1.0)).exp()
}

#[cfg(test)]
impl VectorStore {
    /// The store of untitled, undated `texts`, for the tests of this module and of
    /// `candidates.rs`.
    pub(crate) fn of_texts(texts: &[&str], config: &ClusterConfig) -> VectorStore {
        let features: Vec<StoryFeatures> = texts
            .iter()
            .map(|text| crate::story_features(None, text, None, config))
            .collect();
        VectorStore::build(&features, config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::candidates::ProbeTable;
    use crate::story_features;

    /// Checks the similarity of two texts against an expected range.
    fn check(texts: &[&str], pair: (usize, usize), expected: std::ops::Range<f32>) {
        let config = ClusterConfig::default();
        let store = VectorStore::of_texts(texts, &config);
        let similarity = store.similarity(pair.0, pair.1, &config);
        assert!(
            expected.contains(&similarity),
            "similarity {similarity} not in {expected:?}"
        );
    }

    #[test]
    fn quantise_rounds_like_round() {
        // Every weight near each quantum and near each half quantum, and odd inputs.
        let mut weights: Vec<f32> = vec![f32::NAN, -1.0, 0.0, 1.0, 2.0, f32::INFINITY];
        for step in 0..=65535u32 {
            for offset in [-0.5f32, -0.25, 0.0, 0.25, 0.5] {
                let scaled = step as f32 + offset;
                let weight = scaled / QUANTUM;
                weights.extend([
                    weight,
                    f32::from_bits(weight.to_bits() + 1),
                    f32::from_bits(weight.to_bits().saturating_sub(1)),
                ]);
            }
        }
        for weight in weights {
            let want = (weight.clamp(0.0, 1.0) * QUANTUM).round() as u16;
            assert_eq!(quantise(weight), want, "weight {weight}");
        }
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
    fn weight_keys_order_like_the_weights() {
        let weights = [0.5f32, -0.0, 0.0, 1e-30, 3.0, -2.0, f32::INFINITY, 0.5];
        let terms: Vec<WeightedTerm> = weights
            .iter()
            .enumerate()
            .map(|(i, &weight)| WeightedTerm {
                term: 100 - i as u32,
                weight,
                df: 2,
                slot: 0,
            })
            .collect();
        for a in &terms {
            for b in &terms {
                let by_weight = b.weight.total_cmp(&a.weight).then(a.term.cmp(&b.term));
                assert_eq!(weight_key(a).cmp(&weight_key(b)), by_weight);
            }
        }
    }

    #[test]
    fn top_positions_are_heaviest_first() {
        let terms = [3u32, 5, 8, 9, 12];
        let weights = [10u16, 40, 40, 0, 7];
        let (mut order, mut keys) = (Vec::new(), Vec::new());
        top_positions(&terms, &weights, 3, &mut order, &mut keys);
        assert_eq!(order, vec![1, 2, 0]);
        top_positions(&terms, &weights, 9, &mut order, &mut keys);
        assert_eq!(order, vec![1, 2, 0, 4, 3]);
        top_positions(&terms, &weights, 0, &mut order, &mut keys);
        assert_eq!(order, Vec::<u32>::new());
    }

    #[test]
    fn date_gap_lowers_similarity() {
        let config = ClusterConfig::default();
        assert_eq!(date_factor(Some(10), Some(12), &config), 1.0);
        assert!(date_factor(Some(0), Some(400), &config) < 0.01);
        assert_eq!(date_factor(None, Some(400), &config), 1.0);
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
                let probed = table.similarity(&store, a, b, &config);
                assert_eq!(probed.to_bits(), plain.to_bits());
            }
        }
        assert!(most_shared > SHARED_BATCH, "{most_shared}");
    }
}
