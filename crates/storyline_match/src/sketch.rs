//! Fingerprint builder: one article's cleaned text → its bounded [`Fingerprint`].
//!
//! Data comes from [`crate::fingerprint`] (called per article, in parallel, by the pipeline)
//! and the result is all that `find_copies` ever sees of the article: the pipeline drops the
//! text. Every part is capped, so a fingerprint stays around 1 KB for a 2 KB article (1.05 KB
//! on average over ECB+) and under ~3.5 KB for any article, even a megabyte one:
//!
//! * `exact_hash` — the whole word stream, case/punctuation/whitespace-insensitive;
//! * `shingle_minhash` — one-permutation MinHash (densified) of the set of word 5-gram
//!   shingles, 16 bits per bin, for near-duplicates; `n_shingles` — the exact set size, for
//!   containment;
//! * `content_minhash` — the same over stemmed content words (minus very common ones), for
//!   rewrite candidates;
//! * `sentence_hashes` — one hash per sentence, for "a wire story inside a longer page";
//! * per-sentence bottom-k samples of stemmed content-word hashes, in text order, for the
//!   sentence alignment that verifies rewrites;
//! * counts of words inside quotation marks (`quotes.rs`), numbers and mid-sentence capitalised names, and of typographic
//!   and plain quote marks (`typography.rs`), for choosing originals.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::quotes::quoted_words;
use crate::text::{is_long_enough, stem, tokenize, word_hash, ShortWord, TokenSink};
use crate::typography::QuoteMarks;
use crate::words::{
    sentence_word_key, word_classes, WordClasses, COMMON_STEM, LONGEST_STOPWORD, STOPWORD,
};
use crate::MatchConfig;

mod small_sets;
mod word_cache;

use small_sets::{sort_dedup_small, DistinctCount};
use word_cache::{WordCache, WordFacts};

/// Bins of the shingle MinHash; 128 bins × 16 bits keep the Jaccard estimate within ~±0.05.
pub(crate) const SHINGLE_BINS: usize = 128;
/// Bins of the content-word MinHash (rewrite candidates); 126 bins = 42 LSH bands of 3.
pub(crate) const CONTENT_BINS: usize = 126;
/// A sentence needs this many words for its hash to mean anything ("Advertisement" does not).
const MIN_SENTENCE_WORDS: u32 = 5;
/// A sentence needs this many content words to take part in rewrite alignment.
const MIN_SENTENCE_CONTENT_WORDS: usize = 3;
/// Content-word hashes kept per sentence: a bottom-k sample, so two sentences sharing words
/// keep mostly the same ones.
const WORDS_PER_SENTENCE: usize = 12;
const EMPTY_BIN: u64 = u64::MAX;

/// Compact per-article signature built by [`crate::fingerprint`]; see the module docs of
/// `sketch.rs` for what it holds. Its size is bounded whatever the text length. Serializable,
/// so a long-running service can keep fingerprints on disk instead of texts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    pub(crate) exact_hash: u64,
    pub(crate) n_words: u32,
    pub(crate) n_shingles: u32,
    pub(crate) shingle_minhash: Vec<u16>,
    pub(crate) content_minhash: Vec<u16>,
    /// Sorted and deduplicated, capped at `MatchConfig::max_sentence_hashes`.
    pub(crate) sentence_hashes: Vec<u32>,
    /// Concatenated sorted content-word samples of the aligned sentences, in text order.
    pub(crate) sentence_words: Vec<u16>,
    /// End offset in `sentence_words` of each aligned sentence.
    pub(crate) sentence_ends: Vec<u16>,
    /// The top 16 bits of the hash (as in `sentence_hashes`) of each aligned sentence: where
    /// in the text the sentences shared with another article sit (a wrapped story vs a
    /// truncated copy).
    pub(crate) sentence_keys: Vec<u16>,
    /// Words inside quotation marks (`quotes.rs`).
    pub(crate) n_quoted_words: u32,
    pub(crate) n_numbers: u32,
    pub(crate) n_names: u32,
    /// Quote marks and apostrophes set as ‘ ’ “ ”.
    pub(crate) n_typeset_marks: u32,
    /// Quote marks and apostrophes typed as ' and ".
    pub(crate) n_plain_marks: u32,
}

