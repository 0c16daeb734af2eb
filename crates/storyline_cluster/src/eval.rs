//! Scores a predicted clustering against gold labels: ARI, BCubed and pairwise P/R/F1.
//!
//! [`score`] takes two label slices (one label per item, any integers) and returns
//! [`Scores`]. Everything is computed from the contingency table of (predicted, gold)
//! label pairs, so the cost is O(n log n) and no item pairs are enumerated.

use rustc_hash::FxHashMap;
use serde::Serialize;

/// Agreement between a predicted clustering and gold labels.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scores {
    pub n_items: usize,
    pub n_predicted: usize,
    pub n_gold: usize,
    /// Adjusted Rand index (Hubert & Arabie): 1 = identical, ≈0 = chance.
    pub ari: f64,
    pub bcubed_precision: f64,
    pub bcubed_recall: f64,
    pub bcubed_f1: f64,
    /// Share of predicted same-cluster pairs that are gold same-cluster pairs.
    pub pairwise_precision: f64,
    /// Share of gold same-cluster pairs that are predicted together.
    pub pairwise_recall: f64,
    pub pairwise_f1: f64,
}

/// Scores `predicted` against `gold`. Only the first `min(len)` items are compared.
/// Degenerate cases follow the usual conventions: with no pairs to get wrong a score is 1.
pub fn score(predicted: &[u32], gold: &[u32]) -> Scores {
    let n_items = predicted.len().min(gold.len());
    let predicted = &predicted[..n_items];
    let gold = &gold[..n_items];
    let mut cells: FxHashMap<(u32, u32), u64> = FxHashMap::default();
    let mut predicted_sizes: FxHashMap<u32, u64> = FxHashMap::default();
    let mut gold_sizes: FxHashMap<u32, u64> = FxHashMap::default();
    for (&p, &g) in predicted.iter().zip(gold) {
        *cells.entry((p, g)).or_insert(0) += 1;
        *predicted_sizes.entry(p).or_insert(0) += 1;
        *gold_sizes.entry(g).or_insert(0) += 1;
    }
    let pairs = |count: u64| (count * count.saturating_sub(1) / 2) as f64;
    let together_both: f64 = cells.values().map(|&count| pairs(count)).sum();
    let together_predicted: f64 = predicted_sizes.values().map(|&count| pairs(count)).sum();
    let together_gold: f64 = gold_sizes.values().map(|&count| pairs(count)).sum();
    let all_pairs = pairs(n_items as u64);

    let ari = if all_pairs == 0.0 {
        1.0
    } else {
        let expected = together_predicted * together_gold / all_pairs;
        let maximum = (together_predicted + together_gold) / 2.0;
        if maximum == expected {
            // Both clusterings are trivial (all one, or all singletons) in the same way.
            if together_both == expected {
                1.0
            } else {
                0.0
            }
        } else {
            (together_both - expected) / (maximum - expected)
        }
    };

    // BCubed: item i's precision is |cell(i)| / |predicted(i)|; summing per cell gives
    // count² / size for the cell's items.
    let mut bcubed_precision = 0.0;
    let mut bcubed_recall = 0.0;
    for (&(p, g), &count) in &cells {
        let count = count as f64;
        bcubed_precision += count * count / predicted_sizes.get(&p).copied().unwrap_or(1) as f64;
        bcubed_recall += count * count / gold_sizes.get(&g).copied().unwrap_or(1) as f64;
    }
    let (bcubed_precision, bcubed_recall) = if n_items == 0 {
        (1.0, 1.0)
    } else {
        (
            bcubed_precision / n_items as f64,
            bcubed_recall / n_items as f64,
        )
    };

    let pairwise_precision = if together_predicted == 0.0 {
        1.0
    } else {
        together_both / together_predicted
    };
    let pairwise_recall = if together_gold == 0.0 {
        1.0
    } else {
        together_both / together_gold
    };

    Scores {
        n_items,
        n_predicted: predicted_sizes.len(),
        n_gold: gold_sizes.len(),
        ari,
        bcubed_precision,
        bcubed_recall,
        bcubed_f1: harmonic_mean(bcubed_precision, bcubed_recall),
        pairwise_precision,
        pairwise_recall,
        pairwise_f1: harmonic_mean(pairwise_precision, pairwise_recall),
    }
}

