//! Candidate stage: all fingerprints → the few article pairs worth verifying, in near-linear
//! time (no all-pairs comparison, but in a run small enough for it to cost nothing: see the
//! end of these docs).
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
//! Each table is a vector of `key << 32 | doc` sorted by key (radix sort, cache-friendly);
//! its buckets of two or more docs are kept (in CSR form, with each doc's memberships beside
//! them) and the rest dropped. Then each article, in parallel, walks its own buckets and
//! counts the keys it shares with every article after it: no list of all pairs is built
//! (the content bands alone meet ~100 chance partners per article), so the stage holds a
//! few bytes per bucket membership. A bucket bigger than `max_bucket` (a story syndicated to
//! thousands of pages, or shared boilerplate) is not expanded into all its pairs: each
//! member meets its next few members only, which still links a big family into one
//! connected component. Finally each article keeps at most `max_candidates_per_doc` pairs,
//! the ones with the most shared keys.
//!
//! LSH misses some pairs it should find: two articles at content-word Jaccard 0.45 share
//! two of the 42 bands only nine times in ten, at 0.35 about half the time, at 0.30 (the
//! least a rewrite may have) a third of the time. A run of at most `exhaustive_max_docs`
//! articles (2,000) also compares the signatures of every pair (`close_pairs`): at most two
//! million comparisons of two signatures, about a tenth of a second of a core (estimated),
//! where a run of a handful of reports (a reader checking one event) must not depend on
//! luck.

use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::origin::TextCounts;
use crate::sketch::{estimate_jaccard, mix64, Fingerprint, CONTENT_BINS, SHINGLE_BINS};
use crate::{FingerprintStore, MatchConfig};
use memberships::Memberships;

mod memberships;

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
}

/// The key of band `band` (its `ROWS` bins) of a MinHash signature; `None` for an empty
/// signature.
#[inline(always)]
fn band_key<const ROWS: usize>(signature: &[u16], band: usize) -> Option<u64> {
    // As an array, so that the fold over its bins is unrolled.
    let bins: &[u16; ROWS] = signature.get(band * ROWS..)?.first_chunk()?;
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
/// Also returns every article's [`TextCounts`], read on the first pass over the store.
pub(crate) fn candidate_pairs<S: FingerprintStore + ?Sized>(
    store: &S,
    config: &MatchConfig,
) -> (Vec<(u32, u32)>, Vec<TextCounts>) {
    let n_docs = store.len().min(u32::MAX as usize);
    let (buckets, FirstPass { counts, eligible }) = Buckets::build(store, n_docs, config);
    let memberships = Memberships::of(&buckets, n_docs, config);
    // Each article counts, per other article after it, the keys they share: one article's
    // partners at a time, so no list of every pair is ever held (the content bands alone
    // give ~100 chance pairs per article).
    let mut ranked: Vec<(u32, u64)> = eligible
        .par_iter()
        .fold(
            || (Vec::new(), Vec::new()),
            |(mut ranked, mut partners), &doc| {
                rank_partners(doc, &buckets, &memberships, &mut partners, &mut ranked);
                (ranked, partners)
            },
        )
        .map(|(ranked, _)| ranked)
        .reduce(Vec::new, |mut left, right| {
            left.extend(right);
            left
        });
    drop((buckets, memberships));
    if eligible.len() <= config.exhaustive_max_docs {
        // Pairs the tables missed join last (priority 0), under the same cap per article.
        let found: FxHashSet<u64> = ranked.iter().map(|&(_, pair)| pair).collect();
        ranked.extend(
            close_pairs(store, &eligible, config)
                .into_iter()
                .map(|(left, right)| u64::from(left) << 32 | u64::from(right))
                .filter(|pair| !found.contains(pair))
                .map(|pair| (0, pair)),
        );
    }
    // Highest priority first, then by pair: independent of the thread count (every pair
    // appears once, so the unstable parallel sort has only one answer).
    ranked.par_sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));

    let mut per_doc = vec![0usize; n_docs];
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
    pairs.par_sort_unstable();
    (pairs, counts)
}

