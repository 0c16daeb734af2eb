//! One run of capitalised words → a name and its kind votes: [`analyse_run`] strips titles,
//! nationality words and dates off the run, drops ordinary words that only open a
//! sentence, and counts the cues around it (titles and speech verbs, "in X", place and
//! organisation words). Called by [`super::find_entities`] for every run it cuts out of an
//! article; [`RunBuffers`] are the strings it reuses from one run to the next.

use super::{is_all_caps, is_calendar_word, word, Votes, WordEvidence};
use crate::lexicon;
use crate::text::strip_possessive;
use crate::tokens::Token;

/// Strings reused from one run of capitalised words to the next, so that reading a name
/// allocates nothing once the buffers have grown.
#[derive(Debug, Default)]
pub(super) struct RunBuffers {
    /// The run's words as the name shows them (possessive stripped, capitals title-cased).
    pub(super) words: Vec<String>,
    /// The same words lower-cased.
    pub(super) lower: Vec<String>,
    /// The word tables each lower-cased word is in ([`lexicon::word_kinds`]).
    pub(super) kinds: Vec<u16>,
    pub(super) key: String,
    pub(super) previous: String,
    pub(super) next: String,
    /// The name found, when [`analyse_run`] returns votes.
    pub(super) name: String,
}

/// Lower-cases `word` into `out` (as `str::to_lowercase`, without allocating for ASCII).
pub(super) fn lowercase_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&word.to_lowercase());
    }
}

