//! Candidate stage: all fingerprints → the few article pairs worth verifying, in near-linear
//! time (no all-pairs comparison).
//!
//! Data comes from `find_copies`; pairs go to `verify.rs`. Each fingerprint is hashed into
//! keys of several tables; two articles become a candidate pair when they share a key:
//!
//! * the exact-text hash (exact copies);
//! * 32 LSH bands of 4 bins of the shingle MinHash (near-duplicates, Jaccard ≳ 0.4);
//! * 42 LSH bands of 3 bins of the content-word MinHash (rewrites, which share few shingles
//!   but most content words); here two shared bands are required;
//! * sentence hashes (a wire story inside a longer page shares its sentences but, being much
//!   smaller, not its MinHash bands); here two shared sentences are required.
//!
//! Each table is a vector of `key << 32 | doc` sorted by key (radix sort, cache-friendly).
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
/// Two articles must share this many content-word bands to become candidates by those
/// alone: one shared band happens by chance to ~0.5% of unrelated pairs (content-word
/// Jaccard ≈ 0.05), two to ~0.001%, while a rewrite still shares two in 97% of cases at
/// Jaccard 0.5 and 91% at 0.45.
const MIN_SHARED_CONTENT_BANDS: u32 = 2;
/// Content-band buckets larger than this are chained (each member paired with its next few)
/// instead of expanded into all pairs.
const CONTENT_MAX_BUCKET: usize = 16;
/// Tables filled per pass over the fingerprints.
const TABLES_PER_PASS: usize = 11;

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
            || self.content_bands >= MIN_SHARED_CONTENT_BANDS
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
    // Tables in groups: one pass over the fingerprints fills a group's tables (fingerprints
    // are scattered in memory, so one pass per table would be one cache miss per key), and
    // only a group's entries are held at a time.
    // Two groups at a time (one per core); each group's pair lists are folded into the
    // votes and dropped before the next groups are built, so the transient memory is two
    // groups' pairs, not every table's.
    let tables = Table::all();
    let mut votes: FxHashMap<u64, Votes> = FxHashMap::default();
    // Content-band pairs are by far the most numerous and most need two shared bands: they
    // are counted by sorting one flat list (8 bytes a pair) instead of in the hash map.
    let mut content_pairs: Vec<u64> = Vec::new();
    for groups in tables.chunks(TABLES_PER_PASS * 2) {
        let per_group: Vec<Vec<(Table, Vec<u64>)>> = groups
            .par_chunks(TABLES_PER_PASS)
            .map(|group| group_pairs(group, fingerprints, &eligible, config))
            .collect();
        for (table, pairs) in per_group.into_iter().flatten() {
            if let Table::ContentBand(_) = table {
                content_pairs.extend(pairs);
                continue;
            }
            for pair in pairs {
                let entry = votes.entry(pair).or_default();
                match table {
                    Table::Exact => entry.exact += 1,
                    Table::ShingleBand(_) => entry.shingle_bands += 1,
                    Table::Sentences => entry.sentences += 1,
                    Table::ContentBand(_) => entry.content_bands += 1,
                }
            }
        }
    }
    content_pairs.par_sort_unstable();
    for run in content_pairs.chunk_by(|left, right| left == right) {
        let count = run.len() as u32;
        if count >= MIN_SHARED_CONTENT_BANDS {
            votes.entry(run[0]).or_default().content_bands += count;
        } else if let Some(entry) = votes.get_mut(&run[0]) {
            entry.content_bands += count;
        }
    }
    drop(content_pairs);
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

/// For each table of `group`, the pairs (packed `left << 32 | right`) sharing one of its keys.
fn group_pairs(
    group: &[Table],
    fingerprints: &[Fingerprint],
    eligible: &[u32],
    config: &MatchConfig,
) -> Vec<(Table, Vec<u64>)> {
    let n_sentence_keys: usize = eligible
        .iter()
        .map(|&doc| fingerprints[doc as usize].sentence_hashes.len())
        .sum();
    let mut entries: Vec<Vec<u64>> = group
        .iter()
        .map(|table| match table {
            Table::Sentences => Vec::with_capacity(n_sentence_keys),
            _ => Vec::with_capacity(eligible.len()),
        })
        .collect();
    let mut keys = Vec::new();
    for &doc in eligible {
        let fingerprint = &fingerprints[doc as usize];
        for (table, table_entries) in group.iter().zip(&mut entries) {
            keys.clear();
            table.keys(fingerprint, &mut keys);
            table_entries.extend(
                keys.iter()
                    .map(|&key| (key & !0xFFFF_FFFF) | u64::from(doc)),
            );
        }
    }
    group
        .iter()
        .zip(entries)
        .map(|(&table, mut table_entries)| {
            sort_by_key(&mut table_entries);
            // Content-word buckets are where unrelated articles meet by chance (shared
            // topic words); expanding them in full is the candidate stage's memory peak.
            let max_bucket = match table {
                Table::ContentBand(_) => config.max_bucket.min(CONTENT_MAX_BUCKET),
                _ => config.max_bucket,
            };
            (table, bucket_pairs(&table_entries, max_bucket))
        })
        .collect()
}

/// Sorts `key << 32 | doc` entries by key, docs ascending within a key. Large tables use a
/// three-pass radix sort on the 32 key bits (11-bit digits: the counts stay in L1 cache; the
/// sort is stable and entries arrive in doc order).
fn sort_by_key(entries: &mut Vec<u64>) {
    if entries.len() < 1 << 12 {
        entries.sort_unstable();
        return;
    }
    const DIGIT_BITS: u32 = 11;
    let mut buffer = vec![0u64; entries.len()];
    let mut offsets = vec![0u32; 1 << DIGIT_BITS];
    for shift in [32u32, 43, 54] {
        let digit = |entry: u64| ((entry >> shift) & ((1 << DIGIT_BITS) - 1)) as usize;
        offsets.fill(0);
        for &entry in entries.iter() {
            offsets[digit(entry)] += 1;
        }
        let mut total = 0u32;
        for offset in offsets.iter_mut() {
            let count = *offset;
            *offset = total;
            total += count;
        }
        for &entry in entries.iter() {
            let slot = &mut offsets[digit(entry)];
            buffer[*slot as usize] = entry;
            *slot += 1;
        }
        std::mem::swap(entries, &mut buffer);
    }
}

/// Pairs of docs sharing a key, from entries sorted by key. Oversized buckets are chained.
fn bucket_pairs(entries: &[u64], max_bucket: usize) -> Vec<u64> {
    let mut pairs = Vec::new();
    let mut bucket: Vec<u64> = Vec::new();
    let mut start = 0;
    while start < entries.len() {
        let key = entries[start] >> 32;
        let mut end = start + 1;
        while end < entries.len() && entries[end] >> 32 == key {
            end += 1;
        }
        if end - start > 1 {
            bucket.clear();
            bucket.extend(entries[start..end].iter().map(|&entry| entry & 0xFFFF_FFFF));
            bucket.dedup();
            let window = if bucket.len() > max_bucket {
                OVERSIZED_WINDOW
            } else {
                bucket.len()
            };
            for (i, &left) in bucket.iter().enumerate() {
                for &right in bucket.iter().skip(i + 1).take(window) {
                    pairs.push((left << 32) | right);
                }
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
