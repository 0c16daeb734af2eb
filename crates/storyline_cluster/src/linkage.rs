//! Average-link agglomerative clustering on a sparse similarity graph: edges → cluster labels.
//!
//! Input is the k-nearest-neighbour graph from [`crate::candidates::similarity_edges`] plus
//! must-link pairs; output is one representative per article. Clusters start as the
//! must-link components. Each step merges the two clusters with the highest average pairwise
//! similarity, where a pair without an edge counts as similarity 0 — so a merge needs broad
//! support, not one strong link (single-link chaining would glue two earthquakes together
//! through one article that mentions both). Because the graph keeps only each article's few
//! nearest neighbours, and those are nearly always reports of the same event, two events of
//! one kind share few edges even when their shared vocabulary makes every cross pair
//! moderately similar: this sparsification is what separates them. For big stories the
//! pairs a merge is judged against are capped (`support_cap` per article of the smaller
//! side), since a kNN graph cannot densely link two halves of a large story. Merging stops
//! when no average reaches `threshold`. A max-heap with lazy invalidation keeps each step
//! near O(log E), and the smaller neighbour map is folded into the larger one.

use rayon::prelude::*;

use crate::candidates::Edge;
use crate::merge_queue::{Candidate, MergeQueue};

/// Clusters `n_docs` articles; returns for each article the index of its cluster's root.
pub(crate) fn average_link(
    n_docs: usize,
    edges: &[Edge],
    must_link: &[(usize, usize)],
    rule: LinkRule,
) -> Vec<u32> {
    let mut forest = UnionFind::new(n_docs);
    for &(a, b) in must_link {
        if a < n_docs && b < n_docs {
            forest.union(a as u32, b as u32);
        }
    }
    let roots: Vec<u32> = (0..n_docs as u32).map(|doc| forest.find(doc)).collect();
    let mut state = State {
        clusters: vec![
            Cluster {
                best_queued: f64::NEG_INFINITY,
                size: 0,
                version: 0,
            };
            n_docs
        ],
        neighbours: neighbour_lists(n_docs, edges, &roots),
        heap: MergeQueue::default(),
        spare: Vec::new(),
    };
    for &root in &roots {
        state.clusters[root as usize].size += 1;
    }
    // Every cluster's first best partner, found on the thread pool (each reads only its
    // own list), then queued in cluster order.
    let firsts: Vec<Option<(f64, u32)>> = (0..n_docs as u32)
        .into_par_iter()
        .map(|cluster| state.best_partner(cluster, rule))
        .collect();
    for (cluster, best) in firsts.into_iter().enumerate() {
        if let Some((average, other)) = best {
            state.queue(cluster as u32, other, average, rule);
        }
    }
    // Each entry belongs to cluster `a` and names its best partner `b` at push time. An
    // entry whose owner has since changed is dropped (the owner was re-queued then); one
    // whose partner changed is re-evaluated, like a lazy decrease-key.
    while let Some(candidate) = state.heap.pop() {
        let (a, b) = (candidate.a() as usize, candidate.b() as usize);
        if state.clusters[a].version != candidate.version_a() {
            continue;
        }
        if state.clusters[b].version != candidate.version_b() {
            state.push_best(a as u32, rule);
            continue;
        }
        // Keep the cluster with the longer neighbour list, fold the other into it.
        let (keep, gone) = if state.neighbours[a].len() >= state.neighbours[b].len() {
            (a as u32, b as u32)
        } else {
            (b as u32, a as u32)
        };
        state.merge(keep, gone);
        forest.union_into(gone, keep);
        state.requeue_merged(keep, rule);
    }
    (0..n_docs as u32).map(|doc| forest.find(doc)).collect()
}

/// Each cluster's neighbours (the other must-link roots it has edges to) with the sum of
/// those edges' similarities, sorted by cluster id. Sums are added up in edge order,
/// starting from 0.
fn neighbour_lists(n_docs: usize, edges: &[Edge], roots: &[u32]) -> Vec<Vec<(u32, f32)>> {
    let root_pair = |edge: &Edge| {
        let a = roots.get(edge.a as usize)?;
        let b = roots.get(edge.b as usize)?;
        (a != b).then_some((*a, *b))
    };
    // Each list is allocated once at the size its edges need.
    let mut degrees = vec![0usize; n_docs];
    for (a, b) in edges.iter().filter_map(root_pair) {
        degrees[a as usize] += 1;
        degrees[b as usize] += 1;
    }
    let mut lists: Vec<Vec<(u32, f32)>> = degrees.iter().map(|&n| Vec::with_capacity(n)).collect();
    for edge in edges {
        if let Some((a, b)) = root_pair(edge) {
            lists[a as usize].push((b, edge.similarity));
            lists[b as usize].push((a, edge.similarity));
        }
    }
    // Edges come sorted by (a, b), so without must-link pairs each list is already in
    // order and the (stable) sort only checks it; a pair of roots joined by several edges
    // is summed in edge order.
    lists.par_iter_mut().for_each(|list| {
        list.sort_by_key(|&(other, _)| other);
        let mut n_kept: usize = 0;
        for read in 0..list.len() {
            let (other, similarity) = list[read];
            match n_kept.checked_sub(1).and_then(|last| list.get_mut(last)) {
                Some(last) if last.0 == other => last.1 += similarity,
                _ => {
                    list[n_kept] = (other, 0.0 + similarity);
                    n_kept += 1;
                }
            }
        }
        list.truncate(n_kept);
    });
    lists
}

