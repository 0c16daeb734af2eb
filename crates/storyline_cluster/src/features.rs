//! Per-article story features: text → a bounded bag of hashed terms ([`StoryFeatures`]).
//!
//! The pipeline calls [`story_features`] once per article (in parallel); the result goes to
//! [`crate::cluster_stories`], which weights the terms by corpus statistics. Without corpus
//! statistics at this point we keep the terms most likely to tell one event from another of
//! the same kind: capitalised names and their two-word runs ("Tara Reid"), numbers (ages,
//! years, death tolls), then ordinary content words by frequency.

use xxhash_rust::xxh3::xxh3_64;

use crate::short_hash::short_term_hash;
use crate::stopwords::is_stopword;
use crate::tally::{sort_by_top_bits, Tally, TallyTable};
use crate::tokens::{
    ascii_plural_stem, lowercase_into, lowercase_shape, short_plural_stem, strip_plural, Case,
    ShortWord, Token, Tokens, Word,
};
use crate::ClusterConfig;

/// What a term is; names and numbers carry more event-specific signal than common words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum TermKind {
    /// An ordinary content word (lowercase in the text, or only sentence-initial).
    Word = 0,
    /// A capitalised word inside a sentence, or an acronym: usually a person, place or body.
    Name = 1,
    /// A token holding a digit: ages, years, tolls, scores.
    Number = 2,
    /// Two adjacent capitalised words ("Tara Reid", "Mount Cook").
    NamePair = 3,
}

/// One term of an article: its hash, how often it occurs, and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermCount {
    /// 32-bit hash of the normalised term.
    pub hash: u32,
    /// Occurrences in the article (saturating at 16,383).
    pub count: u16,
    /// What the term is.
    pub kind: TermKind,
}

/// Compact per-article features: at most `ClusterConfig::max_terms` terms, sorted by hash,
/// plus the article date. Stored as two parallel arrays — 6 bytes per term, 384 bytes plus
/// 40 of header at the default 64 terms — and read through [`StoryFeatures::terms`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryFeatures {
    /// Term hashes, sorted ascending, each once.
    hashes: Box<[u32]>,
    /// Per term, in the same order: occurrences (low 14 bits, saturating) and kind (top 2).
    packed: Box<[u16]>,
    /// Days since 1970-01-01 of the article's publication, when known.
    pub date_days: Option<i32>,
}

/// Largest count a packed term can hold.
const MAX_PACKED_COUNT: u16 = (1 << 14) - 1;

impl StoryFeatures {
    /// The terms, sorted by hash.
    pub fn terms(&self) -> impl Iterator<Item = TermCount> + '_ {
        self.hashes
            .iter()
            .zip(self.packed.iter())
            .map(|(&hash, &packed)| TermCount {
                hash,
                count: packed & MAX_PACKED_COUNT,
                kind: match packed >> 14 {
                    0 => TermKind::Word,
                    1 => TermKind::Name,
                    2 => TermKind::Number,
                    _ => TermKind::NamePair,
                },
            })
    }

    /// The terms as (hash, count, kind number), the kind number being the [`TermKind`]
    /// discriminant: for weighing, which looks a kind's boost up in a table rather than
    /// branching on the kind (kinds come in no order a processor could predict).
    pub(crate) fn raw_terms(&self) -> impl Iterator<Item = (u32, u16, usize)> + '_ {
        self.hashes
            .iter()
            .zip(self.packed.iter())
            .map(|(&hash, &packed)| (hash, packed & MAX_PACKED_COUNT, usize::from(packed >> 14)))
    }

    /// Number of terms kept.
    pub fn n_terms(&self) -> usize {
        self.hashes.len()
    }

    /// Heap bytes held by the features (the struct itself adds `size_of::<StoryFeatures>()`).
    pub fn heap_bytes(&self) -> usize {
        std::mem::size_of_val(&*self.hashes) + std::mem::size_of_val(&*self.packed)
    }

    /// The features of terms given as `hash << 16 | packed count and kind`, sorted (so by
    /// hash).
    fn from_packed(keys: &[u64], date_days: Option<i32>) -> StoryFeatures {
        StoryFeatures {
            hashes: keys.iter().map(|&key| (key >> 16) as u32).collect(),
            packed: keys.iter().map(|&key| key as u16).collect(),
            date_days,
        }
    }

    #[cfg(test)]
    fn from_terms(terms: &[TermCount], date_days: Option<i32>) -> StoryFeatures {
        StoryFeatures {
            hashes: terms.iter().map(|term| term.hash).collect(),
            packed: terms
                .iter()
                .map(|term| term.count.min(MAX_PACKED_COUNT) | ((term.kind as u16) << 14))
                .collect(),
            date_days,
        }
    }
}

