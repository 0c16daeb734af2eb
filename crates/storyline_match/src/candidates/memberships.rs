//! Memberships: for each article, where its partners sit in the candidate stage's buckets
//! ([`Memberships`], a CSR by doc), built from [`Buckets`] by `candidate_pairs` and read by
//! its ranking of each article's partners (`rank_partners`), in `candidates.rs`.
//!
//! The buckets list docs by key; the ranking walks them by doc. Turning one into the other
//! is a counting sort, the one step of the stage that writes all over a large array; it runs
//! over ranges of buckets in parallel, each slot written by one thread.

use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

use super::Buckets;
use crate::MatchConfig;

/// For each doc, the members after it that it meets in each of its buckets (CSR by doc):
/// all of them, or its next few in an oversized bucket. A doc meets nobody in a bucket it
/// ends, so no entry is kept for that: a third fewer entries.
#[derive(Debug)]
pub(super) struct Memberships {
    starts: Vec<u32>,
    /// `first << 32 | table << 24 | count`: the doc meets the `count` members from
    /// `Buckets::members[first]` on, in a bucket of table `table`. A count of 0 stands for
    /// one meeting, with the doc it meets as `first`: most meetings are of one doc, which is
    /// then read from here instead of from `members`, far away in memory (the ranking's
    /// reads of `members` and of the bucket bounds were a cache miss each).
    entries: Vec<AtomicU64>,
}

/// The most members a doc meets in one bucket, so that a count fits the 24 bits of an
/// entry. Only a bucket of more than this many members, under a `max_bucket` as large,
/// would meet more: some 10^14 pairs, beyond any run.
const MAX_MEETINGS: usize = (1 << 24) - 1;

/// The most ranges of buckets [`Memberships::of`] splits its work into.
const MAX_RANGES: usize = 8;

impl Memberships {
    /// A counting sort of the meetings by doc, over ranges of buckets in parallel (ranges
    /// of about as many members). Each range counts its own meetings per doc; a prefix sum
    /// over (doc, range) then gives each range its own slots in each doc's run, so every
    /// slot is written by one thread only, and a doc's meetings come in bucket order
    /// whatever the number of ranges. Split by docs instead, every thread walked all the
    /// buckets: twice the CPU for the same wall time.
    pub(super) fn of(buckets: &Buckets, n_docs: usize, config: &MatchConfig) -> Memberships {
        // Each range holds a count per doc (4 bytes): at most 8 ranges, so that a machine
        // with many cores does not pay for them at the stage's memory peak.
        let n_ranges = rayon::current_num_threads().clamp(1, MAX_RANGES);
        let n_members = buckets.members.len();
        let bounds: Vec<usize> = (0..=n_ranges)
            .map(|range| {
                let member = n_members / n_ranges * range + n_members % n_ranges * range / n_ranges;
                let bucket = buckets
                    .starts
                    .partition_point(|&start| (start as usize) < member);
                bucket.min(buckets.len())
            })
            .collect();
        // Each range's meetings per doc, then (below) its next slot per doc.
        let mut fills: Vec<Vec<u32>> = bounds
            .par_windows(2)
            .map(|range| {
                let mut counts = vec![0u32; n_docs];
                for bucket in range[0]..range[1] {
                    let members = buckets.members(bucket);
                    // Every member but the last meets someone.
                    for &doc in members.iter().take(members.len().saturating_sub(1)) {
                        if let Some(count) = counts.get_mut(doc as usize) {
                            *count += 1;
                        }
                    }
                }
                counts
            })
            .collect();
        let mut starts = vec![0u32; n_docs + 1];
        let mut total = 0u32;
        for doc in 0..n_docs {
            starts[doc] = total;
            for fill in &mut fills {
                let count = fill[doc];
                fill[doc] = total;
                total += count;
            }
        }
        starts[n_docs] = total;
        // Atomics only because safe Rust cannot hand threads scattered slots of one array;
        // each slot has one writer, and relaxed loads and stores are plain moves.
        let entries: Vec<AtomicU64> = (0..total).map(|_| AtomicU64::new(0)).collect();
        bounds
            .par_windows(2)
            .zip(fills.par_iter_mut())
            .for_each(|(range, fill)| {
                for bucket in range[0]..range[1] {
                    let members = buckets.members(bucket);
                    let window = buckets.window(bucket, config).min(MAX_MEETINGS);
                    let table = u64::from(buckets.table_of[bucket]) << 24;
                    let meeting = members
                        .iter()
                        .enumerate()
                        .take(members.len().saturating_sub(1));
                    for (position, &doc) in meeting {
                        let Some(slot) = fill.get_mut(doc as usize) else {
                            continue;
                        };
                        let count = window.min(members.len() - 1 - position);
                        let entry = if count == 1 {
                            (u64::from(members[position + 1]) << 32) | table
                        } else {
                            let at = buckets.starts[bucket] as usize + position + 1;
                            ((at as u64) << 32) | table | count as u64
                        };
                        if let Some(slot_entry) = entries.get(*slot as usize) {
                            slot_entry.store(entry, Ordering::Relaxed);
                        }
                        *slot += 1;
                    }
                }
            });
        Memberships { starts, entries }
    }