/// The state of one cluster besides its neighbours.
#[derive(Debug, Clone, Copy)]
struct Cluster {
    /// Average of the best merge queued for the cluster (−∞ if none), so a neighbour is
    /// re-queued only when a merge offers it something better.
    best_queued: f64,
    /// Articles in the cluster.
    size: u32,
    /// Bumped on every merge, so stale heap entries can be recognised.
    version: u32,
}

/// Mutable clustering state; index = cluster id (the id of one of its articles).
#[derive(Debug)]
struct State {
    /// What a merge reads of each neighbour, together: one cache line per neighbour.
    clusters: Vec<Cluster>,
    /// Per cluster, each neighbouring cluster with the sum of edge similarities to it,
    /// sorted by cluster id. Sorted lists rather than maps: a merge walks both lists once
    /// and the merged list is read straight through to queue its merges, where a map's
    /// iteration and look-ups cost most of the linking time.
    /// (f32 halves the entry size; sums of at most a few thousand similarities in [0, 1]
    /// keep ample precision.)
    neighbours: Vec<Vec<(u32, f32)>>,
    heap: MergeQueue,
    /// The buffer of a list replaced by a merge, reused for the next merged list.
    spare: Vec<(u32, f32)>,
}

impl State {
    /// Average similarity between two clusters given the sum of their edge similarities.
    /// The same, to the bit, whichever of the two is `cluster`.
    fn average(&self, cluster: u32, other: u32, sum: f32, rule: LinkRule) -> f64 {
        let size = f64::from(self.clusters[cluster as usize].size);
        let other_size = f64::from(self.clusters[other as usize].size);
        let mut pairs = size * other_size;
        if rule.support_cap > 0.0 {
            // In a k-nearest-neighbour graph an article links to about k others, so two big
            // halves of one story can never be densely linked; cap the pairs a merge needs
            // support from at `support_cap` per article of the smaller side.
            pairs = pairs.min(f64::from(rule.support_cap) * size.min(other_size));
        }
        f64::from(sum) / pairs.max(1.0)
    }

    /// The neighbour of `cluster` with the highest average, and that average.
    fn best_partner(&self, cluster: u32, rule: LinkRule) -> Option<(f64, u32)> {
        let mut best: Option<(f64, u32)> = None;
        for &(other, sum) in &self.neighbours[cluster as usize] {
            let average = self.average(cluster, other, sum, rule);
            if is_better(average, other, best) {
                best = Some((average, other));
            }
        }
        best
    }

    /// Queues the merge of `cluster` with its best neighbour, if it reaches the threshold.
    /// One entry per cluster keeps the heap near the number of clusters.
    fn push_best(&mut self, cluster: u32, rule: LinkRule) {
        self.clusters[cluster as usize].best_queued = f64::NEG_INFINITY;
        if let Some((average, other)) = self.best_partner(cluster, rule) {
            self.queue(cluster, other, average, rule);
        }
    }

