//! Average-link agglomerative clustering on a sparse similarity graph: edges → cluster labels.
//!
//! Input is the k-nearest-neighbour graph from [`crate::vectors::similarity_edges`] plus
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

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use rustc_hash::FxHashMap;

use crate::vectors::Edge;

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
        sizes: vec![0; n_docs],
        neighbours: vec![FxHashMap::default(); n_docs],
        versions: vec![0; n_docs],
        heap: BinaryHeap::new(),
    };
    for &root in &roots {
        state.sizes[root as usize] += 1;
    }
    for edge in edges {
        let (Some(&a), Some(&b)) = (roots.get(edge.a as usize), roots.get(edge.b as usize)) else {
            continue;
        };
        if a != b {
            *state.neighbours[a as usize].entry(b).or_insert(0.0) += edge.similarity;
            *state.neighbours[b as usize].entry(a).or_insert(0.0) += edge.similarity;
        }
    }
    for cluster in 0..n_docs as u32 {
        state.push_all(cluster, rule);
    }
    while let Some(candidate) = state.heap.pop() {
        let (a, b) = (candidate.a as usize, candidate.b as usize);
        if state.versions[a] != candidate.version_a || state.versions[b] != candidate.version_b {
            continue;
        }
        // Keep the cluster with the larger neighbour map, fold the other into it.
        let (keep, gone) = if state.neighbours[a].len() >= state.neighbours[b].len() {
            (a, b)
        } else {
            (b, a)
        };
        let gone_map = std::mem::take(&mut state.neighbours[gone]);
        state.neighbours[keep].remove(&(gone as u32));
        for (&other, &sum) in &gone_map {
            if other as usize == keep {
                continue;
            }
            *state.neighbours[keep].entry(other).or_insert(0.0) += sum;
            let other_map = &mut state.neighbours[other as usize];
            other_map.remove(&(gone as u32));
            *other_map.entry(keep as u32).or_insert(0.0) += sum;
        }
        state.sizes[keep] += state.sizes[gone];
        state.sizes[gone] = 0;
        state.versions[keep] += 1;
        state.versions[gone] += 1;
        forest.union_into(gone as u32, keep as u32);
        state.push_all(keep as u32, rule);
    }
    (0..n_docs as u32).map(|doc| forest.find(doc)).collect()
}

/// Mutable clustering state; index = cluster id (the id of one of its articles).
#[derive(Debug)]
struct State {
    sizes: Vec<u32>,
    /// Sum of edge similarities to each neighbouring cluster.
    /// (f32 halves the entry size; sums of at most a few thousand similarities in [0, 1]
    /// keep ample precision.)
    neighbours: Vec<FxHashMap<u32, f32>>,
    /// Bumped on every merge, so stale heap entries can be recognised.
    versions: Vec<u32>,
    heap: BinaryHeap<Candidate>,
}

impl State {
    /// Queues every merge of `cluster` with a neighbour whose average reaches the threshold.
    fn push_all(&mut self, cluster: u32, rule: LinkRule) {
        let size = f64::from(self.sizes[cluster as usize]);
        for (&other, &sum) in &self.neighbours[cluster as usize] {
            let other_size = f64::from(self.sizes[other as usize]);
            let mut pairs = size * other_size;
            if rule.support_cap > 0.0 {
                // In a k-nearest-neighbour graph an article links to about k others, so two
                // big halves of one story can never be densely linked; cap the pairs a merge
                // needs support from at `support_cap` per article of the smaller side.
                pairs = pairs.min(f64::from(rule.support_cap) * size.min(other_size));
            }
            let average = f64::from(sum) / pairs;
            if average >= f64::from(rule.threshold) {
                let (a, b) = if cluster < other {
                    (cluster, other)
                } else {
                    (other, cluster)
                };
                self.heap.push(Candidate {
                    average,
                    a,
                    b,
                    version_a: self.versions[a as usize],
                    version_b: self.versions[b as usize],
                });
            }
        }
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

/// A possible merge, valid while both clusters keep the versions recorded here.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    average: f64,
    a: u32,
    b: u32,
    version_a: u32,
    version_b: u32,
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Candidate {}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Candidate {
    /// Highest average first; ties go to the lowest cluster ids, so the order is total.
    fn cmp(&self, other: &Self) -> Ordering {
        self.average
            .total_cmp(&other.average)
            .then_with(|| other.a.cmp(&self.a))
            .then_with(|| other.b.cmp(&self.b))
            .then_with(|| self.version_a.cmp(&other.version_a))
            .then_with(|| self.version_b.cmp(&other.version_b))
    }
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
    fn must_link_always_joins() {
        check(3, &[], &[(2, 0), (7, 1)], &[0, 1, 0]);
    }

    #[test]
    fn empty_input() {
        check(0, &[], &[], &[]);
    }
}
