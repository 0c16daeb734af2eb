//! Pair verification: two [`Fingerprint`]s → a [`Link`] (exact, near-duplicate or rewrite)
//! or nothing.
//!
//! Candidate pairs come from `candidates.rs`; links go to `origin.rs`, which groups them into
//! copy families. Verification only reads fingerprints, never texts.
//!
//! A rewrite is told apart from an independent report of the same event by sentence
//! alignment: each sentence of one article is matched to its most similar sentence of the
//! other by shared stemmed content words; the matches must run in the same order (longest
//! increasing subsequence) and cover a large share of the sentences of BOTH articles. Two
//! reporters share names, places and quotes, but not the sequence of their sentences.
//! Two exceptions for copies of another length: a rewrite padded with the copier's own
//! commentary needs most of one side covered and less than half of the other; a condensed
//! rewrite (at most 60% of the other's sentences) needs nearly all of its own sentences
//! covered (90%), whatever share of the longer report, and may share fewer words (content
//! Jaccard 0.15 instead of 0.30). On ECB+ the condensed rule adds three links, all between
//! two versions of one story (a site's update that takes in its earlier report; a short
//! and a full version of one AP story; a brief of RT's report "according to RussiaToday");
//! a shorter independent report leaves one of its six or seven sentences unaligned
//! (coverage ≤ 0.86 in the pairs looked at; no pair of independent reports of the 109
//! probe sets covers 0.8 of its shorter side).
//! A third: a rewrite that rewords nearly every content word (content Jaccard down to 0.22)
//! is one when the alignment covers half of each side's sentences and, on each side, three
//! quarters of the sentences between its first aligned sentence and its last: it retells
//! the whole story in order. On 28 seed-like probe sets it finds two more rewrites and
//! no independent report; on ECB+ it adds one edge (two versions of one climbing report).

use storyline_core::sorted::count_common;
use storyline_core::CopyKind;

use crate::sketch::{estimate_jaccard, Fingerprint};
use crate::words::is_common_word_key;
use crate::MatchConfig;

/// A verified copy relation between two articles, direction not yet decided.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Link {
    pub(crate) kind: CopyKind,
    /// In `[0, 1]`; what the edge reports as its similarity.
    pub(crate) similarity: f64,
    pub(crate) shingle_jaccard: f64,
    /// Share of the smaller article's text found in the larger one.
    pub(crate) containment: f64,
    /// Set when one article is wholly inside a clearly longer one.
    pub(crate) nesting: Option<Nesting>,
    pub(crate) content_jaccard: f64,
    /// Share of left / right sentences in the monotone alignment (rewrites only).
    pub(crate) coverage: Option<(f64, f64)>,
    /// The same share of the sentences from each side's first aligned sentence to its last
    /// (rewrites only): commentary added before or after the story does not lower it,
    /// details dropped from inside the story do.
    pub(crate) span_coverage: Option<(f64, f64)>,
    pub(crate) n_aligned: usize,
}

/// One text inside a clearly longer one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Nesting {
    pub(crate) left_is_smaller: bool,
    /// The smaller text is the beginning of the larger, which goes on with the same story:
    /// a truncated copy, so the LARGER is the original. Otherwise the larger wraps the
    /// smaller (a wire story inside a page), and the smaller is the original.
    pub(crate) truncated: bool,
}

impl Nesting {
    /// Whether containment evidence favours the left article as the original.
    pub(crate) fn favours_left(self) -> bool {
        self.left_is_smaller != self.truncated
    }
}