/// Extracts the story features of one article. The title, when present, counts twice: it
/// names the event more densely than the body.
pub fn story_features(
    title: Option<&str>,
    text: &str,
    date_days: Option<i32>,
    config: &ClusterConfig,
) -> StoryFeatures {
    story_features_with_dateline(title, None, text, date_days, config)
}

/// [`story_features`] of an article whose dateline or publication stamp cleaning took out
/// of its text ("Posted: January 5, 2011"): the stamp is no text to read, but its year and
/// month still tell two events of the same kind apart, as they did inside the text.
pub fn story_features_with_dateline(
    title: Option<&str>,
    dateline: Option<&str>,
    text: &str,
    date_days: Option<i32>,
    config: &ClusterConfig,
) -> StoryFeatures {
    thread_local! {
        // One counter per thread, reused: its table and buffers are allocated once, not
        // per article.
        static COUNTER: std::cell::RefCell<TermCounter> =
            std::cell::RefCell::new(TermCounter::default());
    }
    let extract = |counter: &mut TermCounter| {
        counter.tallies.clear();
        if let Some(title) = title {
            // Read once, counted twice: the same as reading it twice, since each reading
            // starts afresh (a sentence start, no name run). A title that is the text's
            // first line (a headline the cleaner read off the page, or a title field the
            // text repeats) is read there too: it counts once more, not twice, so that a
            // masthead or tagline taken for a headline weighs less (ECB+ ARI 0.8965 ->
            // 0.8990, blind probe sets one story 112 -> 114 of 118, ECB+ small mixed sets
            // 15 -> 16 of 33, generated corpus 20k ARI 0.9834 -> 0.9841).
            let in_text = text.split('\n').next() == Some(title);
            counter.add_text(title, if in_text { 1 } else { 2 });
        }
        if let Some(dateline) = dateline {
            counter.add_text(dateline, 1);
        }
        counter.add_text(text, 1);
        counter.finish(config.max_terms);
        StoryFeatures::from_packed(&counter.kept, date_days)
    };
    COUNTER.with(|cell| match cell.try_borrow_mut() {
        Ok(mut counter) => extract(&mut counter),
        // Only reachable if extraction re-entered itself; a fresh counter gives the same.
        Err(_) => extract(&mut TermCounter::default()),
    })
}

/// Accumulates term counts over the pieces of one article.
#[derive(Debug, Default)]
struct TermCounter {
    tallies: TallyTable,
    /// Lowercase form of the current token (UTF-8), reused across tokens.
    lower: Vec<u8>,
    /// Lowercase form of the last counted token, for name pairs.
    previous_lower: Vec<u8>,
    /// "previous current" of a name pair.
    pair: Vec<u8>,
    /// How many times the text being read counts (a title counts twice).
    times: u32,
    /// Sort keys of the tallies when choosing the terms to keep.
    ranked: Vec<u64>,
    /// The terms kept as `hash << 16 | packed count and kind`, sorted by hash.
    kept: Vec<u64>,
}

impl TermCounter {
    /// Counts the terms of `text` as if it were read `times` times.
    fn add_text(&mut self, text: &str, times: u32) {
        self.times = times;
        let mut sentence_start = true;
        // Whether the previous kept token was a capitalised word, to form name pairs.
        let mut previous_capitalised = false;
        let mut tokens = Tokens::new(text);
        while let Some(word) = tokens.next_word() {
            // Most tokens are short plain words, read and hashed in a register.
            let token = match word {
                Word::Short(word) => {
                    if word.gap_ends_sentence {
                        sentence_start = true;
                        previous_capitalised = false;
                    }
                    if word.gap_breaks_names {
                        previous_capitalised = false;
                    }
                    self.add_short(&word, sentence_start, &mut previous_capitalised);
                    // A plain word holds no dot, so it never ends a sentence itself.
                    sentence_start = false;
                    continue;
                }
                Word::Token(token) => token,
            };
            // Sentence ends start a sentence; any punctuation of weight breaks a run of
            // names ("Reid: Malibu" is not one name).
            if token.gap_ends_sentence {
                sentence_start = true;
                previous_capitalised = false;
            }
            if token.gap_breaks_names {
                previous_capitalised = false;
            }
            let was_sentence_start = sentence_start;
            self.add_token(&token, was_sentence_start, &mut previous_capitalised);
            // "U.S." keeps its dots; a longer word ending in a dot ends a sentence.
            sentence_start = token.text.ends_with('.') && token.text.len() > 4;
        }
    }