impl Fingerprint {
    /// Number of words in the text the fingerprint was built from.
    pub fn n_words(&self) -> u32 {
        self.n_words
    }

    /// Number of words inside quotation marks in the text.
    pub fn n_quoted_words(&self) -> u32 {
        self.n_quoted_words
    }

    /// Bytes this fingerprint occupies, heap included; the memory a run holds per article.
    pub fn size_bytes(&self) -> usize {
        std::mem::size_of::<Self>()
            + 2 * (self.shingle_minhash.len()
                + self.content_minhash.len()
                + self.sentence_words.len()
                + self.sentence_ends.len())
            + 2 * self.sentence_keys.len()
            + 4 * self.sentence_hashes.len()
    }

    /// The content-word sample of each aligned sentence, in text order.
    pub(crate) fn sentences(&self) -> impl Iterator<Item = &[u16]> + '_ {
        let mut start = 0usize;
        self.sentence_ends.iter().map(move |&end| {
            let end = usize::from(end).min(self.sentence_words.len()).max(start);
            let words = &self.sentence_words[start..end];
            start = end;
            words
        })
    }

    pub(crate) fn n_sentences(&self) -> usize {
        self.sentence_ends.len()
    }
}

/// Builds the fingerprint of one cleaned text.
pub(crate) fn build(text: &str, config: &MatchConfig) -> Fingerprint {
    thread_local! {
        static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
    }
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut scratch) => build_with(text, config, &mut scratch),
        // Unreachable (a build never starts another), but a fresh buffer is always right.
        Err(_) => build_with(text, config, &mut Scratch::default()),
    })
}

fn build_with(text: &str, config: &MatchConfig, scratch: &mut Scratch) -> Fingerprint {
    let Scratch {
        shingles,
        sentence_content,
        word,
        words,
    } = scratch;
    let mut builder = Builder::new(config, text.len(), shingles, sentence_content, words);
    tokenize(text, word, &mut builder);
    builder.finish(quoted_words(text), QuoteMarks::of(text))
}

/// One-permutation MinHash: a single 64-bit hash per element picks the bin (high bits) and
/// the value (low bits), so inserting costs one multiply instead of one hash per bin. The
/// bins live inline (a fixed count), so a build allocates nothing for them.
struct OnePermutation<const N_BINS: usize> {
    bins: [u64; N_BINS],
}

impl<const N_BINS: usize> OnePermutation<N_BINS> {
    fn new() -> Self {
        Self {
            bins: [EMPTY_BIN; N_BINS],
        }
    }

    fn insert(&mut self, hash: u64) {
        let bin = (((hash >> 32) * N_BINS as u64) >> 32) as usize;
        let value = hash & 0xFFFF_FFFF;
        if let Some(slot) = self.bins.get_mut(bin) {
            *slot = (*slot).min(value);
        }
    }

    /// Fills each empty bin from a pseudo-randomly chosen non-empty bin ("optimal
    /// densification", Shrivastava 2017: unlike copying the right neighbour, empty bins of a
    /// short text do not all borrow the same value, so chance band matches stay rare), and
    /// keeps 16 bits per bin (b-bit MinHash: a chance match costs 1/65536 of Jaccard).
    /// Empty set → empty signature.
    fn finish(&self) -> Vec<u16> {
        // Every bin's own 16 bits in one pass (it vectorizes); then the empty bins, usually
        // a few, borrow. The empty set is noticed when a probe finds nothing to borrow.
        let mut values: Vec<u16> = self.bins.iter().map(|&value| value as u16).collect();
        let targets = densify_targets(N_BINS);
        for (bin, value) in values.iter_mut().enumerate() {
            if self.bins[bin] != EMPTY_BIN {
                continue;
            }
            // The first probes of every bin are the same for every text: read from a table
            // (one mix64 and a multiply per probe otherwise).
            let tabled = targets.and_then(|targets| targets.get(bin));
            let borrowed = tabled
                .into_iter()
                .flatten()
                .map(|&target| self.bins[usize::from(target)])
                .find(|&borrowed| borrowed != EMPTY_BIN);
            let borrowed = match borrowed {
                Some(borrowed) => borrowed,
                None => {
                    if self.bins.iter().all(|&value| value == EMPTY_BIN) {
                        return Vec::new();
                    }
                    let first_attempt = tabled.map_or(1, |tabled| tabled.len() as u64 + 1);
                    self.borrow_computed(bin as u64, first_attempt)
                }
            };
            *value = borrowed as u16;
        }
        values
    }