    /// Folds cluster `gone` into `keep`: their lists merge (sums of a shared neighbour
    /// added, keep's first), and each neighbour of `gone` now names `keep` instead.
    fn merge(&mut self, keep: u32, gone: u32) {
        let gone_list = std::mem::take(&mut self.neighbours[gone as usize]);
        let keep_list = std::mem::take(&mut self.neighbours[keep as usize]);
        let mut merged = std::mem::take(&mut self.spare);
        merged.clear();
        merged.reserve(keep_list.len() + gone_list.len());
        let (mut at_keep, mut at_gone) = (0, 0);
        loop {
            let (next_keep, next_gone) = (keep_list.get(at_keep), gone_list.get(at_gone));
            let entry = match (next_keep, next_gone) {
                (None, None) => break,
                (Some(&(other, sum)), Some(&(gone_other, gone_sum))) if other == gone_other => {
                    at_keep += 1;
                    at_gone += 1;
                    (other, sum + gone_sum)
                }
                (Some(&(other, sum)), next_gone)
                    if next_gone.map_or(true, |&(gone_other, _)| other < gone_other) =>
                {
                    at_keep += 1;
                    if other == gone {
                        continue;
                    }
                    (other, sum)
                }
                (_, Some(&(gone_other, gone_sum))) => {
                    at_gone += 1;
                    if gone_other == keep {
                        continue;
                    }
                    (gone_other, 0.0 + gone_sum)
                }
                // Unreachable: with only a keep entry left, the guard above held.
                (Some(_), None) => break,
            };
            merged.push(entry);
        }
        self.neighbours[keep as usize] = merged;
        self.spare = keep_list;
        for &(other, sum) in &gone_list {
            if other != keep {
                if let Some(list) = self.neighbours.get_mut(other as usize) {
                    rename_neighbour(list, gone, keep, sum);
                }
            }
        }
        let gone_size = std::mem::take(&mut self.clusters[gone as usize].size);
        self.clusters[keep as usize].size += gone_size;
        self.clusters[keep as usize].version += 1;
        self.clusters[gone as usize].version += 1;
    }

    /// After a merge, queues the merged cluster's best merge, and offers the merged cluster
    /// to each neighbour whose queued best it beats (with the support cap a merged cluster
    /// can average more than either part did). One pass computes each average once: it is
    /// the same from either side.
    fn requeue_merged(&mut self, merged: u32, rule: LinkRule) {
        let list = std::mem::take(&mut self.neighbours[merged as usize]);
        self.clusters[merged as usize].best_queued = f64::NEG_INFINITY;
        let mut best: Option<(f64, u32)> = None;
        for &(other, sum) in &list {
            let average = self.average(merged, other, sum, rule);
            if is_better(average, other, best) {
                best = Some((average, other));
            }
            if average > self.clusters[other as usize].best_queued {
                self.queue(other, merged, average, rule);
            }
        }
        self.neighbours[merged as usize] = list;
        if let Some((average, other)) = best {
            self.queue(merged, other, average, rule);
        }
    }

    fn queue(&mut self, owner: u32, partner: u32, average: f64, rule: LinkRule) {
        if average >= f64::from(rule.threshold) {
            self.clusters[owner as usize].best_queued = average;
            self.heap.push(Candidate::new(
                average,
                owner,
                partner,
                self.clusters[owner as usize].version,
                self.clusters[partner as usize].version,
            ));
        }
    }
}

/// Whether `average` with `other` beats the best so far. Ties go to the lowest id, so the
/// choice does not depend on the order the neighbours are read in.
fn is_better(average: f64, other: u32, best: Option<(f64, u32)>) -> bool {
    match best {
        None => true,
        Some((best_average, best_other)) => {
            average > best_average || (average == best_average && other < best_other)
        }
    }
}

/// In a sorted neighbour list, cluster `gone` becomes `keep` after a merge: `sum` (the
/// sum of `gone`'s edges to the list's owner) is added to `keep`'s entry, or makes a new
/// entry in `gone`'s stead.
fn rename_neighbour(list: &mut Vec<(u32, f32)>, gone: u32, keep: u32, sum: f32) {
    let gone_at = list.binary_search_by_key(&gone, |&(other, _)| other).ok();
    match list.binary_search_by_key(&keep, |&(other, _)| other) {
        Ok(keep_at) => {
            list[keep_at].1 += sum;
            if let Some(gone_at) = gone_at {
                list.remove(gone_at);
            }
        }
        Err(insert_at) => match gone_at {
            // `gone`'s entry is reused and moved to where `keep` belongs.
            Some(gone_at) => {
                list[gone_at] = (keep, 0.0 + sum);
                if insert_at > gone_at {
                    list[gone_at..insert_at].rotate_left(1);
                } else {
                    list[insert_at..=gone_at].rotate_right(1);
                }
            }
            None => list.insert(insert_at, (keep, 0.0 + sum)),
        },
    }
}

/// When two clusters may merge.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LinkRule {
    /// Minimum average similarity between the two clusters.
    pub(crate) threshold: f32,
    /// Most partners per article a merge is judged against (0 = all: plain average-link).
    pub(crate) support_cap: f32,
}