/// Every pair of `eligible` articles (ascending) whose MinHash signatures estimate a
/// content-word Jaccard of at least `rewrite_content_jaccard` (or the lower
/// `rewrite_condensed_content_jaccard`) or a shingle Jaccard of at
/// least `near_duplicate_jaccard`: the pairs verification could accept, for a small run.
fn close_pairs<S: FingerprintStore + ?Sized>(
    store: &S,
    eligible: &[u32],
    config: &MatchConfig,
) -> Vec<(u32, u32)> {
    let mut signatures: Vec<(Vec<u16>, Vec<u16>)> = Vec::with_capacity(eligible.len());
    store.scan(eligible, &mut |_, fingerprint: &Fingerprint| {
        signatures.push((
            fingerprint.content_minhash.clone(),
            fingerprint.shingle_minhash.clone(),
        ));
    });
    // The lower of the two floors `verify` applies (a condensed rewrite's is lower).
    let content_floor = config
        .rewrite_content_jaccard
        .min(config.rewrite_condensed_content_jaccard);
    let close = |left: usize, right: usize| {
        let ((left_content, left_shingles), (right_content, right_shingles)) =
            (&signatures[left], &signatures[right]);
        estimate_jaccard(left_content, right_content) >= content_floor
            || estimate_jaccard(left_shingles, right_shingles) >= config.near_duplicate_jaccard
    };
    (0..signatures.len())
        .into_par_iter()
        .flat_map_iter(|left| {
            (left + 1..signatures.len())
                .filter(move |&right| close(left, right))
                .map(move |right| (eligible[left], eligible[right]))
        })
        .collect()
}

/// Every bucket (docs sharing one key of one table) with at least two members, in CSR form:
/// bucket `b` holds `members[starts[b]..starts[b + 1]]`, docs ascending. Buckets of one
/// member, most of them, are dropped as soon as their table is sorted.
#[derive(Debug)]
struct Buckets {
    tables: Vec<Table>,
    /// Index into `tables` of each bucket.
    table_of: Vec<u8>,
    starts: Vec<u32>,
    members: Vec<u32>,
}

impl Buckets {
    fn new(tables: Vec<Table>) -> Buckets {
        Buckets {
            tables,
            table_of: Vec::new(),
            starts: vec![0],
            members: Vec::new(),
        }
    }

    /// The buckets of every table, and what the first pass over the store read besides.
    ///
    /// Tables in groups: one pass over the fingerprints fills a group's tables
    /// (fingerprints are scattered in memory, so one pass per table would be one cache miss
    /// per key). Two workers take the groups in turn, each turning its group's raw entries
    /// into buckets before taking the next, so that only two groups' raw entries are held
    /// at a time whatever the thread count, and no step waits for a single thread (the
    /// buckets used to be appended on one thread while the other core idled). The groups'
    /// buckets are then appended in table order: the same buckets, numbered the same,
    /// whichever worker built them. The first group's pass also reads every article's
    /// counts (a separate pass before all others cost a whole serial scan).
    fn build<S: FingerprintStore + ?Sized>(
        store: &S,
        n_docs: usize,
        config: &MatchConfig,
    ) -> (Buckets, FirstPass) {
        let tables = Table::all();
        let all: Vec<u32> = (0..n_docs as u32).collect();
        let table_indices: Vec<usize> = (0..tables.len()).collect();
        let groups: Vec<&[usize]> = table_indices.chunks(TABLES_PER_PASS).collect();
        let next_group = AtomicUsize::new(0);
        let worker = || {
            let mut built = Vec::new();
            while let Some(&group) = groups.get(next_group.fetch_add(1, Ordering::Relaxed)) {
                let first = group.first() == table_indices.first();
                built.push((
                    group,
                    group_buckets(group, &tables, store, &all, config.min_words, first),
                ));
            }
            built
        };
        let (mut built, more) = rayon::join(worker, worker);
        built.extend(more);
        built.sort_unstable_by_key(|(group, _)| group.first().copied());
        let n_members = built.iter().map(|(_, (part, _))| part.members.len()).sum();
        let mut buckets = Buckets::new(tables);
        buckets.members.reserve_exact(n_members);
        let mut first_pass = FirstPass::default();
        for (_, (part, pass)) in built {
            buckets.append(part);
            if let Some(pass) = pass {
                first_pass = pass;
            }
        }
        (buckets, first_pass)
    }