    /// [`TermCounter::add_token`] for a short plain word, by the same rules on the word
    /// held in a register.
    #[inline(always)]
    fn add_short(
        &mut self,
        word: &ShortWord,
        sentence_start: bool,
        previous_capitalised: &mut bool,
    ) {
        let has_digit = word.has_digit;
        if !has_digit && word.len < 2 {
            *previous_capitalised = false;
            return;
        }
        let mut hash = short_term_hash(word.lower, word.len);
        if !has_digit && is_stopword(hash) {
            *previous_capitalised = false;
            return;
        }
        let (mut term, mut term_len) = (word.lower, word.len);
        if !has_digit {
            if let Some((stem, stem_len)) = short_plural_stem(term, term_len) {
                (term, term_len) = (stem, stem_len);
                hash = short_term_hash(stem, stem_len);
            }
        }
        let case = word.case;
        let tally = self.tallies.count(hash, self.times);
        count_case(tally, has_digit, case, sentence_start, self.times);
        let is_capitalised = !has_digit && case != Case::Lower;
        if is_capitalised {
            let bytes = term.to_le_bytes();
            let term_bytes = bytes.get(..term_len).unwrap_or_default();
            if *previous_capitalised {
                self.count_pair(term_bytes);
            }
            self.previous_lower.clear();
            self.previous_lower.extend_from_slice(term_bytes);
        }
        *previous_capitalised = is_capitalised;
    }

    /// Counts the name pair of the previous capitalised word and this one (`current`).
    fn count_pair(&mut self, current: &[u8]) {
        self.pair.clear();
        self.pair.extend_from_slice(&self.previous_lower);
        self.pair.push(b' ');
        self.pair.extend_from_slice(current);
        let pair_tally = self.tallies.count(term_hash(&self.pair), self.times);
        pair_tally.kind = Some(TermKind::NamePair);
    }

    fn add_token(
        &mut self,
        token: &Token<'_>,
        sentence_start: bool,
        previous_capitalised: &mut bool,
    ) {
        if let Some(shape) = lowercase_shape(token) {
            // Already lowercase: hashed as it stands. A lowercase token never takes part in
            // a name pair, so no copy of it is kept for the next one either.
            let word = token.text.as_bytes();
            let mut hash = term_hash(word);
            *previous_capitalised = false;
            if !shape.has_digit && (shape.n_chars < 2 || is_stopword(hash)) {
                return;
            }
            if !shape.has_digit {
                if let Some(stem) = ascii_plural_stem(word, &mut self.pair) {
                    hash = term_hash(stem);
                }
            }
            let tally = self.tallies.count(hash, self.times);
            count_case(tally, shape.has_digit, Case::Lower, false, self.times);
            return;
        }
        let shape = lowercase_into(token, &mut self.lower);
        let has_digit = shape.has_digit;
        let mut hash = term_hash(&self.lower);
        if !has_digit && (shape.n_chars < 2 || is_stopword(hash)) {
            *previous_capitalised = false;
            return;
        }
        let case = shape.case;
        if !has_digit && strip_plural(&mut self.lower) {
            hash = term_hash(&self.lower);
        }
        let tally = self.tallies.count(hash, self.times);
        count_case(tally, has_digit, case, sentence_start, self.times);
        let is_capitalised = !has_digit && case != Case::Lower;
        if is_capitalised && *previous_capitalised {
            let current = std::mem::take(&mut self.lower);
            self.count_pair(&current);
            self.lower = current;
        }
        *previous_capitalised = is_capitalised;
        // The current form becomes the previous one; the old buffer is reused next token.
        std::mem::swap(&mut self.lower, &mut self.previous_lower);
    }

    /// Settles each term's kind and keeps the `max_terms` terms with the highest prior weight
    /// (ties by hash) in `kept`, sorted by hash.
    fn finish(&mut self, max_terms: usize) {
        // Sort key: the prior (positive, so its bits order like the float) inverted so that
        // ascending keys mean descending priors, then the hash, which breaks ties so that
        // table order never leaks. The count and kind are looked up again for the few
        // terms kept.
        // The prior table is fetched once, not per term; the tallies come with a known
        // length, so the keys are written without a capacity test each.
        let priors = prior_table();
        self.ranked.clear();
        self.ranked.extend(self.tallies.tallies().map(|tally| {
            let (count, kind) = settle(&tally);
            let prior = priors
                .get(kind as usize)
                .and_then(|row| row.get(usize::from(count)))
                .copied()
                .unwrap_or_else(|| sublinear_count(count) * prior_weight(kind));
            (u64::from(!prior.to_bits()) << 32) | u64::from(tally.hash)
        }));
        if self.ranked.len() > max_terms && max_terms > 0 {
            self.ranked.select_nth_unstable(max_terms - 1);
        }
        self.ranked.truncate(max_terms);
        self.kept.clear();
        for &key in &self.ranked {
            let hash = key as u32;
            if let Some(tally) = self.tallies.get(hash) {
                let (count, kind) = settle(&tally);
                self.kept
                    .push((u64::from(hash) << 16) | u64::from(pack(count, kind)));
            }
        }
        // Hashes are distinct and lead the keys, so integer order is hash order.
        sort_by_top_bits(&mut self.kept, &mut self.ranked);
    }
}

