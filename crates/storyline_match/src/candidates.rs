//! Candidate stage: all fingerprints → the few article pairs worth verifying, in near-linear
//! time (no all-pairs comparison).
//!
//! Data comes from `find_copies`; pairs go to `verify.rs`. Each fingerprint is hashed into
//! keys of several tables; two articles become a candidate pair when they share a key:
//!
//! * the exact-text hash (exact copies);
//! * 32 LSH bands of 4 bins of the shingle MinHash (near-duplicates, Jaccard ≳ 0.4);
//! * 32 LSH bands of 3 bins of the content-word MinHash (rewrites, which share few shingles
//!   but most content words);
//! * sentence hashes (a wire story inside a longer page shares its sentences but, being much
//!   smaller, not its MinHash bands); here two shared sentences are required.
//!
//! Each table is a sorted vector of `key << 32 | doc` (one sort per table, cache-friendly).
//! A bucket bigger than `max_bucket` (a story syndicated to thousands of pages, or shared
//! boilerplate) is not expanded into all its pairs: each member is paired with its next few
//! members only, which still links a big family into one connected component. Finally each
//! article keeps at most `max_candidates_per_doc` pairs, the ones with the most shared keys.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::sketch::{mix64, Fingerprint, CONTENT_BINS, SHINGLE_BINS};
use crate::MatchConfig;

const SHINGLE_ROWS: usize = 4;
const CONTENT_ROWS: usize = 3;
/// Pairs per member in an oversized bucket.
const OVERSIZED_WINDOW: usize = 4;
/// Two articles must share this many sentences to become candidates by sentences alone.
const MIN_SHARED_SENTENCES: u32 = 2;

/// Which table a key comes from; decides how much a shared key counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Table {
    Exact,
    ShingleBand(usize),
    ContentBand(usize),
    Sentences,
}

impl Table {
    fn all() -> Vec<Table> {
        let mut tables = vec![Table::Exact, Table::Sentences];
        tables.extend((0..SHINGLE_BINS / SHINGLE_ROWS).map(Table::ShingleBand));
        tables.extend((0..CONTENT_BINS / CONTENT_ROWS).map(Table::ContentBand));
        tables
    }

    /// The table's keys for one fingerprint (upper 32 bits used).
    fn keys(self, fingerprint: &Fingerprint, out: &mut Vec<u64>) {
        match self {
            Table::Exact => out.push(fingerprint.exact_hash),
            Table::ShingleBand(band) => {
                out.extend(band_key(&fingerprint.shingle_minhash, band, SHINGLE_ROWS))
            }
            Table::ContentBand(band) => {
                out.extend(band_key(&fingerprint.content_minhash, band, CONTENT_ROWS))
            }
            Table::Sentences => out.extend(
                fingerprint
                    .sentence_hashes
                    .iter()
                    .map(|&hash| u64::from(hash) << 32),
            ),
        }
    }
}

fn band_key(signature: &[u16], band: usize, rows: usize) -> Option<u64> {
    let bins = signature.get(band * rows..(band + 1) * rows)?;
    let packed = bins
        .iter()
        .fold(band as u64, |acc, &bin| (acc << 16) ^ u64::from(bin));
    Some(mix64(packed ^ ((band as u64) << 56)))
}

/// Shared-key counts of one candidate pair.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Votes {
    exact: u32,
    shingle_bands: u32,
    content_bands: u32,
    sentences: u32,
}

impl Votes {
    fn qualifies(self) -> bool {
        self.exact > 0
            || self.shingle_bands > 0
            || self.content_bands > 0
            || self.sentences >= MIN_SHARED_SENTENCES
    }

    fn priority(self) -> u32 {
        // Exact beats any number of bands; bands and sentences count alike after that.
        self.exact * 1000 + self.shingle_bands * 2 + self.sentences + self.content_bands
    }
}