    /// Appends the buckets of `part` (built by [`Buckets::new`] and `push_table`).
    fn append(&mut self, part: Buckets) {
        let offset = self.members.len() as u32;
        self.table_of.extend_from_slice(&part.table_of);
        self.starts
            .extend(part.starts.iter().skip(1).map(|&start| start + offset));
        self.members.extend_from_slice(&part.members);
    }

    /// Appends the buckets of one table's entries (sorted by key, docs ascending per key).
    fn push_table(&mut self, table: usize, entries: &[u64]) {
        let mut start = 0;
        while start < entries.len() {
            let key = entries[start] >> 32;
            let mut end = start + 1;
            while end < entries.len() && entries[end] >> 32 == key {
                end += 1;
            }
            if end - start > 1 {
                let first = self.members.len();
                for &entry in &entries[start..end] {
                    let doc = (entry & 0xFFFF_FFFF) as u32;
                    if self.members.len() == first || self.members.last() != Some(&doc) {
                        self.members.push(doc);
                    }
                }
                if self.members.len() - first > 1 {
                    self.table_of.push(table as u8);
                    self.starts.push(self.members.len() as u32);
                } else {
                    self.members.truncate(first);
                }
            }
            start = end;
        }
    }

    fn len(&self) -> usize {
        self.table_of.len()
    }

    /// How many members after it each member of `bucket` meets: all of them, or, in a
    /// bucket bigger than its table's cap, its next few (chained).
    fn window(&self, bucket: usize, config: &MatchConfig) -> usize {
        let table = self.table_of[bucket];
        // Content-word buckets are where unrelated articles meet by chance (shared topic
        // words): they are chained sooner.
        let max_bucket = match self.tables[usize::from(table)] {
            Table::ContentBand(_) => config.max_bucket.min(CONTENT_MAX_BUCKET),
            _ => config.max_bucket,
        };
        let n_members = self.members(bucket).len();
        if n_members > max_bucket {
            OVERSIZED_WINDOW
        } else {
            n_members
        }
    }

    fn members(&self, bucket: usize) -> &[u32] {
        &self.members[self.starts[bucket] as usize..self.starts[bucket + 1] as usize]
    }
}

/// Counts the keys `doc` shares with each article after it in some bucket and appends the
/// qualifying pairs, with their priority, to `ranked`.
fn rank_partners(
    doc: u32,
    buckets: &Buckets,
    memberships: &Memberships,
    partners: &mut Vec<u64>,
    ranked: &mut Vec<(u32, u64)>,
) {
    partners.clear();
    memberships.push_partners(doc, buckets, partners);
    // `other << 8 | table`, sorted as plain integers: grouping by partner costs a third of
    // a sort by a key taken out of (partner, table) pairs.
    partners.sort_unstable();
    for run in partners.chunk_by(|a, b| a >> 8 == b >> 8) {
        let mut votes = Votes::default();
        for &partner in run {
            match buckets.tables[(partner & 0xFF) as usize] {
                Table::Exact => votes.exact += 1,
                Table::ShingleBand(_) => votes.shingle_bands += 1,
                Table::ContentBand(_) => votes.content_bands += 1,
                Table::Sentences => votes.sentences += 1,
            }
        }
        if votes.qualifies() {
            ranked.push((votes.priority(), (u64::from(doc) << 32) | (run[0] >> 8)));
        }
    }
}

/// What the first pass over the store reads besides table keys.
#[derive(Debug, Default)]
struct FirstPass {
    /// Every article's [`TextCounts`].
    counts: Vec<TextCounts>,
    /// The articles long enough to be copies or originals, ascending.
    eligible: Vec<u32>,
}

