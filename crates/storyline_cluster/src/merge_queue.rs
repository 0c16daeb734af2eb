//! The queue of candidate merges of average-link clustering ([`MergeQueue`] of
//! [`Candidate`]s), highest average first.
//!
//! [`crate::linkage`] queues each cluster's best merge and pops them one at a time; a
//! hundred thousand articles keep about as many candidates queued, so each pop walks a
//! queue of a few megabytes. The queue is a four-way heap, whose walk from the top is half
//! as deep as a binary heap's and reads the children of a node from one or two cache
//! lines, and a candidate is ordered by three integers compared in turn (the average's
//! bits made to order like the float, then the cluster ids, then the versions) rather
//! than by a float comparison and a chain of tie-breaks. The order is the same total order
//! as before, so candidates pop in the same sequence whatever the queue's layout.

/// A possible merge of cluster `a` (whose entry it is) with cluster `b`, valid while both
/// keep the versions recorded here. Ordered by average, then lower ids first (`a`, then
/// `b`), then newer versions first: a total order, so the merge sequence never depends on
/// the order candidates were queued in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Candidate {
    /// The average's bits, mapped so that integer order is the float's total order.
    average_key: u64,
    /// `!a` above `!b`: a higher key means lower ids.
    ids_key: u64,
    /// `version_a` above `version_b`.
    versions: u64,
}

impl Candidate {
    pub(crate) fn new(average: f64, a: u32, b: u32, version_a: u32, version_b: u32) -> Candidate {
        Candidate {
            average_key: total_order_key(average),
            ids_key: (u64::from(!a) << 32) | u64::from(!b),
            versions: (u64::from(version_a) << 32) | u64::from(version_b),
        }
    }

    /// The cluster whose entry this is.
    pub(crate) fn a(&self) -> u32 {
        !(self.ids_key >> 32) as u32
    }

    /// The cluster it would merge with.
    pub(crate) fn b(&self) -> u32 {
        !self.ids_key as u32
    }

    /// `a`'s version when queued.
    pub(crate) fn version_a(&self) -> u32 {
        (self.versions >> 32) as u32
    }

    /// `b`'s version when queued.
    pub(crate) fn version_b(&self) -> u32 {
        self.versions as u32
    }
}

/// The bits of `value` as an integer that orders like [`f64::total_cmp`]: negative values
/// have all their bits flipped, others only the sign bit.
fn total_order_key(value: f64) -> u64 {
    let bits = value.to_bits();
    let negative_mask = ((bits as i64) >> 63) as u64;
    bits ^ (negative_mask | (1 << 63))
}

/// Children per node of the heap.
const ARITY: usize = 4;

/// Max-heap of candidates with four children per node.
#[derive(Debug, Default)]
pub(crate) struct MergeQueue {
    entries: Vec<Candidate>,
}

impl MergeQueue {
    pub(crate) fn push(&mut self, candidate: Candidate) {
        let mut at = self.entries.len();
        self.entries.push(candidate);
        while at > 0 {
            let parent = (at - 1) / ARITY;
            let Some(&above) = self.entries.get(parent) else {
                break;
            };
            if above >= candidate {
                break;
            }
            self.entries[at] = above;
            at = parent;
        }
        self.entries[at] = candidate;
    }

    /// Removes and returns the greatest candidate.
    pub(crate) fn pop(&mut self) -> Option<Candidate> {
        let last = self.entries.pop()?;
        let Some(&top) = self.entries.first() else {
            return Some(last);
        };
        // `last` sinks from the top: each step moves the greatest child up.
        let n_entries = self.entries.len();
        let mut at = 0;
        loop {
            let first_child = ARITY * at + 1;
            let Some(children) = self
                .entries
                .get(first_child..(first_child + ARITY).min(n_entries))
            else {
                break;
            };
            let Some((offset, &greatest)) = children
                .iter()
                .enumerate()
                .max_by(|(_, x), (_, y)| x.cmp(y))
            else {
                break;
            };
            if greatest <= last {
                break;
            }
            self.entries[at] = greatest;
            at = first_child + offset;
        }
        self.entries[at] = last;
        Some(top)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pushes `averages` (as candidates of clusters 0, 1, 2…) and checks the pop order.
    fn check(averages: &[f64], expected: &[u32]) {
        let mut queue = MergeQueue::default();
        for (cluster, &average) in averages.iter().enumerate() {
            queue.push(Candidate::new(average, cluster as u32, 0, 0, 0));
        }
        let popped: Vec<u32> = std::iter::from_fn(|| queue.pop())
            .map(|candidate| candidate.a())
            .collect();
        assert_eq!(popped, expected);
    }

    #[test]
    fn pops_highest_average_then_lowest_id() {
        check(&[], &[]);
        check(&[0.5], &[0]);
        check(&[0.1, 0.9, 0.5, 0.9, -1.0, 0.0], &[1, 3, 2, 0, 5, 4]);
    }

    #[test]
    fn fields_round_trip() {
        let candidate = Candidate::new(0.25, 7, u32::MAX, 3, 0);
        assert_eq!(
            (
                candidate.a(),
                candidate.b(),
                candidate.version_a(),
                candidate.version_b()
            ),
            (7, u32::MAX, 3, 0)
        );
    }

    #[test]
    fn key_orders_like_total_cmp() {
        let values = [
            f64::NEG_INFINITY,
            -2.5,
            -1e-300,
            -0.0,
            0.0,
            1e-300,
            0.07,
            0.0700001,
            1.0,
            f64::INFINITY,
            f64::NAN,
        ];
        for x in values {
            for y in values {
                assert_eq!(
                    total_order_key(x).cmp(&total_order_key(y)),
                    x.total_cmp(&y),
                    "{x} {y}"
                );
            }
        }
    }

    #[test]
    fn pops_like_a_sorted_list() {
        // Pseudo-random candidates with many ties, pushed and popped in turns.
        let mut queue = MergeQueue::default();
        let mut reference: Vec<Candidate> = Vec::new();
        let mut state = 0x2545_f491_u32;
        for step in 0..5000 {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            if step % 3 == 2 {
                reference.sort_unstable();
                assert_eq!(queue.pop(), reference.pop());
                continue;
            }
            let candidate = Candidate::new(
                f64::from(state >> 28) / 16.0,
                (state >> 8) % 50,
                (state >> 16) % 50,
                state % 3,
                (state >> 4) % 3,
            );
            queue.push(candidate);
            reference.push(candidate);
        }
        reference.sort_unstable();
        while let Some(candidate) = reference.pop() {
            assert_eq!(queue.pop(), Some(candidate));
        }
        assert_eq!(queue.pop(), None);
    }
}