    /// The value empty `bin` borrows, probing from `first_attempt` on (the probes before it
    /// missed). Bounded probing; then deterministically the first non-empty bin.
    fn borrow_computed(&self, bin: u64, first_attempt: u64) -> u64 {
        let n_bins = N_BINS as u64;
        (first_attempt..=16 * n_bins)
            .map(|attempt| self.bins[densify_target(bin, attempt, n_bins)])
            .find(|&value| value != EMPTY_BIN)
            .or_else(|| self.bins.iter().copied().find(|&v| v != EMPTY_BIN))
            .unwrap_or(0)
    }
}

/// The bin an empty bin borrows from at its `attempt`-th probe (from 1): pseudo-random, the
/// same for every text.
fn densify_target(bin: u64, attempt: u64, n_bins: u64) -> usize {
    let probe = mix64(bin.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ attempt);
    (((probe >> 32) * n_bins) >> 32) as usize
}

/// Probes read from a table before computing more: with a third of the bins empty (short
/// texts), eight probes all miss about once in 6,000 empty bins.
const TABLED_PROBES: usize = 8;

/// The first [`TABLED_PROBES`] targets of [`densify_target`] for every bin of a signature of
/// `n_bins` bins (the two sizes in use; `None` for others, which compute them all).
fn densify_targets(n_bins: usize) -> Option<&'static [[u8; TABLED_PROBES]]> {
    static SHINGLE: OnceLock<Vec<[u8; TABLED_PROBES]>> = OnceLock::new();
    static CONTENT: OnceLock<Vec<[u8; TABLED_PROBES]>> = OnceLock::new();
    let table = match n_bins {
        SHINGLE_BINS => &SHINGLE,
        CONTENT_BINS => &CONTENT,
        _ => return None,
    };
    let targets = table.get_or_init(|| {
        (0..n_bins as u64)
            .map(|bin| {
                let mut targets = [0u8; TABLED_PROBES];
                for (attempt, target) in (1..).zip(targets.iter_mut()) {
                    // Both sizes are below 256, so every target fits a byte.
                    *target = densify_target(bin, attempt, n_bins as u64) as u8;
                }
                targets
            })
            .collect()
    });
    Some(targets)
}

/// Buffers a fingerprint build needs and the next build on the same thread can reuse, so
/// that a build allocates little more than its output (allocating, zeroing and freeing
/// them cost ~10% of a fingerprint).
#[derive(Default)]
struct Scratch {
    shingles: DistinctCount,
    sentence_content: Vec<u16>,
    /// The tokenizer's buffer for words it must lowercase or decode.
    word: String,
    words: WordCache,
}

/// Streaming state of one fingerprint build.
struct Builder<'c> {
    config: &'c MatchConfig,
    word_classes: &'static WordClasses,
    shingle_words: usize,
    exact_hash: u64,
    n_words: u32,
    /// Hashes of the last `shingle_words` words, as a ring.
    /// Each hash is kept twice, at `i` and `i + 16`: the last 16 words then always sit in one
    /// contiguous run, which the unrolled shingle reads without wrapping indices.
    window: [u64; 32],
    shingles: &'c mut DistinctCount,
    words: &'c mut WordCache,
    shingle_minhash: OnePermutation<SHINGLE_BINS>,
    content: OnePermutation<CONTENT_BINS>,
    sentence_hash: u64,
    sentence_n_words: u32,
    sentence_content: &'c mut Vec<u16>,
    sentence_hashes: Vec<u32>,
    sentence_words: Vec<u16>,
    sentence_ends: Vec<u16>,
    sentence_keys: Vec<u16>,
    at_sentence_start: bool,
    n_numbers: u32,
    n_names: u32,
}