/// The buckets of the tables of `group` (indices into `tables`) over the eligible articles
/// among `docs`; with `first_pass`, also the [`FirstPass`] of `docs`.
fn group_buckets<S: FingerprintStore + ?Sized>(
    group: &[usize],
    tables: &[Table],
    store: &S,
    docs: &[u32],
    min_words: u32,
    first_pass: bool,
) -> (Buckets, Option<FirstPass>) {
    let mut pass = first_pass.then(|| FirstPass {
        counts: Vec::with_capacity(docs.len()),
        eligible: Vec::new(),
    });
    let mut entries: Vec<Vec<u64>> = group
        .iter()
        .map(|&table| match tables[table] {
            Table::Sentences => Vec::new(),
            _ => Vec::with_capacity(docs.len()),
        })
        .collect();
    store.scan(docs, &mut |doc, fingerprint| {
        let eligible = fingerprint.n_words >= min_words;
        if let Some(pass) = &mut pass {
            pass.counts.push(TextCounts::of(fingerprint));
            if eligible {
                pass.eligible.push(doc);
            }
        }
        if !eligible {
            return;
        }
        let doc = u64::from(doc);
        for (&table, table_entries) in group.iter().zip(&mut entries) {
            // Each key straight into its table (through a buffer of keys, this step cost
            // three times as much: it runs for every table of every article).
            match tables[table] {
                Table::Exact => table_entries.push(entry(fingerprint.exact_hash, doc)),
                Table::ShingleBand(band) => table_entries.extend(
                    band_key::<SHINGLE_ROWS>(&fingerprint.shingle_minhash, band)
                        .map(|key| entry(key, doc)),
                ),
                Table::ContentBand(band) => table_entries.extend(
                    band_key::<CONTENT_ROWS>(&fingerprint.content_minhash, band)
                        .map(|key| entry(key, doc)),
                ),
                Table::Sentences => table_entries.extend(
                    fingerprint
                        .sentence_hashes
                        .iter()
                        .map(|&hash| entry(u64::from(hash) << 32, doc)),
                ),
            }
        }
    });
    let mut buckets = Buckets::new(Vec::new());
    for (&table, mut table_entries) in group.iter().zip(entries) {
        sort_by_key(&mut table_entries);
        buckets.push_table(table, &table_entries);
    }
    (buckets, pass)
}

/// A table entry: the upper 32 bits of `key`, then `doc`.
#[inline(always)]
fn entry(key: u64, doc: u64) -> u64 {
    (key & !0xFFFF_FFFF) | doc
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests_support::{CONTAINING_PAGE, EDITED, PARAPHRASE, UNRELATED, WIRE};
    use crate::{fingerprint, Fingerprint};

    /// Runs the candidate stage on `input` and compares the pairs found.
    fn check(input: &[&str], expected: &[(u32, u32)]) {
        let config = MatchConfig::default();
        let fingerprints: Vec<Fingerprint> = input
            .iter()
            .map(|text| fingerprint(text, &config))
            .collect();
        assert_eq!(candidate_pairs(&fingerprints[..], &config).0, expected);
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
        // Not a small run's exhaustive pairs: only the tables' chaining.
        let config = MatchConfig {
            max_bucket: 3,
            exhaustive_max_docs: 0,
            ..MatchConfig::default()
        };
        let fingerprints: Vec<Fingerprint> = (0..10).map(|_| fingerprint(WIRE, &config)).collect();
        let (pairs, _) = candidate_pairs(&fingerprints[..], &config);
        assert!(pairs.len() < 45 && pairs.len() >= 9, "{}", pairs.len());
        assert!(pairs.contains(&(0, 1)) && pairs.contains(&(8, 9)));
    }

    #[test]
    fn same_pairs_whatever_the_thread_count() {
        // Families of copies, some in oversized (chained) buckets, among unrelated texts:
        // memberships and buckets are built over ranges that follow the thread count.
        let config = MatchConfig {
            max_bucket: 4,
            ..MatchConfig::default()
        };
        let texts = [WIRE, EDITED, CONTAINING_PAGE, PARAPHRASE, UNRELATED];
        let fingerprints: Vec<Fingerprint> = (0..40)
            .map(|i| fingerprint(texts[i * 7 % texts.len()], &config))
            .collect();
        let pairs_with = |n_threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n_threads)
                .build()
                .unwrap();
            pool.install(|| candidate_pairs(&fingerprints[..], &config))
        };
        let (one_thread, counts) = pairs_with(1);
        assert!(one_thread.len() > 40, "{}", one_thread.len());
        assert_eq!(counts.len(), fingerprints.len());
        for n_threads in [2, 3, 7, 12] {
            assert_eq!(pairs_with(n_threads), (one_thread.clone(), counts.clone()));
        }
    }
}