/// A term's count and kind as [`StoryFeatures`] stores them.
fn pack(count: u16, kind: TermKind) -> u16 {
    count.min(MAX_PACKED_COUNT) | ((kind as u16) << 14)
}

/// Counts below this have their prior in the table of [`prior`].
const TABLED_COUNTS: usize = 64;

/// Every kind, in discriminant order.
const KINDS: [TermKind; 4] = [
    TermKind::Word,
    TermKind::Name,
    TermKind::Number,
    TermKind::NamePair,
];

/// `sublinear_count(count) * prior_weight(kind)` by kind and count, for the small counts
/// most terms have (the same products computed once, so the values are bit for bit the
/// same).
fn prior_table() -> &'static [[f32; TABLED_COUNTS]; 4] {
    static TABLE: std::sync::OnceLock<[[f32; TABLED_COUNTS]; 4]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        KINDS.map(|kind| {
            std::array::from_fn(|count| sublinear_count(count as u16) * prior_weight(kind))
        })
    })
}

/// Counts how one occurrence of a term was written: a number fixes the kind; a capitalised
/// word counts towards a name unless only sentence-initial, an all-caps one always.
#[inline(always)]
fn count_case(tally: &mut Tally, has_digit: bool, case: Case, sentence_start: bool, times: u32) {
    // Arithmetic rather than branches: the case of the next word is anyone's guess.
    let capitalised = (case == Case::AllCaps) | ((case == Case::Capitalised) & !sentence_start);
    let balance = i32::from(capitalised) - i32::from(case == Case::Lower);
    let balance = if has_digit { 0 } else { balance };
    tally.capital_balance = tally
        .capital_balance
        .wrapping_add(balance.wrapping_mul(times as i32));
    if has_digit {
        tally.kind = Some(TermKind::Number);
    }
}

/// A term's count (saturated to u16) and kind, once all its occurrences are tallied.
fn settle(tally: &Tally) -> (u16, TermKind) {
    (
        u16::try_from(tally.count).unwrap_or(u16::MAX),
        tally.settled_kind(),
    )
}

/// `1 + ln(count)`, from a table for the small counts most terms have (the same `ln`
/// computed once, so the values are bit for bit the same).
pub(crate) fn sublinear_count(count: u16) -> f32 {
    static TABLE: std::sync::OnceLock<[f32; 64]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| std::array::from_fn(|count| 1.0 + (count as f32).ln()));
    table
        .get(usize::from(count))
        .copied()
        .unwrap_or_else(|| 1.0 + f32::from(count).ln())
}

/// How much a kind of term is worth when choosing which terms to keep.
fn prior_weight(kind: TermKind) -> f32 {
    match kind {
        TermKind::Word => 1.0,
        TermKind::Name | TermKind::Number => 1.6,
        TermKind::NamePair => 1.8,
    }
}