impl<'c> Builder<'c> {
    /// `text_len` (bytes) sizes the buffers, so that they rarely grow while building;
    /// `shingles` and `sentence_content` are reused buffers, emptied here.
    fn new(
        config: &'c MatchConfig,
        text_len: usize,
        shingles: &'c mut DistinctCount,
        sentence_content: &'c mut Vec<u16>,
        words: &'c mut WordCache,
    ) -> Self {
        // News prose runs about 6 bytes per word and 20 words per sentence.
        let expected_words = (text_len / 6).min(1 << 16);
        let expected_sentences = (expected_words / 20 + 1).min(config.max_aligned_sentences);
        Self {
            config,
            word_classes: word_classes(),
            shingle_words: config.shingle_words.clamp(1, 16),
            exact_hash: 0x5151_5151,
            n_words: 0,
            window: [0; 32],
            shingles: {
                shingles.reset(expected_words);
                shingles
            },
            words,
            shingle_minhash: OnePermutation::new(),
            content: OnePermutation::new(),
            sentence_hash: 0,
            sentence_n_words: 0,
            sentence_content: {
                sentence_content.clear();
                sentence_content
            },
            sentence_hashes: Vec::with_capacity(expected_sentences),
            sentence_words: Vec::with_capacity(expected_sentences * WORDS_PER_SENTENCE),
            sentence_ends: Vec::with_capacity(expected_sentences),
            sentence_keys: Vec::with_capacity(expected_sentences),
            at_sentence_start: true,
            n_numbers: 0,
            n_names: 0,
        }
    }

    /// One word, known by its hash; `stopword` and `long_enough` say whether it is a
    /// stopword and long enough to carry content, and `stem` gives its stem's hash and
    /// whether that is a common stem, asked only for content words.
    #[inline(always)]
    fn push_word(
        &mut self,
        hash: u64,
        stopword: bool,
        long_enough: bool,
        stem: impl FnOnce(&Self) -> (u64, bool),
        capitalized: bool,
        numeric: bool,
    ) {
        self.exact_hash = mix64(self.exact_hash.rotate_left(23) ^ hash);
        let slot = self.n_words as usize % 16;
        self.window[slot] = hash;
        self.window[slot + 16] = hash;
        self.n_words = self.n_words.saturating_add(1);
        if self.n_words as usize >= self.shingle_words {
            // The default 5-word shingle gets its own copy of the fold with a constant
            // length, which the compiler unrolls (the loop cost ~50 instructions per word).
            let shingle = if self.shingle_words == 5 {
                fold_shingle::<5>(&self.window, self.n_words)
            } else {
                fold_shingle_of(&self.window, self.n_words, self.shingle_words)
            };
            // MinHash keeps a minimum per bin, so a repeated shingle changes nothing; only
            // the exact count needs to know which shingles were seen before.
            let shingle = mix64(shingle);
            self.shingles.insert(shingle);
            self.shingle_minhash.insert(shingle);
        }

        // Counted without branches: capitals and numbers come at random.
        self.n_numbers += u32::from(numeric);
        self.n_names += u32::from(!numeric && capitalized && !self.at_sentence_start && !stopword);
        if numeric || (long_enough && !stopword) {
            let (stem_hash, common) = stem(self);
            if !common {
                self.content.insert(stem_hash);
            }
            self.sentence_content.push(sentence_word_key(stem_hash));
        }
        self.sentence_hash = mix64(self.sentence_hash.rotate_left(17) ^ hash);
        self.sentence_n_words += 1;
        self.at_sentence_start = false;
    }

    fn end_sentence(&mut self) {
        if self.sentence_n_words >= MIN_SENTENCE_WORDS
            && self.sentence_hashes.len() < self.config.max_sentence_hashes
        {
            self.sentence_hashes.push((self.sentence_hash >> 32) as u32);
        }
        sort_dedup_small(self.sentence_content);
        if self.sentence_content.len() >= MIN_SENTENCE_CONTENT_WORDS
            && self.sentence_ends.len() < self.config.max_aligned_sentences.min(255)
        {
            let keep = self.sentence_content.len().min(WORDS_PER_SENTENCE);
            self.sentence_words
                .extend_from_slice(&self.sentence_content[..keep]);
            // At most 255 sentences × 12 words: fits a u16 by the config clamp.
            self.sentence_ends
                .push(u16::try_from(self.sentence_words.len()).unwrap_or(u16::MAX));
            self.sentence_keys.push((self.sentence_hash >> 48) as u16);
        }
        self.sentence_content.clear();
        self.sentence_hash = 0;
        self.sentence_n_words = 0;
        self.at_sentence_start = true;
    }