fn harmonic_mean(a: f64, b: f64) -> f64 {
    if a + b == 0.0 {
        0.0
    } else {
        2.0 * a * b / (a + b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks (ARI, BCubed P, BCubed R, pairwise P, pairwise R) to 1e-9.
    fn check(predicted: &[u32], gold: &[u32], expected: [f64; 5]) {
        let scores = score(predicted, gold);
        let got = [
            scores.ari,
            scores.bcubed_precision,
            scores.bcubed_recall,
            scores.pairwise_precision,
            scores.pairwise_recall,
        ];
        for (name, (g, e)) in ["ari", "b3 p", "b3 r", "pair p", "pair r"]
            .iter()
            .zip(got.iter().zip(expected))
        {
            assert!(
                (g - e).abs() < 1e-9,
                "{name}: got {g}, expected {e} ({scores:?})"
            );
        }
    }

    #[test]
    fn perfect_clustering_with_other_label_names() {
        check(
            &[7, 7, 3, 3, 3],
            &[0, 0, 1, 1, 1],
            [1.0, 1.0, 1.0, 1.0, 1.0],
        );
    }

    #[test]
    fn all_in_one_cluster() {
        // Gold {0,1},{2,3}: 2 of 6 predicted pairs right. ARI: index 2, expected 6·2/6 = 2,
        // max (6+2)/2 = 4 → 0. BCubed precision 1/2 per item, recall 1.
        check(
            &[0, 0, 0, 0],
            &[0, 0, 1, 1],
            [0.0, 0.5, 1.0, 2.0 / 6.0, 1.0],
        );
    }

    #[test]
    fn all_singletons() {
        // No predicted pairs: precision 1 by convention, recall 0; ARI 0.
        check(&[0, 1, 2, 3], &[0, 0, 1, 1], [0.0, 1.0, 0.5, 1.0, 0.0]);
    }

    #[test]
    fn hand_computed_example() {
        // Gold {0,1,2},{3,4,5}; predicted {0,1},{2,3,4,5}.
        // Cells: (A,g0)=2, (B,g0)=1, (B,g1)=3 → index = 1 + 3 = 4.
        // Predicted pairs 1 + 6 = 7; gold pairs 3 + 3 = 6; all pairs 15.
        // Expected 7·6/15 = 2.8; max 6.5; ARI = (4 − 2.8)/(6.5 − 2.8) = 1.2/3.7.
        // BCubed P: items 0,1: 2/2; item 2: 1/4; items 3–5: 3/4 → (2 + 0.25 + 2.25)/6 = 0.75.
        // BCubed R: items 0,1: 2/3; item 2: 1/3; items 3–5: 3/3 → (4/3 + 1/3 + 3)/6 = 14/18.
        check(
            &[0, 0, 1, 1, 1, 1],
            &[0, 0, 0, 1, 1, 1],
            [1.2 / 3.7, 0.75, 14.0 / 18.0, 4.0 / 7.0, 4.0 / 6.0],
        );
    }

    #[test]
    fn empty_and_single_item() {
        check(&[], &[], [1.0, 1.0, 1.0, 1.0, 1.0]);
        check(&[4], &[9], [1.0, 1.0, 1.0, 1.0, 1.0]);
    }

    #[test]
    fn counts_clusters() {
        let scores = score(&[0, 1, 1, 2], &[5, 5, 5, 5]);
        assert_eq!(
            (scores.n_items, scores.n_predicted, scores.n_gold),
            (4, 3, 1)
        );
    }
}