    /// Appends `other << 8 | table` for each member `other` that `doc` meets in a bucket of
    /// table `table` (an index into `Buckets::tables`).
    pub(super) fn push_partners(&self, doc: u32, buckets: &Buckets, partners: &mut Vec<u64>) {
        let doc = doc as usize;
        let (Some(&start), Some(&end)) = (self.starts.get(doc), self.starts.get(doc + 1)) else {
            return;
        };
        for entry in self
            .entries
            .get(start as usize..end as usize)
            .unwrap_or_default()
        {
            let entry = entry.load(Ordering::Relaxed);
            let table = (entry >> 24) & 0xFF;
            let first = entry >> 32;
            match (entry & 0xFF_FFFF) as usize {
                0 => partners.push((first << 8) | table),
                count => {
                    let first = first as usize;
                    let others = buckets
                        .members
                        .get(first..first + count)
                        .unwrap_or_default();
                    partners.extend(others.iter().map(|&other| (u64::from(other) << 8) | table));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::candidates::Table;

    /// Builds one table's buckets from `input` (each bucket's docs, ascending) and checks
    /// whom each doc meets, in bucket order.
    fn check(input: &[&[u32]], max_bucket: usize, expected: &[&[u32]]) {
        let mut buckets = Buckets::new(vec![Table::Exact]);
        let entries: Vec<u64> = (0u64..)
            .zip(input)
            .flat_map(|(key, docs)| docs.iter().map(move |&doc| (key << 32) | u64::from(doc)))
            .collect();
        buckets.push_table(0, &entries);
        let config = MatchConfig {
            max_bucket,
            ..MatchConfig::default()
        };
        let memberships = Memberships::of(&buckets, expected.len(), &config);
        for (doc, expected) in (0u32..).zip(expected) {
            let mut partners = Vec::new();
            memberships.push_partners(doc, &buckets, &mut partners);
            let met: Vec<u32> = partners
                .iter()
                .map(|&partner| (partner >> 8) as u32)
                .collect();
            assert_eq!(met, *expected, "doc {doc}");
        }
    }

    #[test]
    fn each_doc_meets_the_members_after_it() {
        // A lone doc is no bucket; a doc ending its bucket meets nobody there.
        check(
            &[&[0, 2], &[1], &[0, 1, 3]],
            64,
            &[&[2, 1, 3], &[3], &[], &[]],
        );
        // Oversized: each member meets its next 4 only.
        let big: Vec<u32> = (0..7).collect();
        check(
            &[&big],
            3,
            &[
                &[1, 2, 3, 4],
                &[2, 3, 4, 5],
                &[3, 4, 5, 6],
                &[4, 5, 6],
                &[5, 6],
                &[6],
                &[],
            ],
        );
        check(&[], 64, &[&[], &[]]);
    }
}