    fn finish(self, n_quoted_words: u32, marks: QuoteMarks) -> Fingerprint {
        let mut sentence_hashes = self.sentence_hashes;
        sentence_hashes.sort_unstable();
        sentence_hashes.dedup();
        Fingerprint {
            exact_hash: self.exact_hash,
            n_words: self.n_words,
            n_shingles: u32::try_from(self.shingles.len()).unwrap_or(u32::MAX),
            shingle_minhash: self.shingle_minhash.finish(),
            content_minhash: self.content.finish(),
            sentence_hashes,
            sentence_words: self.sentence_words,
            sentence_ends: self.sentence_ends,
            sentence_keys: self.sentence_keys,
            n_quoted_words,
            n_numbers: self.n_numbers,
            n_names: self.n_names,
            n_typeset_marks: marks.typeset,
            n_plain_marks: marks.plain,
        }
    }
}

impl TokenSink for Builder<'_> {
    #[inline(always)]
    fn word(&mut self, lower: &str, capitalized: bool, numeric: bool) {
        let hash = word_hash(lower);
        // One probe answers "stopword" and, for a word that is its own stem, "common".
        let classes = if lower.len() <= LONGEST_STOPWORD {
            self.word_classes.get(hash)
        } else {
            0
        };
        let stem = |builder: &Self| {
            let stemmed = stem(lower);
            let (stem_hash, stem_classes) = if stemmed.len() == lower.len() {
                if lower.len() <= LONGEST_STOPWORD {
                    (hash, classes)
                } else {
                    (hash, builder.word_classes.get(hash))
                }
            } else {
                let stem_hash = word_hash(stemmed);
                (stem_hash, builder.word_classes.get(stem_hash))
            };
            (stem_hash, stem_classes & COMMON_STEM != 0)
        };
        self.push_word(
            hash,
            classes & STOPWORD != 0,
            is_long_enough(lower),
            stem,
            capitalized,
            numeric,
        );
    }

    #[inline(always)]
    fn short_word(&mut self, word: ShortWord, capitalized: bool, numeric: bool) {
        let facts = self.words.facts(word, self.word_classes);
        self.push_word(
            facts.hash,
            facts.flags & WordFacts::STOPWORD != 0,
            facts.flags & WordFacts::LONG_ENOUGH != 0,
            |_| (facts.stem_hash, facts.flags & WordFacts::COMMON_STEM != 0),
            capitalized,
            numeric,
        );
    }

    fn sentence_end(&mut self) {
        self.end_sentence();
    }
}

/// The shingle of the last `n_shingle_words` words in `window` (word number `i` at `i % 16`
/// and again at `i % 16 + 16`; `n_words` words seen so far): their hashes folded newest
/// first.
fn fold_shingle_of(window: &[u64; 32], n_words: u32, n_shingle_words: usize) -> u64 {
    let mut shingle = 0u64;
    for back in 0..n_shingle_words {
        let idx = (n_words as usize + 15 - back) % 16;
        shingle = fold_step(shingle, window[idx]);
    }
    shingle
}

/// [`fold_shingle_of`] for a length known at compile time, unrolled: the newest word sits at
/// `(n_words - 1) % 16 + 16`, and the older ones just before it, without wrapping.
#[inline(always)]
fn fold_shingle<const N_SHINGLE_WORDS: usize>(window: &[u64; 32], n_words: u32) -> u64 {
    let newest = (n_words as usize + 15) % 16 + 16;
    let mut shingle = 0u64;
    for back in 0..N_SHINGLE_WORDS.min(16) {
        shingle = fold_step(shingle, window[newest - back]);
    }
    shingle
}

#[inline(always)]
fn fold_step(shingle: u64, word_hash: u64) -> u64 {
    (shingle ^ word_hash)
        .wrapping_mul(0xFF51_AFD7_ED55_8CCD)
        .rotate_left(29)
}