/// Union-find with path halving.
#[derive(Debug)]
struct UnionFind {
    parent: Vec<u32>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n as u32).collect(),
        }
    }

    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let grandparent = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = grandparent;
            x = grandparent;
        }
        x
    }

    /// Joins two sets; the smaller root id becomes the root, so results do not depend on
    /// the order of the pairs.
    fn union(&mut self, a: u32, b: u32) {
        let (root_a, root_b) = (self.find(a), self.find(b));
        if root_a != root_b {
            let (low, high) = if root_a < root_b {
                (root_a, root_b)
            } else {
                (root_b, root_a)
            };
            self.parent[high as usize] = low;
        }
    }

    /// Hangs root `gone` under root `keep`.
    fn union_into(&mut self, gone: u32, keep: u32) {
        let (root_gone, root_keep) = (self.find(gone), self.find(keep));
        if root_gone != root_keep {
            self.parent[root_gone as usize] = root_keep;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks which articles end up together: `expected[i]` is a group label per article.
    fn check(
        n_docs: usize,
        edges: &[(u32, u32, f32)],
        must_link: &[(usize, usize)],
        expected: &[u32],
    ) {
        let edges: Vec<Edge> = edges
            .iter()
            .map(|&(a, b, similarity)| Edge { a, b, similarity })
            .collect();
        let roots = average_link(
            n_docs,
            &edges,
            must_link,
            LinkRule {
                threshold: 0.3,
                support_cap: 0.0,
            },
        );
        for i in 0..n_docs {
            for j in 0..n_docs {
                assert_eq!(
                    roots[i] == roots[j],
                    expected[i] == expected[j],
                    "articles {i} and {j}: {roots:?}"
                );
            }
        }
    }

    #[test]
    fn strong_pairs_merge_weak_ones_do_not() {
        check(
            4,
            &[(0, 1, 0.9), (2, 3, 0.8), (1, 2, 0.1)],
            &[],
            &[0, 0, 1, 1],
        );
    }

    #[test]
    fn one_strong_link_does_not_chain_two_groups() {
        // Groups {0,1,2} and {3,4,5} share one bridge 2–3; the average stays low.
        let edges = [
            (0, 1, 0.8),
            (0, 2, 0.8),
            (1, 2, 0.8),
            (3, 4, 0.8),
            (3, 5, 0.8),
            (4, 5, 0.8),
            (2, 3, 0.7),
        ];
        check(6, &edges, &[], &[0, 0, 0, 1, 1, 1]);
    }

    #[test]
    fn support_cap_keeps_a_big_sparse_story_whole() {
        // 300 reports of one story, each linked to 5 others as in a kNN graph.
        let n_docs = 300u32;
        let mut state = 12345u32;
        let mut edges = Vec::new();
        for a in 0..n_docs {
            for _ in 0..5 {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
                let b = (state >> 8) % n_docs;
                if a != b {
                    edges.push(Edge {
                        a: a.min(b),
                        b: a.max(b),
                        similarity: 0.3,
                    });
                }
            }
        }
        let n_stories = |support_cap: f32| {
            let rule = LinkRule {
                threshold: 0.04,
                support_cap,
            };
            let mut roots = average_link(n_docs as usize, &edges, &[], rule);
            roots.sort_unstable();
            roots.dedup();
            roots.len()
        };
        assert_eq!(n_stories(5.0), 1);
        assert!(n_stories(0.0) > 10, "plain average-link shatters it");
    }

    #[test]
    fn must_link_always_joins() {
        check(3, &[], &[(2, 0), (7, 1)], &[0, 1, 0]);
    }

    #[test]
    fn renamed_neighbour_keeps_the_list_sorted() {
        let rename = |list: &[(u32, f32)], gone: u32, keep: u32| {
            let mut list = list.to_vec();
            rename_neighbour(&mut list, gone, keep, 0.5);
            list
        };
        let list = [(2, 0.25), (5, 0.25), (9, 0.25)];
        // `keep` already listed: the sums add up and `gone` goes.
        assert_eq!(rename(&list, 5, 9), vec![(2, 0.25), (9, 0.75)]);
        // `keep` new: `gone`'s entry moves to where `keep` belongs, either way.
        assert_eq!(rename(&list, 2, 7), vec![(5, 0.25), (7, 0.5), (9, 0.25)]);
        assert_eq!(rename(&list, 9, 0), vec![(0, 0.5), (2, 0.25), (5, 0.25)]);
        assert_eq!(rename(&list, 5, 4), vec![(2, 0.25), (4, 0.5), (9, 0.25)]);
        // `gone` absent: `keep` is added.
        assert_eq!(rename(&[], 1, 3), vec![(3, 0.5)]);
    }

    #[test]
    fn empty_input() {
        check(0, &[], &[], &[]);
    }
}