/// Verifies one candidate pair. `None` when it is not a copy by any test.
pub(crate) fn verify(
    left: &Fingerprint,
    right: &Fingerprint,
    config: &MatchConfig,
) -> Option<Link> {
    if left.n_words.min(right.n_words) < config.min_words {
        return None;
    }
    let shingle_jaccard = estimate_jaccard(&left.shingle_minhash, &right.shingle_minhash);
    let content_jaccard = estimate_jaccard(&left.content_minhash, &right.content_minhash);
    let mut link = Link {
        kind: CopyKind::Exact,
        similarity: 1.0,
        shingle_jaccard,
        containment: 0.0,
        nesting: None,
        content_jaccard,
        coverage: None,
        span_coverage: None,
        n_aligned: 0,
    };
    if left.exact_hash == right.exact_hash && left.n_words == right.n_words {
        link.containment = 1.0;
        return Some(link);
    }

    link.containment = containment(left, right, shingle_jaccard);
    if shingle_jaccard >= config.near_duplicate_jaccard
        || link.containment >= config.near_duplicate_containment
    {
        link.kind = CopyKind::NearDuplicate;
        link.similarity = shingle_jaccard.max(link.containment).min(1.0);
        // Only a clearly smaller text "is contained"; two near-equal texts are just edits.
        let (small, large) = (
            left.n_shingles.min(right.n_shingles),
            left.n_shingles.max(right.n_shingles),
        );
        if link.containment >= config.near_duplicate_containment
            && f64::from(small) < 0.8 * f64::from(large)
        {
            let left_is_smaller = left.n_shingles < right.n_shingles;
            let (smaller, larger) = if left_is_smaller {
                (left, right)
            } else {
                (right, left)
            };
            link.nesting = Some(Nesting {
                left_is_smaller,
                truncated: is_truncation(smaller, larger),
            });
        }
        return Some(link);
    }

    let (n_fewer, n_more) = (
        left.n_sentences().min(right.n_sentences()),
        left.n_sentences().max(right.n_sentences()),
    );
    // A condensed copy shares fewer of the longer text's words; its alignment must then
    // cover nearly all of its own sentences (below).
    let condensed_shape = n_fewer as f64 <= config.rewrite_condensed_ratio * n_more as f64;
    let jaccard_floor = if condensed_shape {
        config
            .rewrite_content_jaccard
            .min(config.rewrite_condensed_content_jaccard)
    } else {
        config.rewrite_content_jaccard
    }
    .min(config.rewrite_ordered_content_jaccard)
    .min(config.rewrite_chain_content_jaccard);
    if content_jaccard < jaccard_floor || n_fewer < config.rewrite_min_sentences {
        return None;
    }
    // A pair let in by a lower floor only can only be a rewrite of the kind that floor is
    // for: condensed, or reworded throughout and in order.
    let only_condensed_or_ordered = content_jaccard < config.rewrite_content_jaccard;
    let may_be_ordered = content_jaccard >= config.rewrite_ordered_content_jaccard;
    let may_be_condensed = condensed_shape
        && content_jaccard
            >= config
                .rewrite_condensed_content_jaccard
                .min(config.rewrite_content_jaccard);
    // Both directions must cover enough (or one nearly all, for a padded or condensed
    // copy): most pairs fail the first alignment, and need no second. The shorter side's
    // goes first when the pair may be a condensed copy, whose longer side is covered little.
    let ordered_floor = if may_be_ordered {
        config.rewrite_ordered_coverage
    } else {
        1.0
    };
    let may_be_chain = content_jaccard >= config.rewrite_chain_content_jaccard;
    let chain_floor = if may_be_chain {
        config.rewrite_chain_coverage
    } else {
        1.0
    };
    let floor = if only_condensed_or_ordered {
        ordered_floor.min(chain_floor)
    } else {
        config
            .rewrite_coverage
            .min(config.rewrite_padded_min_coverage)
            .min(ordered_floor)
            .min(chain_floor)
    };
    let shorter_floor = if only_condensed_or_ordered {
        let condensed_floor = if may_be_condensed {
            config.rewrite_condensed_coverage
        } else {
            1.0
        };
        condensed_floor.min(ordered_floor).min(chain_floor)
    } else {
        floor
    };
    let left_is_shorter = left.n_sentences() <= right.n_sentences();
    let align_left = || monotone_alignment(left, right, config.rewrite_sentence_similarity);
    let align_right = || monotone_alignment(right, left, config.rewrite_sentence_similarity);
    let (left_alignment, right_alignment) = if !condensed_shape || left_is_shorter {
        let left_alignment = align_left();
        let needed = if condensed_shape {
            shorter_floor
        } else {
            floor
        };
        if left_alignment.coverage < needed {
            return None;
        }
        (left_alignment, align_right())
    } else {
        let right_alignment = align_right();
        if right_alignment.coverage < shorter_floor {
            return None;
        }
        (align_left(), right_alignment)
    };
    let (left_aligned, left_coverage) = (left_alignment.chain, left_alignment.coverage);
    let (right_aligned, right_coverage) = (right_alignment.chain, right_alignment.coverage);
    let n_aligned = left_aligned.min(right_aligned);
    let (low, high) = (
        left_coverage.min(right_coverage),
        left_coverage.max(right_coverage),
    );
    let both = low >= config.rewrite_coverage;
    let padded =
        high >= config.rewrite_padded_coverage && low >= config.rewrite_padded_min_coverage;
    let shorter_coverage = if left_is_shorter {
        left_coverage
    } else {
        right_coverage
    };
    let condensed = may_be_condensed && shorter_coverage >= config.rewrite_condensed_coverage;
    let min_span_coverage = left_alignment
        .span_coverage
        .min(right_alignment.span_coverage);
    let ordered = may_be_ordered
        && low >= config.rewrite_ordered_coverage
        && min_span_coverage >= config.rewrite_ordered_span_coverage;
    let chain = may_be_chain
        && n_aligned >= config.rewrite_chain_sentences
        && low >= config.rewrite_chain_coverage
        && min_span_coverage >= config.rewrite_chain_span_coverage;
    let accepted =
        condensed || ordered || chain || (!only_condensed_or_ordered && (both || padded));
    if !accepted || n_aligned < config.rewrite_min_sentences {
        return None;
    }
    link.kind = CopyKind::Rewrite;
    link.similarity = (left_coverage + right_coverage) / 2.0;
    link.coverage = Some((left_coverage, right_coverage));
    link.span_coverage = Some((left_alignment.span_coverage, right_alignment.span_coverage));
    link.n_aligned = n_aligned;
    Some(link)
}