/// SplitMix64 finaliser: spreads every input bit over the output.
pub(crate) fn mix64(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Share of equal bins of two signatures of the same length: the Jaccard estimate.
pub(crate) fn estimate_jaccard(left: &[u16], right: &[u16]) -> f64 {
    if left.is_empty() || left.len() != right.len() {
        return 0.0;
    }
    let equal = left.iter().zip(right).filter(|(a, b)| a == b).count();
    equal as f64 / left.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks the shingle-Jaccard estimate between two texts against an expected range.
    fn check(input: (&str, &str), expected: std::ops::RangeInclusive<f64>) {
        let config = MatchConfig::default();
        let (left, right) = (build(input.0, &config), build(input.1, &config));
        let jaccard = estimate_jaccard(&left.shingle_minhash, &right.shingle_minhash);
        assert!(
            expected.contains(&jaccard),
            "jaccard {jaccard} not in {expected:?}"
        );
    }

    const WIRE: &str = "The city council approved a new budget on Monday after a long debate. \
        Mayor Ana Ruiz said the plan adds 40 buses and repairs three bridges. \
        Opposition members argued that taxes would rise for small shops. \
        The vote passed nine to four and takes effect in January.";

    #[test]
    fn jaccard_of_copies() {
        check((WIRE, WIRE), 1.0..=1.0);
        check((WIRE, &WIRE.to_uppercase().replace('.', " ;")), 1.0..=1.0);
        check(
            (
                WIRE,
                "Completely different words about football and weather today here.",
            ),
            0.0..=0.05,
        );
        let edited = WIRE.replace("Monday", "Tuesday").replace("40", "forty");
        check((WIRE, &edited), 0.5..=0.95);
    }

    #[test]
    fn fingerprint_parts() {
        let fingerprint = build(
            "He said “yes”. Then \"no\" was heard in Paris on 5 June.",
            &MatchConfig::default(),
        );
        assert_eq!(fingerprint.n_words, 12);
        assert_eq!(fingerprint.n_quoted_words, 2);
        assert_eq!(fingerprint.n_numbers, 1);
        assert_eq!(fingerprint.n_names, 2); // Paris, June
        assert_eq!(fingerprint.sentence_hashes.len(), 1);
        assert_eq!(fingerprint.shingle_minhash.len(), SHINGLE_BINS);
        assert!(build("", &MatchConfig::default())
            .shingle_minhash
            .is_empty());
    }

    #[test]
    fn size_is_bounded() {
        let big = WIRE.repeat(5000);
        let fingerprint = build(&big, &MatchConfig::default());
        assert!(
            fingerprint.size_bytes() < 4096,
            "{}",
            fingerprint.size_bytes()
        );
    }

    #[test]
    fn densification_table_changes_nothing() {
        // The old way: every probe computed. Fills from nearly empty to full.
        fn reference(bins: &[u64]) -> Vec<u16> {
            let n_bins = bins.len() as u64;
            if bins.iter().all(|&value| value == EMPTY_BIN) {
                return Vec::new();
            }
            (0..n_bins)
                .map(|bin| {
                    let mut value = bins[bin as usize];
                    let mut attempt = 0u64;
                    while value == EMPTY_BIN && attempt < 16 * n_bins {
                        attempt += 1;
                        value = bins[densify_target(bin, attempt, n_bins)];
                    }
                    if value == EMPTY_BIN {
                        value = bins.iter().copied().find(|&v| v != EMPTY_BIN).unwrap_or(0);
                    }
                    value as u16
                })
                .collect()
        }
        for n_hashes in [0u64, 1, 2, 5, 20, 60, 150, 400, 2000] {
            let mut shingles = OnePermutation::<SHINGLE_BINS>::new();
            let mut content = OnePermutation::<CONTENT_BINS>::new();
            let mut other = OnePermutation::<7>::new();
            for i in 0..n_hashes {
                shingles.insert(mix64(i));
                content.insert(mix64(i + 1_000_000));
                other.insert(mix64(i + 2_000_000));
            }
            assert_eq!(shingles.finish(), reference(&shingles.bins), "{n_hashes}");
            assert_eq!(content.finish(), reference(&content.bins), "{n_hashes}");
            assert_eq!(other.finish(), reference(&other.bins), "{n_hashes}");
        }
    }

    #[test]
    fn unrolled_shingle_is_the_loop() {
        let mut window = [0u64; 32];
        for n_words in 1..=40u32 {
            let slot = (n_words as usize - 1) % 16;
            window[slot] = mix64(u64::from(n_words));
            window[slot + 16] = window[slot];
            if n_words >= 5 {
                assert_eq!(
                    fold_shingle::<5>(&window, n_words),
                    fold_shingle_of(&window, n_words, 5)
                );
            }
        }
    }
}
