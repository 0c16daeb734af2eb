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
    let found: Vec<Edge> = chunks.into_iter().flatten().collect();
    let mut edges = sort_by_pair(&found, n_docs);
    // A pair found from both ends has the same cosine both times, to the bit: the shared
    // terms' products are the same and are summed in term order either way (the date
    // factor is symmetric too). So which copy is kept does not matter.
    edges.dedup_by(|x, y| x.a == y.a && x.b == y.b);
    edges
}

/// `edges` sorted by (a, b), for `a` below `n_docs`: placed by `a` with one counting pass
/// (a few hundred thousand edges sorted by comparison cost more than the search's serial
/// part otherwise did), then each article's few edges sorted by `b`.
fn sort_by_pair(edges: &[Edge], n_docs: usize) -> Vec<Edge> {
    let mut starts = vec![0usize; n_docs + 1];
    for edge in edges {
        if let Some(count) = starts.get_mut(edge.a as usize + 1) {
            *count += 1;
        }
    }
    for doc in 1..starts.len() {
        starts[doc] += starts[doc - 1];
    }
    let mut next = starts.clone();
    let mut sorted = vec![
        Edge {
            a: 0,
            b: 0,
            similarity: 0.0
        };
        edges.len()
    ];
    for &edge in edges {
        let Some(cursor) = next.get_mut(edge.a as usize) else {
            continue;
        };
        if let Some(slot) = sorted.get_mut(*cursor) {
            *slot = edge;
        }
        *cursor += 1;
    }
    for bounds in starts.windows(2) {
        if let Some(group) = sorted.get_mut(bounds[0]..bounds[1]) {
            group.sort_unstable_by_key(|edge| edge.b);
        }
    }
    sorted
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
                    *size = size.saturating_add(1);
                }
            }
        }
        // Saturating: past 4 billion postings the last lists come out short instead of
        // the count wrapping (u32 offsets keep the index at 4 bytes a row).
        let mut total = 0u32;
        for offset in offsets.iter_mut() {
            total = total.saturating_add(*offset);
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
                *cursor = cursor.saturating_add(1);
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
    fn range(&self, slot: u32) -> std::ops::Range<usize> {
        let start = self.offsets.get(slot as usize).copied().unwrap_or(0) as usize;
        let end = self.offsets.get(slot as usize + 1).copied().unwrap_or(0) as usize;
        if end.saturating_sub(start) > self.max_len {
            return 0..0;
        }
        start..end
    }

    /// The list at `range` (from [`Postings::range`]).
    fn list(&self, range: std::ops::Range<usize>) -> &[(u32, f32)] {
        self.entries.get(range).unwrap_or_default()
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
    /// The posting lists of the article's indexed terms, with the term's weight.
    lists: Vec<(std::ops::Range<usize>, f32)>,
}

impl CandidateScratch {
    fn new(n_docs: usize) -> CandidateScratch {
        CandidateScratch {
            partial: vec![0.0; n_docs],
            touched: Vec::new(),
            ranked: Vec::new(),
            table: ProbeTable::default(),
            scored: Vec::new(),
            lists: Vec::new(),
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
        // Where the lists are, and every cache line of them (8 entries to a 64-byte line,
        // and the last entry), are read ahead for all the indexed terms at once: those
        // reads do not wait on one another, so their cache misses overlap instead of
        // stalling each list in turn (reading only each list's first entry ahead left the
        // walk below waiting on most of the rest).
        self.lists.clear();
        self.lists.extend(
            store
                .top_terms(doc)
                .map(|(slot, weight)| (postings.range(slot), weight)),
        );
        let mut sink = 0u32;
        for (range, _) in &self.lists {
            let list = postings.list(range.clone());
            for entry in list.iter().step_by(8).chain(list.last()) {
                sink ^= entry.0;
            }
        }
        std::hint::black_box(sink);
        let mut n_touched = 0;
        // The article is in its own lists. Its score starts at −∞ rather than 0, so it never
        // counts as newly touched and stays −∞ whatever is added: no test per posting for
        // whether it is the article itself.
        if let Some(own) = self.partial.get_mut(doc) {
            *own = f32::NEG_INFINITY;
        }
        for (range, weight) in &self.lists {
            let (list, weight) = (postings.list(range.clone()), *weight);
            // Every article is written to `touched` and kept only if it is new: whether it
            // is new is a coin toss the processor cannot predict, so no branch on it. The
            // buffer only grows; `n_touched` says how much of it holds this article's.
            if self.touched.len() < n_touched + list.len() {
                self.touched.resize(n_touched + list.len(), 0);
            }
            for &(other, other_weight) in list {
                if let Some(partial) = self.partial.get_mut(other as usize) {
                    let is_new = *partial == 0.0;
                    // Never exactly 0 again once touched, so `touched` holds each once.
                    *partial += (weight * other_weight).max(f32::MIN_POSITIVE);
                    if let Some(entry) = self.touched.get_mut(n_touched) {
                        *entry = other;
                    }
                    n_touched += usize::from(is_new);
                }
            }
        }
        if let Some(own) = self.partial.get_mut(doc) {
            *own = 0.0;
        }
        // Score exactly only the candidates with the highest partial dot product: the cap
        // bounds the work per article whatever the posting lists look like.
        // Sort keys: partial scores are positive, so their bits order like the floats;
        // inverted, an ascending key means a descending score, ties by article id. Each
        // score is reset as it is read, ready for the next article.
        let touched = self.touched.get(..n_touched).unwrap_or_default();
        select_smallest(
            touched.iter().map(|&other| {
                let score = self
                    .partial
                    .get_mut(other as usize)
                    .map_or(0.0, |partial| std::mem::replace(partial, 0.0));
                (u64::from(!score.to_bits()) << 32) | u64::from(other)
            }),
            config.max_candidates,
            &mut self.ranked,
        );
        // The candidates' vectors are read ahead in the same way.
        store.warm_vectors(self.ranked.iter().map(|&key| key as u32 as usize));
        let (terms, weights) = store.vector(doc);
        self.table.load(terms, weights);
        let table = &self.table;
        self.scored.clear();
        self.scored.extend(
            self.ranked
                .iter()
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
    }
}

/// The `k` smallest of `keys` (distinct), in no particular order, written to `best`.
/// Most of the several hundred articles an article touches fall short of the `k` best
/// found so far, so a key costs one compare against the worst kept; only the rare
/// better one replaces it (a full selection had to move every key).
fn select_smallest(keys: impl Iterator<Item = u64>, k: usize, best: &mut Vec<u64>) {
    best.clear();
    let mut worst = (0, u64::MAX);
    for key in keys {
        if best.len() < k {
            best.push(key);
            if best.len() == k {
                worst = largest(best);
            }
        } else if key < worst.1 {
            if let Some(slot) = best.get_mut(worst.0) {
                *slot = key;
            }
            worst = largest(best);
        }
    }
}

/// Position and value of the largest key (`(0, u64::MAX)` when there is none).
fn largest(keys: &[u64]) -> (usize, u64) {
    keys.iter()
        .copied()
        .enumerate()
        .max_by_key(|&(_, key)| key)
        .unwrap_or((0, u64::MAX))
}

/// One article's vector spread over a small table keyed by term. The candidate search
/// scores some sixteen others against each article: with the article in a table, each
/// candidate costs one look-up per candidate term, where a merge of the two sorted lists
/// stepped through both. Looking up in the candidate's (sorted) term order adds the
/// products in the order the merge did, so the sum has the same bits.
///
/// The table is direct-mapped on a window of the term's bits, chosen so that the article's
/// terms do not collide: a look-up is then one load and a compare, and a term that is not
/// there adds a product of zero, which leaves the (non-negative) sum unchanged — no branch
/// on whether the term is shared. An article whose terms collide in every window tried
/// falls back to linear probing. Terms of weight 0 are left out: they add nothing either.
#[derive(Debug, Default)]
pub(crate) struct ProbeTable {
    /// Power-of-two many (term, weight) slots, the quantised weight held as an `f32` (the
    /// same value, converted once here rather than per look-up); weight 0 marks an empty
    /// slot.
    slots: Vec<(u32, f32)>,
    /// Slots written by the current load, to empty them for the next.
    filled: Vec<u32>,
    /// Right shift of the term before masking: which bits choose the slot.
    shift: u32,
    /// No two terms share a slot (else the slots are probed linearly from the term's).
    direct: bool,
}

/// Windows of term bits tried before falling back to linear probing.
const MAX_SHIFT: u32 = 16;

impl ProbeTable {
    pub(crate) fn load(&mut self, terms: &[u32], weights: &[u16]) {
        // 32 slots per term keep collisions rare enough that the first window or two has
        // none. The table only grows, so it is allocated and cleared once, not per article.
        let wanted = (terms.len() * 32).next_power_of_two().max(64);
        if wanted > self.slots.len() {
            self.slots = vec![(0, 0.0); wanted];
            self.filled.clear();
        }
        self.empty();
        for shift in 0..MAX_SHIFT {
            if self.try_direct(terms, weights, shift) {
                return;
            }
            self.empty();
        }
        self.load_probed(terms, weights);
    }

    /// Empties the slots of the last load.
    fn empty(&mut self) {
        for &slot in &self.filled {
            if let Some(entry) = self.slots.get_mut(slot as usize) {
                *entry = (0, 0.0);
            }
        }
        self.filled.clear();
    }

    /// Places every term in its own slot, chosen by the bits above `shift`; false if two
    /// terms collide.
    fn try_direct(&mut self, terms: &[u32], weights: &[u16], shift: u32) -> bool {
        self.shift = shift;
        self.direct = true;
        let mask = self.slots.len() - 1;
        for (&term, &weight) in terms.iter().zip(weights) {
            if weight == 0 {
                continue;
            }
            let slot = (term >> shift) as usize & mask;
            match self.slots.get_mut(slot) {
                Some(entry) if entry.1 == 0.0 => *entry = (term, f32::from(weight)),
                _ => return false,
            }
            self.filled.push(slot as u32);
        }
        true
    }

    /// Linear probing on the low bits, for terms that collide in every window. The table
    /// has at least 32 slots per term, so probes end quickly at an empty slot.
    fn load_probed(&mut self, terms: &[u32], weights: &[u16]) {
        self.shift = 0;
        self.direct = false;
        let mask = self.slots.len() - 1;
        for (&term, &weight) in terms.iter().zip(weights) {
            if weight == 0 {
                continue;
            }
            let mut slot = term as usize & mask;
            while self.slots.get(slot).is_some_and(|entry| entry.1 != 0.0) {
                slot = (slot + 1) & mask;
            }
            if let Some(entry) = self.slots.get_mut(slot) {
                *entry = (term, f32::from(weight));
            }
            self.filled.push(slot as u32);
        }
    }

    /// Dot product (in quantised units) of the loaded vector with `terms`/`weights`.
    /// Never inlined: inside the candidate search the running sum was kept on the stack,
    /// and each addition waited on a store and a reload.
    #[inline(never)]
    fn dot(&self, terms: &[u32], weights: &[u16]) -> f32 {
        let mask = self.slots.len().wrapping_sub(1);
        let mut dot = 0.0f32;
        if self.direct {
            // Every term adds its product, a term that is not shared a product of +0.0:
            // added to the non-negative sum it leaves the bits as they are, so the sum is
            // that of the shared terms in term order. No branch on whether a term is
            // shared, and a dozen instructions a term (gathering the shared pairs first,
            // to add fewer products, took twice as many).
            let (slots, shift) = (self.slots.as_slice(), self.shift);
            for (&term, &weight) in terms.iter().zip(weights) {
                let (held_term, held_weight) = slots
                    .get((term >> shift) as usize & mask)
                    .copied()
                    .unwrap_or((0, 0.0));
                // All ones when the term is shared, else zero: the held weight or +0.0.
                // Worked out by arithmetic (equal terms: 0 - 1 borrows into the high
                // half) because the compiler turns a comparison into a branch here, which
                // guessed wrong once in six terms.
                let keep = (u64::from(held_term ^ term).wrapping_sub(1) >> 32) as u32;
                let shared_weight = f32::from_bits(held_weight.to_bits() & keep);
                dot += shared_weight * f32::from(weight);
            }
            return dot;
        }
        for (&term, &weight) in terms.iter().zip(weights) {
            let mut slot = term as usize & mask;
            for _ in 0..self.slots.len() {
                let Some(&(held_term, held_weight)) = self.slots.get(slot) else {
                    break;
                };
                if held_weight == 0.0 {
                    break;
                }
                if held_term == term {
                    dot += held_weight * f32::from(weight);
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        dot
    }

    /// The cosine of the article loaded here (`a`) and article `b`, lowered by their date
    /// gap: the same bits as the sorted merge the tests keep as reference.
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

    /// Builds the edges of `texts` and checks them as (a, b) pairs.
    fn check(texts: &[&str], expected: &[(u32, u32)]) {
        let config = ClusterConfig::default();
        let store = VectorStore::of_texts(texts, &config);
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
    fn probe_table_dot_matches_a_plain_sum() {
        // Terms alike below bit 26 collide in every window tried, so these take the
        // linear-probing path; the spread ones the direct path.
        let colliding: Vec<u32> = (1..=40).map(|i| i << 26).collect();
        let spread: Vec<u32> = (1..=40)
            .map(|i: u32| i.wrapping_mul(2_654_435_761))
            .collect();
        for (terms, direct) in [(colliding, false), (spread, true)] {
            let mut sorted = terms.clone();
            sorted.sort_unstable();
            let weights: Vec<u16> = (0..sorted.len() as u16).map(|i| i * 700).collect();
            let mut table = ProbeTable::default();
            table.load(&sorted, &weights);
            assert_eq!(table.direct, direct);
            let other: Vec<u32> = sorted.iter().copied().step_by(3).chain([7, 9]).collect();
            let mut other = other;
            other.sort_unstable();
            let other_weights: Vec<u16> = (0..other.len() as u16).map(|i| 1000 + i).collect();
            let mut plain = 0.0f32;
            for (term, weight) in other.iter().zip(&other_weights) {
                if let Ok(at) = sorted.binary_search(term) {
                    plain += f32::from(weights[at]) * f32::from(*weight);
                }
            }
            assert_eq!(table.dot(&other, &other_weights).to_bits(), plain.to_bits());
        }
    }

    #[test]
    fn pairs_sort_like_a_comparison_sort() {
        let edges: Vec<Edge> = (0..300u32)
            .map(|i| Edge {
                a: (i * 7919) % 40,
                b: (i * 104_729) % 97,
                similarity: i as f32,
            })
            .collect();
        let mut want = edges.clone();
        want.sort_by_key(|edge| (edge.a, edge.b));
        let got = sort_by_pair(&edges, 40);
        let pairs = |edges: &[Edge]| edges.iter().map(|e| (e.a, e.b)).collect::<Vec<_>>();
        assert_eq!(pairs(&got), pairs(&want));
        assert_eq!(got.len(), edges.len());
    }

    #[test]
    fn smallest_keys_are_selected() {
        let keys: Vec<u64> = (0..500u64)
            .map(|i| i.wrapping_mul(2_654_435_761) % 1009)
            .collect();
        for k in [0, 1, 16, 499, 500, 600] {
            let mut best = Vec::new();
            select_smallest(keys.iter().copied(), k, &mut best);
            best.sort_unstable();
            let mut want = keys.clone();
            want.sort_unstable();
            want.truncate(k);
            assert_eq!(best, want, "k = {k}");
        }
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
        let store = VectorStore::of_texts(&texts, &config);
        assert!(similarity_edges(&store, &config).is_empty());
    }
}