/// Hash of a term (its lowercase UTF-8 bytes).
#[inline]
pub(crate) fn term_hash(term: &[u8]) -> u32 {
    // Truncating the 64-bit hash is intended: 32 bits keep the features small, and a rare
    // collision only merges two terms' counts. Terms of 8 to 16 bytes (most of those that
    // come here) are hashed inline, with the same value.
    crate::short_hash::mid_term_hash(term).unwrap_or_else(|| xxh3_64(term) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks that `text` yields exactly the terms `expected` as (term, count, kind).
    fn check(text: &str, expected: &[(&str, u16, TermKind)]) {
        let features = story_features(None, text, None, &ClusterConfig::default());
        let mut want: Vec<TermCount> = expected
            .iter()
            .map(|&(term, count, kind)| TermCount {
                hash: term_hash(term.as_bytes()),
                count,
                kind,
            })
            .collect();
        want.sort_unstable_by_key(|term| term.hash);
        let got: Vec<TermCount> = features.terms().collect();
        assert_eq!(got, want, "text: {text}");
    }

    #[test]
    fn names_numbers_and_pairs() {
        check(
            "Actress Tara Reid, 33, entered rehab. Reid's publicist said so.",
            &[
                ("actress", 1, TermKind::Word),
                ("tara", 1, TermKind::Name),
                ("reid", 2, TermKind::Name),
                ("tara reid", 1, TermKind::NamePair),
                // A sentence-initial capital may start a pair: "Tara Reid has…" needs it.
                ("actress tara", 1, TermKind::NamePair),
                ("33", 1, TermKind::Number),
                ("entered", 1, TermKind::Word),
                ("rehab", 1, TermKind::Word),
                ("publicist", 1, TermKind::Word),
            ],
        );
    }

    #[test]
    fn plurals_fold_and_decimals_stay() {
        check(
            "Two earthquakes of magnitude 6.1 hit; the earthquake killed 1,000 people.",
            &[
                ("earthquake", 2, TermKind::Word),
                ("magnitude", 1, TermKind::Word),
                ("6.1", 1, TermKind::Number),
                ("hit", 1, TermKind::Word),
                ("killed", 1, TermKind::Word),
                ("1000", 1, TermKind::Number),
                ("people", 1, TermKind::Word),
            ],
        );
    }

    #[test]
    fn a_title_that_opens_the_text_counts_once_more() {
        let config = ClusterConfig::default();
        let count_of = |features: &StoryFeatures, word: &[u8]| {
            let hash = term_hash(word);
            features
                .terms()
                .find(|term| term.hash == hash)
                .map_or(0, |term| term.count)
        };
        // A title field apart from the text: read twice more.
        let apart = story_features(Some("Blaze"), "Crews fought the blaze.", None, &config);
        assert_eq!(count_of(&apart, b"blaze"), 3);
        // A headline the text opens with (read off the page): once more.
        let opening = story_features(
            Some("Blaze"),
            "Blaze\nCrews fought the blaze.",
            None,
            &config,
        );
        assert_eq!(count_of(&opening, b"blaze"), 3);
    }

    #[test]
    fn a_removed_dateline_counts_as_read_once() {
        let config = ClusterConfig::default();
        let text = "Fire crews fought the blaze.";
        let with = story_features_with_dateline(None, Some("Posted: 2011"), text, None, &config);
        let inline = story_features(
            None,
            "Posted: 2011\nFire crews fought the blaze.",
            None,
            &config,
        );
        assert_eq!(
            with.terms().collect::<Vec<_>>(),
            inline.terms().collect::<Vec<_>>()
        );
        let year = term_hash(b"2011");
        assert!(with
            .terms()
            .any(|term| term.hash == year && term.count == 1));
        let without = story_features(None, text, None, &config);
        assert!(!without.terms().any(|term| term.hash == year));
    }

    #[test]
    fn abbreviations_keep_their_dots() {
        check(
            "The U.S. Navy",
            &[
                ("u.s.", 1, TermKind::Name),
                ("navy", 1, TermKind::Name),
                ("u.s. navy", 1, TermKind::NamePair),
            ],
        );
    }

    #[test]
    fn empty_and_odd_input_do_not_panic() {
        check("", &[]);
        check("... ’’ ,,, 's", &[]);
        check("é", &[]);
    }

    #[test]
    fn term_budget_is_respected() {
        let text: String = (0..500).map(|i| format!("word{i} ")).collect();
        let config = ClusterConfig {
            max_terms: 10,
            ..ClusterConfig::default()
        };
        assert_eq!(story_features(None, &text, None, &config).n_terms(), 10);
    }

    #[test]
    fn prior_table_matches_the_product() {
        for kind in [
            TermKind::Word,
            TermKind::Name,
            TermKind::Number,
            TermKind::NamePair,
        ] {
            for count in (0..200).chain([u16::MAX]) {
                let want = sublinear_count(count) * prior_weight(kind);
                let tabled = prior_table()
                    .get(kind as usize)
                    .and_then(|row| row.get(usize::from(count)));
                let Some(prior) = tabled else {
                    continue;
                };
                assert_eq!(prior.to_bits(), want.to_bits(), "{count} {kind:?}");
            }
        }
    }

    #[test]
    fn packing_keeps_kind_and_saturates_count() {
        let terms = [
            TermCount {
                hash: 1,
                count: 3,
                kind: TermKind::NamePair,
            },
            TermCount {
                hash: 2,
                count: u16::MAX,
                kind: TermKind::Number,
            },
        ];
        let got: Vec<TermCount> = StoryFeatures::from_terms(&terms, None).terms().collect();
        assert_eq!(got[0], terms[0]);
        assert_eq!(
            got[1],
            TermCount {
                hash: 2,
                count: MAX_PACKED_COUNT,
                kind: TermKind::Number
            }
        );
    }
}