/// Joins words with single spaces into `out`.
pub(super) fn join_into(words: &[String], out: &mut String) {
    out.clear();
    for (index, word) in words.iter().enumerate() {
        if index > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// Turns one run of capitalised tokens into a name (left in `buffers.name`) and its votes,
/// or nothing when it is only titles, nationality words, dates or an ordinary word that
/// starts a sentence.
pub(super) fn analyse_run(
    text: &str,
    tokens: &[Token],
    start: usize,
    end: usize,
    evidence: &WordEvidence,
    buffers: &mut RunBuffers,
) -> Option<Votes> {
    // Most runs are one capitalised word opening a sentence ("The", "He"): decide those
    // before anything else. Such a word is a name only if it also appears capitalised
    // inside sentences (the rule applied to single words below).
    let first_token = &tokens[start];
    if end - start == 1
        && first_token.sentence_start
        && !first_token.all_caps
        && !evidence.is_capitalised_inside_hash(first_token.lower)
    {
        return None;
    }
    let n_words = end - start;
    let all_caps = tokens[start..end].iter().all(|t| t.all_caps);
    while buffers.words.len() < n_words {
        buffers.words.push(String::new());
        buffers.lower.push(String::new());
    }
    for (offset, token) in tokens[start..end].iter().enumerate() {
        let stripped = strip_possessive(word(text, token));
        let shown = &mut buffers.words[offset];
        shown.clear();
        // Headlines and datelines in capitals ("NEW DELHI") read as names in title case.
        if all_caps && (n_words > 1 || stripped.chars().count() > 5) {
            title_case_into(stripped, shown);
        } else {
            shown.push_str(stripped);
        }
        lowercase_into(shown, &mut buffers.lower[offset]);
    }
    buffers.kinds.clear();
    buffers.kinds.extend(
        buffers.lower[..n_words]
            .iter()
            .map(|w| lexicon::word_kinds(w)),
    );
    let words = &buffers.words[..n_words];
    let lower = &buffers.lower[..n_words];
    let kinds = &buffers.kinds[..n_words];
    let is = |index: usize, kind: u16| kinds.get(index).is_some_and(|k| k & kind != 0);
    let mut first = 0;
    // A run in capitals ("NEW DELHI") is a dateline or heading: its first word is no opener.
    if tokens[start].sentence_start && !all_caps {
        while first < words.len()
            && !is(first, lexicon::TITLE)
            && (is(first, lexicon::STOPWORD)
                || (is_sentence_opener(&lower[first])
                    && !evidence.is_capitalised_inside(&lower[first]))
                || (evidence.is_lowercase_word(&lower[first])
                    && !evidence.is_capitalised_inside(&lower[first])))
        {
            first += 1;
        }
    }
    let mut votes: Votes = [0; 3];
    if lower.is_empty() {
        return None;
    }
    let organisation_named = is(lower.len() - 1, lexicon::ORGANISATION_SUFFIX)
        || (is(first.min(lower.len() - 1), lexicon::ORGANISATION_HEAD)
            && lower.iter().any(|w| w == "of"));
    if !organisation_named {
        // A title inside the run ("NATO Secretary-General Jens Stoltenberg", "US Secretary
        // of State Antony Blinken"): the name is what follows the last title.
        // A hyphenated word is a title when one of its parts is ("Secretary-General").
        let is_title_word = |index: usize| {
            is(index, lexicon::TITLE)
                || (lower[index].contains('-') && lower[index].split('-').any(lexicon::is_title))
        };
        if let Some(title) = (first..words.len().saturating_sub(1))
            .rev()
            .find(|&i| is_title_word(i))
        {
            let mut name_start = title + 1;
            if lower[name_start] == "of" {
                name_start += 2;
            }
            if name_start < words.len() {
                votes[0] += 2;
                first = name_start;
            }
        }
        // Strip titles and nationality words in front of the name.
        while first < words.len() {
            let pair = lower
                .get(first + 1)
                .is_some_and(|next| lexicon::is_nationality_pair(&lower[first], next));
            if pair {
                first += 2;
            } else if is(first, lexicon::NATIONALITY) {
                first += 1;
            } else if is(first, lexicon::TITLE) {
                if lower.get(first + 1).is_some_and(|next| next == "of") {
                    // "Governor of Qeshm", "Mayor of London": what follows names the
                    // office's place or body, not a person.
                    first += 2;
                } else {
                    votes[0] += 2;
                    first += 1;
                }
            } else {
                break;
            }
        }
    }
    let mut last = words.len();
    // Dates and times end no name, nor does an abbreviated title with no name after it
    // ("Troy Police Lt." when the stop ends the run).
    let ends_in_abbreviation = n_words >= 2
        && text
            .get(tokens[end - 1].end()..)
            .is_some_and(|rest| rest.starts_with('.'))
        && lower[n_words - 1].len() <= super::MAX_ABBREVIATED_TITLE
        && is(n_words - 1, lexicon::TITLE);
    if ends_in_abbreviation {
        last -= 1;
        // "Troy Police" is what is left: a body, if its last word says so.
        if last > first && !organisation_named && is(last - 1, lexicon::ORGANISATION_SUFFIX) {
            votes[2] += 2;
        }
    }
    while last > first && is_calendar_word(&lower[last - 1]) {
        last -= 1;
    }
    // A name never starts with a joining word ("of Qeshm" from "Governor of Qeshm").
    while first < last
        && (is_calendar_word(&lower[first])
            || matches!(lower[first].as_str(), "the" | "of" | "and"))
    {
        first += 1;
    }
    if first >= last {
        return None;
    }
    let name_words = &lower[first..last];
    if name_words.len() == 1 {
        let word = &name_words[0];
        let at_sentence_start = first == 0 && tokens[start].sentence_start;
        if is(first, lexicon::STOPWORD) || word.chars().count() < 2 {
            return None;
        }
        // A capitalised word seen only at sentence starts is most likely an ordinary word.
        if at_sentence_start && !evidence.is_capitalised_inside(word) && !is_all_caps(&words[first])
        {
            return None;
        }
    }
    let key = &mut buffers.key;
    join_into(name_words, key);
    let previous = start.checked_sub(1).map(|i| {
        lowercase_into(word(text, &tokens[i]), &mut buffers.previous);
        buffers.previous.as_str()
    });
    let next = tokens
        .get(end)
        .filter(|t| !t.sentence_start || t.comma_before)
        .map(|t| {
            lowercase_into(word(text, t), &mut buffers.next);
            buffers.next.as_str()
        });
    let is_known_place = if name_words.len() == 1 {
        is(first, lexicon::KNOWN_PLACE)
    } else {
        lexicon::is_known_place(key)
    };
    if organisation_named {
        votes[2] += 2;
    } else if name_words.len() == 1 && is_all_caps(&words[first]) && !is_known_place {
        votes[2] += 1;
    }
    if is_known_place {
        votes[1] += 3;
    }
    if is(last - 1, lexicon::PLACE_SUFFIX) {
        votes[1] += 2;
    }
    let previous_kinds = previous.map_or(0, lexicon::word_kinds);
    if previous_kinds & lexicon::PERSON_CUE != 0 && first == 0 {
        votes[0] += 1;
    }
    // "a woman in Qeshm told AFP": after "in" the name is where the speaker is, not who.
    let after_place_cue = previous_kinds & lexicon::PLACE_CUE != 0 && first == 0;
    if next.is_some_and(|w| lexicon::word_kinds(w) & lexicon::SPEECH_VERB != 0)
        && !organisation_named
        && !after_place_cue
    {
        votes[0] += 1;
    }
    if after_place_cue && votes[0] == 0 {
        votes[1] += 1;
    }
    join_into(&words[first..last], &mut buffers.name);
    Some(votes)
}

/// Words that open sentences but never start a name ("Later Putin said", "Highlighting…").
pub(super) fn is_sentence_opener(lower: &str) -> bool {
    lower.ends_with("ly")
        || (lower.ends_with("ing") && lower.len() > 5)
        || matches!(
            lower,
            "later"
                | "meanwhile"
                | "earlier"
                | "instead"
                | "overall"
                | "despite"
                | "prior"
                | "following"
                | "ahead"
                | "asked"
                | "besides"
                | "unlike"
                | "like"
                | "yes"
                | "but"
        )
}

/// Writes `word` in title case ("NEW" → "New", "JONG-UN" → "Jong-Un") into `out`.
pub(super) fn title_case_into(word: &str, out: &mut String) {
    let mut start_of_part = true;
    for c in word.chars() {
        if start_of_part {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start_of_part = matches!(c, '-' | '\'' | '’');
    }
}