/// Share of the smaller article's shingles found in the larger one. From the MinHash
/// Jaccard and the exact set sizes when the sizes are comparable; otherwise the Jaccard is
/// too small to estimate well, so from shared sentence hashes (at least three, so a shared
/// stock sentence does not count).
fn containment(left: &Fingerprint, right: &Fingerprint, jaccard: f64) -> f64 {
    let (small, large) = (
        f64::from(left.n_shingles.min(right.n_shingles)),
        f64::from(left.n_shingles.max(right.n_shingles)),
    );
    let mut best = 0.0f64;
    if small > 0.0 && small >= 0.25 * large {
        let intersection = jaccard * (small + large) / (1.0 + jaccard);
        best = (intersection / small).min(1.0);
    }
    let shared = count_common(&left.sentence_hashes, &right.sentence_hashes);
    let fewest = left.sentence_hashes.len().min(right.sentence_hashes.len());
    if shared >= 3 && fewest > 0 {
        best = best.max(shared as f64 / fewest as f64);
    }
    best
}

/// Whether `smaller` is a truncated copy of `larger`: the sentences they share start
/// `larger` (nothing but a headline in front of them), and most sentences after the shared
/// part continue the story (share a not-so-common content word with `smaller`). A page that
/// wraps a wire story has other material in front, or unrelated teasers, bios and links
/// after it.
fn is_truncation(smaller: &Fingerprint, larger: &Fingerprint) -> bool {
    let mut smaller_keys: Vec<u16> = smaller
        .sentence_hashes
        .iter()
        .map(|&hash| (hash >> 16) as u16)
        .collect();
    smaller_keys.sort_unstable();
    let shared: Vec<bool> = larger
        .sentence_keys
        .iter()
        .map(|key| smaller_keys.binary_search(key).is_ok())
        .collect();
    let (Some(first), Some(last)) = (
        shared.iter().position(|&s| s),
        shared.iter().rposition(|&s| s),
    ) else {
        return false;
    };
    // The larger's first sentence may be its own headline (a text file's first line), which
    // a copy under another headline does not share.
    if first > 1 {
        return false;
    }
    // Common words ("people", "year") would make any unrelated teaser look like more story.
    let mut vocabulary: Vec<u16> = smaller
        .sentence_words
        .iter()
        .copied()
        .filter(|&key| !is_common_word_key(key))
        .collect();
    vocabulary.sort_unstable();
    vocabulary.dedup();
    let tail: Vec<&[u16]> = larger.sentences().skip(last + 1).collect();
    let continuing = tail
        .iter()
        .filter(|sentence| count_common(sentence, &vocabulary) >= 1)
        .count();
    !tail.is_empty() && 2 * continuing >= tail.len()
}