/// Candidate pairs `(left, right)` with `left < right`, sorted, each article in at most
/// `max_candidates_per_doc` of them (unless the other side still had room).
pub(crate) fn candidate_pairs(
    fingerprints: &[Fingerprint],
    config: &MatchConfig,
) -> Vec<(u32, u32)> {
    let eligible: Vec<u32> = (0..fingerprints.len())
        .filter(|&doc| fingerprints[doc].n_words >= config.min_words)
        .filter_map(|doc| u32::try_from(doc).ok())
        .collect();
    let per_table: Vec<(Table, Vec<u64>)> = Table::all()
        .into_par_iter()
        .map(|table| (table, table_pairs(table, fingerprints, &eligible, config)))
        .collect();

    let mut votes: FxHashMap<u64, Votes> = FxHashMap::default();
    for (table, pairs) in &per_table {
        for &pair in pairs {
            let entry = votes.entry(pair).or_default();
            match table {
                Table::Exact => entry.exact += 1,
                Table::ShingleBand(_) => entry.shingle_bands += 1,
                Table::ContentBand(_) => entry.content_bands += 1,
                Table::Sentences => entry.sentences += 1,
            }
        }
    }
    let mut ranked: Vec<(u32, u64)> = votes
        .into_iter()
        .filter(|(_, votes)| votes.qualifies())
        .map(|(pair, votes)| (votes.priority(), pair))
        .collect();
    // Highest priority first, then by pair: independent of hash-map order.
    ranked.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));

    let mut per_doc = vec![0usize; fingerprints.len()];
    let mut pairs = Vec::with_capacity(ranked.len());
    for (_, pair) in ranked {
        let (left, right) = ((pair >> 32) as usize, (pair & 0xFFFF_FFFF) as usize);
        if per_doc[left] < config.max_candidates_per_doc
            || per_doc[right] < config.max_candidates_per_doc
        {
            per_doc[left] += 1;
            per_doc[right] += 1;
            pairs.push((left as u32, right as u32));
        }
    }
    pairs.sort_unstable();
    pairs
}

/// The pairs (packed `left << 32 | right`) that share a key of one table.
fn table_pairs(
    table: Table,
    fingerprints: &[Fingerprint],
    eligible: &[u32],
    config: &MatchConfig,
) -> Vec<u64> {
    let mut entries = Vec::with_capacity(eligible.len());
    let mut keys = Vec::new();
    for &doc in eligible {
        keys.clear();
        table.keys(&fingerprints[doc as usize], &mut keys);
        entries.extend(
            keys.iter()
                .map(|&key| (key & !0xFFFF_FFFF) | u64::from(doc)),
        );
    }
    entries.sort_unstable();
    entries.dedup();

    let mut pairs = Vec::new();
    let mut start = 0;
    while start < entries.len() {
        let key = entries[start] >> 32;
        let end = start + entries[start..].partition_point(|&entry| entry >> 32 == key);
        let bucket = &entries[start..end];
        let window = if bucket.len() > config.max_bucket {
            OVERSIZED_WINDOW
        } else {
            bucket.len()
        };
        for (i, &left) in bucket.iter().enumerate() {
            for &right in bucket.iter().skip(i + 1).take(window) {
                pairs.push(((left & 0xFFFF_FFFF) << 32) | (right & 0xFFFF_FFFF));
            }
        }
        start = end;
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint;
    use crate::tests_support::{CONTAINING_PAGE, EDITED, PARAPHRASE, UNRELATED, WIRE};

    /// Runs the candidate stage on `input` and compares the pairs found.
    fn check(input: &[&str], expected: &[(u32, u32)]) {
        let config = MatchConfig::default();
        let fingerprints: Vec<Fingerprint> = input
            .iter()
            .map(|text| fingerprint(text, &config))
            .collect();
        assert_eq!(candidate_pairs(&fingerprints, &config), expected);
    }

    #[test]
    fn finds_copies_not_strangers() {
        check(&[WIRE, EDITED, UNRELATED], &[(0, 1)]);
        check(&[WIRE, CONTAINING_PAGE], &[(0, 1)]);
        check(&[PARAPHRASE, UNRELATED, WIRE], &[(0, 2)]);
        check(&[], &[]);
        check(&["", "a"], &[]);
    }

    #[test]
    fn oversized_bucket_is_chained() {
        let config = MatchConfig {
            max_bucket: 3,
            ..MatchConfig::default()
        };
        let fingerprints: Vec<Fingerprint> = (0..10).map(|_| fingerprint(WIRE, &config)).collect();
        let pairs = candidate_pairs(&fingerprints, &config);
        assert!(pairs.len() < 45 && pairs.len() >= 9, "{}", pairs.len());
        assert!(pairs.contains(&(0, 1)) && pairs.contains(&(8, 9)));
    }
}