/// How much of one article's sentences a monotone alignment covers.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Alignment {
    /// Sentences in the chain.
    chain: usize,
    /// The chain's share of all the article's sentences.
    coverage: f64,
    /// The chain's share of the sentences from its first to its last (1 for no chain).
    span_coverage: f64,
}

impl Alignment {
    /// The longest chain of `(from sentence, to position)` alignments (in `from` order)
    /// whose positions increase, of an article of `n_sentences` sentences.
    fn of(aligned: &[(usize, usize)], n_sentences: usize) -> Alignment {
        let (chain, first, last) = longest_increasing(aligned);
        Alignment {
            chain,
            coverage: chain as f64 / n_sentences.max(1) as f64,
            span_coverage: if chain == 0 {
                1.0
            } else {
                chain as f64 / (last - first + 1) as f64
            },
        }
    }
}

/// Aligns each sentence of `from` to its most similar sentence of `to` (Dice over content
/// words, at least `min_similarity`), then keeps the longest chain of alignments whose
/// positions in `to` increase (see [`Alignment`]).
///
/// The words shared with each sentence of `to` are counted through an index of where each
/// word occurs in `to`, so a sentence only meets the sentences it shares a word with: the
/// cost follows the shared words, not the product of the two sentence counts.
fn monotone_alignment(from: &Fingerprint, to: &Fingerprint, min_similarity: f64) -> Alignment {
    let target_lengths: Vec<usize> = to.sentences().map(<[u16]>::len).collect();
    // (word key, sentence position) of every word of `to`, sorted: each key's sentences
    // form one run. Positions fit u16: at most 255 aligned sentences.
    let mut occurrences: Vec<(u16, u16)> = to
        .sentences()
        .enumerate()
        .flat_map(|(position, words)| words.iter().map(move |&key| (key, position as u16)))
        .collect();
    occurrences.sort_unstable();
    let mut shared = vec![0u32; target_lengths.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut positions = Vec::with_capacity(from.n_sentences());
    for (index, sentence) in from.sentences().enumerate() {
        // Words within a sentence are distinct, so each occurrence is one shared word.
        for &key in sentence {
            let first = occurrences.partition_point(|&(other, _)| other < key);
            for &(_, position) in occurrences[first..]
                .iter()
                .take_while(|&&(other, _)| other == key)
            {
                let position = usize::from(position);
                if shared[position] == 0 {
                    touched.push(position);
                }
                shared[position] += 1;
            }
        }
        // In position order, so that ties keep the earliest sentence (deterministic).
        touched.sort_unstable();
        let mut best: Option<(f64, usize)> = None;
        for &position in &touched {
            let similarity = 2.0 * f64::from(shared[position])
                / (sentence.len() + target_lengths[position]).max(1) as f64;
            // Strictly greater, so ties keep the earliest sentence.
            if similarity >= min_similarity && best.map_or(true, |(top, _)| top < similarity) {
                best = Some((similarity, position));
            }
            shared[position] = 0;
        }
        touched.clear();
        // With a threshold of zero a sentence sharing no word still aligns, to the first.
        if best.is_none() && min_similarity <= 0.0 && !target_lengths.is_empty() {
            best = Some((0.0, 0));
        }
        if let Some((_, position)) = best {
            positions.push((index, position));
        }
    }
    Alignment::of(&positions, from.n_sentences())
}

/// Length of the longest subsequence of `values` whose second items strictly increase
/// (patience sorting, O(n log n)), and the first items of the first and last element of
/// one such subsequence (the one ending in the last tail; `(0, 0, 0)` when empty).
fn longest_increasing(values: &[(usize, usize)]) -> (usize, usize, usize) {
    // Per length, the index in `values` of the element ending the best chain so far; per
    // element, the element before it in its chain.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous = vec![usize::MAX; values.len()];
    for (at_value, &(_, value)) in values.iter().enumerate() {
        let at = tails.partition_point(|&tail| values[tail].1 < value);
        if at > 0 {
            previous[at_value] = tails[at - 1];
        }
        if at == tails.len() {
            tails.push(at_value);
        } else {
            tails[at] = at_value;
        }
    }
    let Some(&last) = tails.last() else {
        return (0, 0, 0);
    };
    let mut first = last;
    while let Some(&before) = previous.get(first).filter(|&&before| before != usize::MAX) {
        first = before;
    }
    (tails.len(), values[first].0, values[last].0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint;
    use crate::tests_support::{CONTAINING_PAGE, EDITED, INDEPENDENT, PARAPHRASE, WIRE};

    /// Verifies `input` and compares the kind found (or `None`).
    /// Fingerprints two texts and verifies the pair.
    fn link_of(left: &str, right: &str, config: &MatchConfig) -> Option<Link> {
        verify(
            &fingerprint(left, config),
            &fingerprint(right, config),
            config,
        )
    }

    fn check(input: (&str, &str), expected: Option<CopyKind>) {
        let link = link_of(input.0, input.1, &MatchConfig::default());
        assert_eq!(link.as_ref().map(|link| link.kind), expected, "{link:?}");
    }

    #[test]
    fn kinds() {
        check((WIRE, WIRE), Some(CopyKind::Exact));
        check(
            (
                WIRE,
                &WIRE.to_lowercase().replace(", ", " ; ").replace('\n', "  "),
            ),
            Some(CopyKind::Exact),
        );
        check((WIRE, EDITED), Some(CopyKind::NearDuplicate));
        check((WIRE, CONTAINING_PAGE), Some(CopyKind::NearDuplicate));
        check((WIRE, PARAPHRASE), Some(CopyKind::Rewrite));
        check((PARAPHRASE, WIRE), Some(CopyKind::Rewrite));
        check((WIRE, INDEPENDENT), None);
        check((PARAPHRASE, INDEPENDENT), None);
        check(("short text", "short text"), None);
    }

    #[test]
    fn rewrite_padded_with_commentary() {
        // The paraphrase and as many sentences again of the rewriter's own: the alignment
        // covers all of the original but half of the copy.
        let padded = format!(
            "{PARAPHRASE}\n\
             Climate scientists have long warned that such downpours are becoming more common.\n\
             Many towns along the valley were built on flood plains more than a century ago.\n\
             Insurance companies say claims from storms have doubled over the past decade.\n\
             Local businesses fear that the damage will keep customers away for months.\n\
             Residents who lived through earlier floods say this one felt different and faster.\n\
             Questions are likely to be asked about how prepared the authorities really were.\n\
             The coming days will show whether the repaired defences can hold the river back.\n\
             For now, the people of the valley can only wait for the water to fall."
        );
        check((padded.as_str(), WIRE), Some(CopyKind::Rewrite));
        check((WIRE, padded.as_str()), Some(CopyKind::Rewrite));
        // The commentary comes after the story: from its first aligned sentence to its
        // last, the copy is covered whole, as the original is.
        let link = link_of(&padded, WIRE, &MatchConfig::default()).unwrap();
        let (padded_coverage, _) = link.coverage.unwrap();
        assert!(padded_coverage < 0.6, "{padded_coverage}");
        assert_eq!(link.span_coverage, Some((1.0, 1.0)));
        // Two reports of one event stay apart, padded or not.
        let independent =
            format!("{INDEPENDENT}\nThe coming days will show whether the defences hold.");
        check((independent.as_str(), WIRE), None);
    }

    #[test]
    fn condensed_rewrite_of_a_long_report() {
        // The wire story goes on for twelve more sentences; the paraphrase retells only its
        // first eight, so the alignment covers all of the copy and two fifths of the report.
        let long = format!(
            "{WIRE}\n\
             Army trucks brought sandbags to the western bank, where the water reached the church steps.\n\
             The hospital moved forty patients from its ground floor to wards on the upper levels.\n\
             Trains between Kelburn and the coast were cancelled after a section of track was washed away.\n\
             Volunteers from the rowing club ferried elderly residents to the shelters through the night.\n\
             The mayor, Pavel Orlan, said the town had asked the army for two more rescue helicopters.\n\
             Farmers upstream reported that hundreds of sheep were lost when the low fields flooded.\n\
             Drinking water is being handed out at the station because the treatment plant stopped working.\n\
             Insurance firms opened an emergency line for owners of flooded homes and shops.\n\
             The last flood of this size struck Kelburn in 1987, when the old bridge collapsed.\n\
             Officials said it could take a week for the river to fall back within its banks.\n\
             Police closed the promenade and warned people not to walk or drive through flood water.\n\
             The government promised emergency funds once the damage has been assessed."
        );
        let link = link_of(PARAPHRASE, &long, &MatchConfig::default());
        let link = link.expect("a condensed rewrite is found");
        assert_eq!(link.kind, CopyKind::Rewrite);
        let (copy_coverage, report_coverage) = link.coverage.unwrap();
        assert!(copy_coverage >= 0.95 && report_coverage < 0.45, "{link:?}");
        check((long.as_str(), PARAPHRASE), Some(CopyKind::Rewrite));
        // A shorter independent report of the same flood is no condensed copy of it.
        check((INDEPENDENT, long.as_str()), None);
        check((long.as_str(), INDEPENDENT), None);
    }

    #[test]
    fn rewrite_reworded_throughout() {
        // With the other paths closed (their content-word floors at 1), a paraphrase that
        // retells the whole story in order is still a rewrite by the ordered path alone,
        // and an independent report of the same flood is not.
        let config = MatchConfig {
            rewrite_content_jaccard: 1.0,
            rewrite_condensed_content_jaccard: 1.0,
            rewrite_chain_content_jaccard: 1.0,
            ..MatchConfig::default()
        };
        let kind = |left: &str, right: &str, config: &MatchConfig| {
            link_of(left, right, config).map(|link| link.kind)
        };
        assert_eq!(kind(WIRE, PARAPHRASE, &config), Some(CopyKind::Rewrite));
        assert_eq!(kind(WIRE, INDEPENDENT, &config), None);
        let closed = MatchConfig {
            rewrite_ordered_content_jaccard: 1.0,
            ..config
        };
        assert_eq!(kind(WIRE, PARAPHRASE, &closed), None);
    }

    #[test]
    fn long_rewrite_by_the_chain_path() {
        // With the other paths closed, a paraphrase of eight sentences aligned in order over
        // each side's whole span is a rewrite by the chain path alone (as a long rewrite on
        // a page that keeps furniture is, whose coverage of either side is low); an
        // independent report of the same flood is not, and closing the chain path too
        // finds nothing.
        let config = MatchConfig {
            rewrite_content_jaccard: 1.0,
            rewrite_condensed_content_jaccard: 1.0,
            rewrite_ordered_content_jaccard: 1.0,
            ..MatchConfig::default()
        };
        let kind = |left: &str, right: &str, config: &MatchConfig| {
            link_of(left, right, config).map(|link| link.kind)
        };
        assert_eq!(kind(WIRE, PARAPHRASE, &config), Some(CopyKind::Rewrite));
        assert_eq!(kind(PARAPHRASE, WIRE, &config), Some(CopyKind::Rewrite));
        assert_eq!(kind(WIRE, INDEPENDENT, &config), None);
        let closed = MatchConfig {
            rewrite_chain_content_jaccard: 1.0,
            ..config.clone()
        };
        assert_eq!(kind(WIRE, PARAPHRASE, &closed), None);
        let short_chains = MatchConfig {
            rewrite_chain_sentences: 9,
            ..config
        };
        assert_eq!(kind(WIRE, PARAPHRASE, &short_chains), None);
    }

    #[test]
    fn containment_direction() {
        let config = MatchConfig::default();
        let nesting =
            |left: &str, right: &str| link_of(left, right, &config).and_then(|link| link.nesting);
        let smaller = |truncated| {
            Some(Nesting {
                left_is_smaller: true,
                truncated,
            })
        };
        // The page wraps the wire story: the wire story is the original.
        assert_eq!(nesting(WIRE, CONTAINING_PAGE), smaller(false));
        // The first half of the wire story is a truncated copy: the whole story is the original.
        let half: String = WIRE.lines().take(4).collect::<Vec<_>>().join("\n");
        assert_eq!(nesting(&half, WIRE), smaller(true));
        // The same, each text under its own headline (a text file's first line): the
        // larger's headline is not shared, and the copy is still a truncated one.
        let headed_half =
            format!("Thousands flee as the Mara bursts its banks in Kelburn town\n{half}");
        let headed_wire =
            format!("Flood forces evacuation of Kelburn residents after heavy rain\n{WIRE}");
        assert_eq!(nesting(&headed_half, &headed_wire), smaller(true));
    }

    #[test]
    fn increasing_chain() {
        let indexed = |values: &[usize]| -> Vec<(usize, usize)> {
            values.iter().copied().enumerate().collect()
        };
        // 0 1 2 3 9 (or 0 1 2 3 3's…): five, from the first value to the last.
        assert_eq!(
            longest_increasing(&indexed(&[0, 1, 5, 2, 3, 3, 9])),
            (5, 0, 6)
        );
        // The chain 4 5 6 sits in the middle: a head and a tail outside it.
        assert_eq!(longest_increasing(&indexed(&[9, 8, 4, 5, 6, 1])), (3, 2, 4));
        assert_eq!(longest_increasing(&[]), (0, 0, 0));
        assert_eq!(count_common(&[1, 3, 5, 7], &[2, 3, 7, 8]), 2);
    }

    /// The alignment as first written: every sentence against every sentence.
    fn alignment_by_all_pairs(from: &Fingerprint, to: &Fingerprint, min: f64) -> Alignment {
        let targets: Vec<&[u16]> = to.sentences().collect();
        let mut positions = Vec::new();
        for (index, sentence) in from.sentences().enumerate() {
            let mut best: Option<(f64, usize)> = None;
            for (position, target) in targets.iter().enumerate() {
                let shared = count_common(sentence, target);
                let similarity =
                    2.0 * shared as f64 / (sentence.len() + target.len()).max(1) as f64;
                if similarity >= min && best.map_or(true, |(top, _)| top < similarity) {
                    best = Some((similarity, position));
                }
            }
            if let Some((_, position)) = best {
                positions.push((index, position));
            }
        }
        Alignment::of(&positions, from.n_sentences())
    }

    #[test]
    fn indexed_alignment_matches_all_pairs() {
        let config = MatchConfig::default();
        let texts = [WIRE, EDITED, PARAPHRASE, INDEPENDENT, CONTAINING_PAGE, ""];
        let fingerprints: Vec<Fingerprint> = texts
            .iter()
            .map(|text| fingerprint(text, &config))
            .collect();
        for from in &fingerprints {
            for to in &fingerprints {
                for min in [0.0, 0.1, 0.3, 0.6, 1.0] {
                    assert_eq!(
                        monotone_alignment(from, to, min),
                        alignment_by_all_pairs(from, to, min)
                    );
                }
            }
        }
    }
}
