//! Structural rules that look at several lines at once: furniture above the headline, a
//! repeated title, bodies or paragraphs repeated inside the article, foreign stories pasted
//! into the middle, and teaser headline lists after the end of the body.
//!
//! Every function takes the article's [`Line`]s (from [`crate::text`]) and the per-line
//! [`Mark`]s so far, and adds marks; [`crate::clean`] turns marks into `Removal`s. A line
//! marked by an earlier rule is "gone" for later rules, except that foreign-block detection
//! may re-label a furniture heading as part of the block it introduces.

use std::borrow::Cow;
use std::hash::BuildHasher;

use rustc_hash::{FxHashMap, FxHashSet};
use storyline_core::sorted::count_common;
use storyline_core::RemovalKind;

use crate::filler::is_marketing_talk;
use crate::rules::{
    has_headline_shape, holds_a_date, is_byline, is_comment_header, is_count, is_dateline_only,
    is_foreign_heading, is_inner_title, is_more_from_heading, is_section_label, is_site_menu,
    is_teaser_with_quoted_title, is_thread_comment_header, is_title_like, masthead_kind,
    reads_as_headline, Masthead, AD_REASON, THREAD_BUTTONS_REASON,
};
use crate::text::{content_tokens, Line};
use crate::CleanConfig;

/// Why one line goes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mark {
    pub(crate) kind: RemovalKind,
    /// Mostly a fixed phrase: borrowed, so that marking a line allocates nothing.
    pub(crate) reason: Cow<'static, str>,
    /// For repeated lines: the line number of the copy that is kept.
    pub(crate) origin: Option<u32>,
}

impl Mark {
    pub(crate) fn new(kind: RemovalKind, reason: impl Into<Cow<'static, str>>) -> Mark {
        Mark {
            kind,
            reason: reason.into(),
            origin: None,
        }
    }
}

/// Marks every line of `indices` with one kind and reason.
fn mark_all(
    marks: &mut [Option<Mark>],
    indices: impl IntoIterator<Item = usize>,
    kind: RemovalKind,
    reason: impl Into<Cow<'static, str>>,
) {
    let reason = reason.into();
    for index in indices {
        marks[index] = Some(Mark::new(kind, reason.clone()));
    }
}

/// Indices of the lines no rule has marked yet.
fn kept(marks: &[Option<Mark>]) -> Vec<usize> {
    // Sized for every line up front: growing it took several reallocations per article.
    let mut kept = Vec::with_capacity(marks.len());
    kept.extend((0..marks.len()).filter(|&index| marks[index].is_none()));
    kept
}

/// Kept lines with words judged above the headline by [`mark_masthead`].
const MAX_MASTHEAD_LINES: usize = 4;

/// A site's masthead and tagline above the headline: "The Hindu" / "Online edition of
/// India's National Newspaper" over "Navy foils pirate attack, 23 held", "TerraDaily" / "News
/// About Planet Earth" over the headline. The first lines of the text, each a masthead line
/// ([`masthead_kind`]), with date lines and section labels among them (which [`mark_top`]
/// and [`mark_header_dates`] judge), go when the line under them is the headline, with prose
/// after it: the title field, or without one a line of four words or more (three under a
/// plain site name) that reads as a headline and is no byline. One of them must be plainly
/// a site's name, or a short title over a tagline, or a short title opening the page right
/// over the site's menu (one other removed line may come between): a short headline over its
/// deck ("Quake Kills 10" / "Rescuers search the rubble of three villages") stays, and so does
/// a headline at the top.
pub(crate) fn mark_masthead(lines: &[Line], marks: &mut [Option<Mark>], title_key: Option<u64>) {
    let mut mastheads = [(0usize, Masthead::Name); MAX_MASTHEAD_LINES];
    let mut n_mastheads = 0;
    let mut n_judged = 0;
    let mut headline = None;
    let mut label_title = false;
    for index in 0..lines.len() {
        let line = &lines[index];
        if marks[index].is_some() || line.n_words == 0 {
            continue;
        }
        if Some(line.key) == title_key || n_judged == MAX_MASTHEAD_LINES {
            headline = Some(index);
            break;
        }
        n_judged += 1;
        if is_dateline_only(line) {
            continue;
        }
        let kind = masthead_kind(line);
        // A site's name that ends like a section ("NBC News", "Anchorage Daily News") is
        // taken as the name.
        if is_section_label(line) && kind != Some(Masthead::Name) {
            // Left to [`mark_top`]; a short title it takes for a label ("Krebs on Security")
            // still marks the top of a site over a tagline.
            label_title |= kind == Some(Masthead::ShortTitle);
            continue;
        }
        let Some(kind) = kind else {
            headline = Some(index);
            break;
        };
        mastheads[n_mastheads] = (index, kind);
        n_mastheads += 1;
    }
    let mastheads = &mastheads[..n_mastheads];
    let Some(headline) = headline else {
        return;
    };
    let line = &lines[headline];
    let has = |wanted: Masthead| mastheads.iter().any(|&(_, kind)| kind == wanted);
    // A short title that opens the page over the site's menu ("The Age" / "Subscribe | Log
    // in" / "National  World  Opinion …") is the site's name as plainly as a tagline says so.
    let over_menu = || {
        mastheads.first().is_some_and(|&(first, kind)| {
            kind == Masthead::ShortTitle
                && next_with_words(lines, 0) == Some(first)
                && (first + 1..lines.len())
                    .filter(|&index| lines[index].n_words > 0)
                    .take(2)
                    .take_while(|&index| marks[index].is_some())
                    .any(|index| is_site_menu(&lines[index]))
        })
    };
    let plainly_a_site = has(Masthead::Name)
        || ((has(Masthead::ShortTitle) || label_title) && has(Masthead::Tagline))
        || over_menu();
    // With a title field, the headline is that title: a page's text may open with its
    // section's heading ("Problem", "Adobe Photoshop Elements") over a line that is not.
    // Under a plain site name a headline may be as short as three words ("SEACOM downtime
    // explained").
    let min_words = if has(Masthead::Name) { 3 } else { 4 };
    let is_headline = match title_key {
        Some(title_key) => line.key == title_key,
        None => line.n_words >= min_words && reads_as_headline(line) && !is_byline(line),
    };
    let prose_follows = || {
        (headline + 1..lines.len()).any(|index| marks[index].is_none() && is_prose(&lines[index]))
    };
    let tagline = tagline_over_furniture(lines, marks, mastheads, headline);
    if tagline.is_none() && (!plainly_a_site || !is_headline || !prose_follows()) {
        return;
    }
    mark_all(
        marks,
        mastheads.iter().map(|&(index, _)| index).chain(tagline),
        RemovalKind::Boilerplate,
        "site name or tagline above the headline",
    );
}

/// Most words of a tagline that [`tagline_over_furniture`] takes.
const MAX_TAGLINE_WORDS: u32 = 10;

/// "Kilkenny Observer" / "Your voice in the Marble City" / (the site's menu) / the headline:
/// the line between the site's name (or a short title) that opens the page and the site's
/// menu under it is the site's tagline, not the headline, when a headline with prose after
/// it follows the menu: a headline and its deck stand over a share bar, never over the
/// site's menu. Returns that line, `candidate` (the line [`mark_masthead`] took for the
/// headline).
fn tagline_over_furniture(
    lines: &[Line],
    marks: &[Option<Mark>],
    mastheads: &[(usize, Masthead)],
    candidate: usize,
) -> Option<usize> {
    let &[(name, kind)] = mastheads else {
        return None;
    };
    let line = &lines[candidate];
    let below = next_with_words(lines, candidate + 1)?;
    let fits = next_with_words(lines, 0) == Some(name)
        && next_with_words(lines, name + 1) == Some(candidate)
        && line.n_words <= MAX_TAGLINE_WORDS
        && !line.ends_with_sentence_punctuation()
        && !line.has_quote()
        && !is_byline(line)
        && !is_dateline_only(line)
        && marks[below].is_some()
        && is_site_menu(&lines[below])
        && matches!(kind, Masthead::Name | Masthead::ShortTitle);
    if !fits {
        return None;
    }
    let headline = (below..lines.len()).find(|&index| marks[index].is_none())?;
    let headline_line = &lines[headline];
    let is_headline = headline_line.n_words >= 3
        && reads_as_headline(headline_line)
        && !is_byline(headline_line)
        && !is_dateline_only(headline_line);
    let prose_follows =
        (headline + 1..lines.len()).any(|index| marks[index].is_none() && is_prose(&lines[index]));
    (is_headline && prose_follows).then_some(candidate)
}

/// Dateline-only lines and section labels above the headline, and a headline printed twice.
pub(crate) fn mark_top(lines: &[Line], marks: &mut [Option<Mark>], title_key: Option<u64>) {
    let kept = kept(marks);
    let mut position = 0;
    while position < kept.len().min(4) {
        let line = &lines[kept[position]];
        if Some(line.key) == title_key {
            break;
        }
        let next = kept.get(position + 1).map(|&index| &lines[index]);
        let before_headline = next.is_some_and(|next| {
            Some(next.key) == title_key || (reads_as_headline(next) && next.n_words > line.n_words)
        });
        // With the headline in a title field, a label may open the text right above the
        // body's first paragraph.
        let before_body = position == 0
            && title_key.is_some()
            && next.is_some_and(|next| {
                next.n_words >= 8
                    && next.text.starts_with(char::is_uppercase)
                    && next.ends_with_sentence_punctuation()
            });
        if is_dateline_only(line) && next.is_some() {
            marks[kept[position]] = Some(Mark::new(
                RemovalKind::Boilerplate,
                "dateline-only line above the article",
            ));
        } else if is_section_label(line) && (before_headline || before_body) {
            let reason = if before_headline {
                "section label above the headline"
            } else {
                "section label above the body"
            };
            marks[kept[position]] = Some(Mark::new(RemovalKind::Boilerplate, reason));
        } else {
            break;
        }
        position += 1;
    }
    // The headline printed twice in a row, within the first lines left: a label no rule
    // knows ("Crime Desk") may sit above it.
    let Some(at) = (position..kept.len().min(position + 3)).find(|&at| {
        let line = &lines[kept[at]];
        reads_as_headline(line)
            && line.key != 0
            && kept
                .get(at + 1)
                .is_some_and(|&next| lines[next].key == line.key)
    }) else {
        return;
    };
    // The lines above it are labels when all are short and unpunctuated ("Hollywood",
    // "Crime Desk"): the headline printed twice marks the page's template top.
    let labels = &kept[position..at];
    if labels.iter().all(|&index| {
        let line = &lines[index];
        (1..=3).contains(&line.n_words) && !line.ends_with_sentence_punctuation()
    }) {
        mark_all(
            marks,
            labels.iter().copied(),
            RemovalKind::Boilerplate,
            "label above a headline printed twice",
        );
    }
    let first = kept[at];
    for &next in &kept[at + 1..] {
        if lines[next].key != lines[first].key {
            break;
        }
        marks[next] = Some(Mark {
            kind: RemovalKind::DuplicateTitle,
            reason: format!("headline of line {} repeated", lines[first].number).into(),
            origin: Some(lines[first].number),
        });
    }
}

/// Kept lines at the top of an article, before its first paragraph of prose, that
/// [`mark_header_dates`] judges.
const MAX_HEADER_LINES: usize = 6;

/// Date-only lines among the article's header lines (its headline, byline and time stamp,
/// before the first paragraph of prose): the page's publication date under the headline
/// ("Sunday, Dec 14, 2008"), which [`mark_top`] leaves when it is not above the headline.
pub(crate) fn mark_header_dates(lines: &[Line], marks: &mut [Option<Mark>]) {
    let mut n_judged = 0;
    for index in 0..lines.len() {
        if marks[index].is_some() || lines[index].n_words == 0 {
            continue;
        }
        let line = &lines[index];
        if n_judged == MAX_HEADER_LINES || is_prose(line) {
            return;
        }
        n_judged += 1;
        // Some text must follow: a date alone is what the article is.
        let more_follows = || {
            (index + 1..lines.len()).any(|after| marks[after].is_none() && lines[after].n_words > 0)
        };
        // A date holds a digit: most headlines and bylines are ruled out by it.
        let has_digit = || line.text.bytes().any(|byte| byte.is_ascii_digit());
        if has_digit() && is_dateline_only(line) && more_follows() {
            marks[index] = Some(Mark::new(
                RemovalKind::Boilerplate,
                "date line among the headline and byline",
            ));
        }
    }
}

/// Most words of a line that [`is_unrelated_short_line`] judges.
const MAX_UNRELATED_LINE_WORDS: u32 = 12;
/// Fewest distinct content words of the body for [`mark_unrelated_header`] to judge by.
const MIN_BODY_CONTENT_WORDS: usize = 20;
/// Fewest words of a teaser or an offer that [`mark_unrelated_footer`] judges.
const MIN_FOOTER_TEASER_WORDS: u32 = 4;
/// Most lines above the headline for [`mark_unrelated_header`] to take them for a page's top.
const MAX_UNRELATED_HEADER_LINES: usize = 10;
/// Words of a line that [`mark_unrelated_header`] takes for a paragraph, not a header line.
const MIN_PARAGRAPH_WORDS: u32 = 20;

/// Content words of the article's kept prose ([`is_prose`]); `None` when they are too few
/// (under [`MIN_BODY_CONTENT_WORDS`]) to tell which other lines are unrelated.
fn prose_vocabulary(lines: &[Line], marks: &[Option<Mark>]) -> Option<FxHashSet<u64>> {
    let body: FxHashSet<u64> = (0..lines.len())
        .filter(|&index| marks[index].is_none() && is_prose(&lines[index]))
        .flat_map(|index| content_tokens(lines[index].folded))
        .collect();
    (body.len() >= MIN_BODY_CONTENT_WORDS).then_some(body)
}

/// Whether line `zone[position]` is a short line unrelated to the article whose prose uses
/// the words `body`: at most [`MAX_UNRELATED_LINE_WORDS`] words, capitalised or opened by a
/// symbol (never a list's lowercase item, "the toolchain of Go"), no sentence, byline or
/// date, not a row of a fact table among `zone` ("Headquarters: Coral Gables, FL" over
/// "Company Size: …"), with content words and none of them in `body`.
fn is_unrelated_short_line(
    lines: &[Line],
    zone: &[usize],
    position: usize,
    body: &FxHashSet<u64>,
) -> bool {
    let line = &lines[zone[position]];
    let is_fact = |position: usize| {
        zone.get(position)
            .is_some_and(|&index| is_label_and_value(&lines[index]))
    };
    let in_fact_table = is_fact(position)
        && (is_fact(position + 1) || position.checked_sub(1).is_some_and(is_fact));
    let opens_as_a_name = line
        .text
        .chars()
        .next()
        .is_some_and(|first| first.is_uppercase() || !first.is_alphanumeric());
    if line.n_words > MAX_UNRELATED_LINE_WORDS
        || in_fact_table
        || !opens_as_a_name
        || line.ends_with_sentence_punctuation()
        || is_byline(line)
        || holds_a_date(line)
    {
        return false;
    }
    let tokens = content_tokens(line.folded);
    !tokens.is_empty() && !tokens.iter().any(|token| body.contains(token))
}

/// "Headquarters: Coral Gables, FL", "Revenue: $2.4 billion": a label of one to three
/// capitalised words, a colon and its value.
fn is_label_and_value(line: &Line) -> bool {
    line.text.split_once(": ").is_some_and(|(label, value)| {
        !value.is_empty()
            && label.split(' ').count() <= 3
            && label.starts_with(|first: char| first.is_uppercase())
    })
}

/// Short lines above the headline that share no content word with the article's prose:
/// the site's name and tagline ("Bad Left Hook" / "A boxing community"), a radio station's
/// "On air now" line, a section label, another story's teaser. The headline is the last line
/// above the body that reads as one, gives no date and shares two content words with the
/// prose (or is the given title); without one, or with more than a page's top above it (ten
/// lines, or a paragraph), nothing is judged. A sentence, a byline, a line that gives a date,
/// a line that opens in lowercase (a list's item), a fact table's rows and any line with a
/// word the prose uses stay ("Heart West Country" over a report from the West Country).
pub(crate) fn mark_unrelated_header(
    lines: &[Line],
    marks: &mut [Option<Mark>],
    title_key: Option<u64>,
) {
    let Some(first_prose) = first_kept_prose(lines, marks) else {
        return;
    };
    let header: Vec<usize> = (0..first_prose)
        .filter(|&index| marks[index].is_none() && lines[index].n_words > 0)
        .collect();
    if header.len() < 2 {
        return;
    }
    let Some(body) = prose_vocabulary(lines, marks) else {
        return;
    };
    let n_shared = |line: &Line| {
        content_tokens(line.folded)
            .iter()
            .filter(|token| body.contains(token))
            .count()
    };
    let Some(headline) = header.iter().rposition(|&index| {
        let line = &lines[index];
        Some(line.key) == title_key
            || (reads_as_headline(line) && !holds_a_date(line) && n_shared(line) >= 2)
    }) else {
        return;
    };
    // A page's top is a few short lines; a paragraph above the "headline" means the body
    // began higher up (a list under an introduction), not that a header ends there.
    let above = &header[..headline];
    if above.len() > MAX_UNRELATED_HEADER_LINES
        || above
            .iter()
            .any(|&index| lines[index].n_words >= MIN_PARAGRAPH_WORDS)
    {
        return;
    }
    let unrelated: Vec<usize> = (0..above.len())
        .filter(|&position| is_unrelated_short_line(lines, &header, position, &body))
        .map(|position| header[position])
        .collect();
    mark_all(
        marks,
        unrelated,
        RemovalKind::Boilerplate,
        "line above the headline sharing no word with the article",
    );
}

/// A paragraph of prose: eight words or more ending a sentence, as no headline, byline,
/// label or teaser does.
fn is_prose(line: &Line) -> bool {
    line.n_words >= 8 && line.ends_with_sentence_punctuation()
}

/// The first kept line of prose ([`is_prose`]), where an article's body starts.
fn first_kept_prose(lines: &[Line], marks: &[Option<Mark>]) -> Option<usize> {
    (0..lines.len()).find(|&index| marks[index].is_none() && is_prose(&lines[index]))
}

/// The last kept line of prose ([`is_prose`]), where an article's body ends.
fn last_kept_prose(lines: &[Line], marks: &[Option<Mark>]) -> Option<usize> {
    (0..lines.len())
        .rev()
        .find(|&index| marks[index].is_none() && is_prose(&lines[index]))
}

/// The kept lines after the article's first paragraph of prose that `wanted` accepts (none
/// when the article has no prose).
fn kept_after_body_start(
    lines: &[Line],
    marks: &[Option<Mark>],
    wanted: impl Fn(&Line) -> bool,
) -> Vec<usize> {
    let Some(first_prose) = first_kept_prose(lines, marks) else {
        return Vec::new();
    };
    (first_prose + 1..lines.len())
        .filter(|&index| marks[index].is_none() && wanted(&lines[index]))
        .collect()
}

/// The first line from `from` on that has words (blank lines are lines too).
fn next_with_words(lines: &[Line], from: usize) -> Option<usize> {
    (from..lines.len()).find(|&index| lines[index].n_words > 0)
}

/// True when a line is long enough that its repetition cannot be chance.
fn is_substantial(line: &Line) -> bool {
    line.n_words >= 4 || line.folded.len() >= 25
}

/// True for a paragraph long enough that printing it twice is a page's mistake, not its
/// layout, even alone.
fn is_long_paragraph(line: &Line) -> bool {
    line.n_words >= 15 || line.folded.len() >= 100
}

/// Later copies of lines that already appeared in the article, when they copy a block: a run
/// of two or more lines (one of them substantial) repeating a run of the same lines in the
/// same order (a body printed twice), or one long paragraph. A line that recurs alone, such as
/// a listicle's "Read our full review." under every item or a repeated short label, is the
/// page's own text and stays. Short lines next to a repeated block join it.
pub(crate) fn mark_repeats(lines: &[Line], marks: &mut [Option<Mark>]) {
    let kept = kept(marks);
    // Position in `kept` of the first line with each key, and each line's original (as a
    // position in `kept`) when it repeats one.
    let mut first_seen: FxHashMap<u64, usize> =
        FxHashMap::with_capacity_and_hasher(kept.len(), Default::default());
    let mut original: Vec<Option<usize>> = vec![None; kept.len()];
    for (position, &index) in kept.iter().enumerate() {
        let key = lines[index].key;
        if key == 0 {
            continue;
        }
        match first_seen.get(&key) {
            Some(&first) => original[position] = Some(first),
            None => {
                first_seen.insert(key, position);
            }
        }
    }
    let mut start = 0;
    while start < kept.len() {
        let Some(first_original) = original[start] else {
            start += 1;
            continue;
        };
        // The run of repeats whose originals follow each other as they do.
        let mut end = start + 1;
        while end < kept.len() && original[end] == Some(first_original + (end - start)) {
            end += 1;
        }
        let run = &kept[start..end];
        let is_block = run.len() >= 2 && run.iter().any(|&index| is_substantial(&lines[index]));
        for (offset, &index) in run.iter().enumerate() {
            if is_block || is_long_paragraph(&lines[index]) {
                let origin = lines[kept[first_original + offset]].number;
                marks[index] = Some(repeat_mark(origin));
            }
        }
        start = end;
    }
    // Extend the marked blocks over the repeated lines next to them, forwards then
    // backwards; each pass only grows, so two passes per direction reach a fixpoint for runs
    // of such lines up to the run length.
    let mut changed = true;
    let mut rounds = 0;
    while changed && rounds < kept.len() {
        changed = false;
        rounds += 1;
        for position in 0..kept.len() {
            let index = kept[position];
            let Some(first) = original[position] else {
                continue;
            };
            if marks[index].is_some() {
                continue;
            }
            let neighbour_marked = |offset: isize| {
                position
                    .checked_add_signed(offset)
                    .and_then(|neighbour| kept.get(neighbour))
                    .is_some_and(|&neighbour| {
                        is_marked_as(marks, neighbour, RemovalKind::RepeatedBlock)
                    })
            };
            if neighbour_marked(-1) || neighbour_marked(1) {
                marks[index] = Some(repeat_mark(lines[kept[first]].number));
                changed = true;
            }
        }
    }
}

/// Words in a row that must recur, in order, for a stretch of text to count as printed
/// before.
const REWRAP_GRAM: usize = 5;
/// Shortest line (in words) [`mark_rewrapped_repeats`] judges: shorter ones hold too few
/// word runs to tell a repeat from a shared phrase.
const REWRAP_MIN_WORDS: usize = 8;

/// Later copies of text printed again with other line breaks: a body printed twice, once as
/// paragraphs and once with paragraphs merged, split or hard-wrapped, which
/// [`mark_repeats`] cannot match line by line. The article's remaining lines are read as one
/// stream of words across line breaks; a line of at least [`REWRAP_MIN_WORDS`] words repeats
/// earlier text when every one of its runs of [`REWRAP_GRAM`] words appeared before it
/// started (all of them: lines of a template that differ in one name, "IVPN supports …" and
/// "Mullvad supports …", are not repeats). As in [`mark_repeats`], it goes when it is a long
/// paragraph or next to another such line; a sentence quoted again alone stays.
pub(crate) fn mark_rewrapped_repeats(lines: &[Line], marks: &mut [Option<Mark>]) {
    let kept = kept(marks);
    if !may_repeat_rewrapped(lines, &kept) {
        return;
    }
    let mut words: Vec<u64> = Vec::new();
    // Where each kept line's words start in `words`, and the end of the last.
    let mut line_start: Vec<usize> = Vec::with_capacity(kept.len() + 1);
    for &index in &kept {
        line_start.push(words.len());
        words.extend(
            lines[index]
                .folded
                .split(' ')
                .filter(|word| !word.is_empty())
                .map(|word| rustc_hash::FxBuildHasher.hash_one(word)),
        );
    }
    line_start.push(words.len());
    // Two copies of a line worth judging are the least that can repeat.
    if words.len() < 2 * REWRAP_MIN_WORDS {
        return;
    }
    let grams: Vec<u64> = words
        .windows(REWRAP_GRAM)
        .map(|run| {
            run.iter()
                .fold(0u64, |gram, &word| gram.rotate_left(13) ^ word)
        })
        .collect();
    let mut first_at: FxHashMap<u64, usize> =
        FxHashMap::with_capacity_and_hasher(grams.len(), Default::default());
    for (at, &gram) in grams.iter().enumerate() {
        first_at.entry(gram).or_insert(at);
    }
    // For each kept line that repeats earlier text: the kept position of the line where the
    // first of its runs appeared.
    let mut repeats: Vec<Option<usize>> = vec![None; kept.len()];
    for (position, repeat) in repeats.iter_mut().enumerate() {
        let (start, end) = (line_start[position], line_start[position + 1]);
        if end - start < REWRAP_MIN_WORDS {
            continue;
        }
        let mut runs = grams[start..end + 1 - REWRAP_GRAM].iter();
        let origin_word = runs
            .next()
            .and_then(|gram| first_at.get(gram).copied())
            .filter(|&first| first + REWRAP_GRAM <= start);
        let all_seen = runs.all(|gram| {
            first_at
                .get(gram)
                .is_some_and(|&first| first + REWRAP_GRAM <= start)
        });
        if all_seen {
            *repeat = origin_word.map(|word| line_start.partition_point(|&s| s <= word) - 1);
        }
    }
    for (position, &index) in kept.iter().enumerate() {
        let Some(origin) = repeats[position] else {
            continue;
        };
        let next_to_another = (position > 0 && repeats[position - 1].is_some())
            || repeats.get(position + 1).is_some_and(Option::is_some);
        if next_to_another || is_long_paragraph(&lines[index]) {
            marks[index] = Some(repeat_mark(lines[kept[origin]].number));
        }
    }
}

/// Least share of the distinct words of the longer of two paragraphs that the other holds
/// too, for one to be an edited copy of the other ("said" → "says", a dropped comma, a
/// name spelt out).
const EDITED_MIN_SHARED: f64 = 0.7;
/// Paragraphs at the article's start from which a body printed again starts again.
const EDITED_OPENING_LINES: usize = 3;
/// Lines a body printed again with edits must make, its edited copies and the exact repeats
/// among and right before them together: fewer could be a quote given twice.
const EDITED_MIN_LINES: usize = 3;

/// Later copies of a body printed again with small edits, which [`mark_repeats`] and
/// [`mark_rewrapped_repeats`] cannot match (they want the same lines or the same runs of
/// words): a run of paragraphs (lines of [`REWRAP_MIN_WORDS`] words or more), each sharing
/// [`EDITED_MIN_SHARED`] of its words with an earlier paragraph, the earlier ones in the
/// same order and all before the run, that copies the article from its start, and with the
/// exact repeats other rules took out among, just before and right after it makes at least
/// [`EDITED_MIN_LINES`] lines (removed furniture, a wire feed's "MORE", may sit among
/// them); the headline printed again over it goes with it, and so do the exact repeats
/// right after it that no other rule took (a short last line). A paragraph may be missing
/// from either copy (an ad between two).
///
/// Most articles never get past the first test: a later paragraph must open or end with
/// the same two words as an earlier one before any word is hashed.
///
/// `bench/clean` has no corpus of such bodies; probed with six ECB+ reports, each followed by
/// a copy with "said" → "says", "was" → "had been", some commas dropped: every copy is taken
/// out whole and every first copy kept, where the line rules alone kept 1 to 9 of the 13 to
/// 35 copied lines. WCXB dev gains two pages' removals, none of them gold text (a shipping
/// notice in 14 currencies, a seminar list); without the opening test, twelve pages lost
/// template text (a comparison's two columns, a training plan's weeks, listings), and with
/// exact repeats counted back over unjudged lines, a listicle lost two lines.
pub(crate) fn mark_edited_repeats(lines: &[Line], marks: &mut [Option<Mark>]) {
    let paragraphs: Vec<usize> = kept(marks)
        .into_iter()
        .filter(|&index| lines[index].n_words as usize >= REWRAP_MIN_WORDS)
        .collect();
    if paragraphs.len() < 2 * EDITED_MIN_LINES {
        return;
    }
    // The first and last two words of each paragraph, compared in a scan over the earlier
    // ones (an article has tens of paragraphs; no map is built per article).
    let ends: Vec<(&str, &str)> = paragraphs
        .iter()
        .map(|&index| word_pair_ends(lines[index].folded))
        .collect();
    let mut words: Vec<Option<Vec<u64>>> = vec![None; paragraphs.len()];
    let mut position = 0;
    while position < paragraphs.len() {
        let (head, tail) = ends[position];
        let found = (0..position)
            .filter(|&earlier| ends[earlier].0 == head || ends[earlier].1 == tail)
            .find(|&original| edited_copy(lines, &paragraphs, &mut words, original, position));
        let Some(original) = found else {
            position += 1;
            continue;
        };
        let run = align_edited_run(lines, &paragraphs, &mut words, original, position);
        let n_exact = exact_repeats_of_body(lines, &paragraphs, marks, &run);
        if !n_exact.is_some_and(|n_exact| run.len() + n_exact >= EDITED_MIN_LINES) {
            position += 1;
            continue;
        }
        for &(original, copy) in &run {
            marks[paragraphs[copy]] = Some(repeat_mark(lines[paragraphs[original]].number));
        }
        let first_copy = paragraphs[run[0].1];
        let after_last_copy = run.last().map_or(first_copy, |&(_, last)| paragraphs[last]) + 1;
        mark_repeats_along(
            lines,
            marks,
            first_copy,
            (0..first_copy).rev(),
            MAX_HEADING_REPEATS,
        );
        mark_repeats_along(
            lines,
            marks,
            first_copy,
            after_last_copy..lines.len(),
            usize::MAX,
        );
        position = run.last().map_or(position, |&(_, copy)| copy) + 1;
    }
}

/// Kept lines before a body printed again that [`mark_edited_repeats`] may take out with
/// it: its headline, and a dateline or byline printed with it.
const MAX_HEADING_REPEATS: usize = 2;

/// The pairs (original, copy) of paragraph positions of an edited run that starts with
/// `copy` copying `original`: each next copy is one of the next two paragraphs, copying a
/// later original (the first that it copies: those between may have had exact copies,
/// already taken out), and every original comes before the run's first copy.
fn align_edited_run(
    lines: &[Line],
    paragraphs: &[usize],
    words: &mut [Option<Vec<u64>>],
    original: usize,
    copy: usize,
) -> Vec<(usize, usize)> {
    let first_copy = copy;
    let mut run = vec![(original, copy)];
    let (mut original, mut copy) = (original, copy);
    'grow: loop {
        for next_copy in copy + 1..(copy + 3).min(paragraphs.len()) {
            for next_original in original + 1..first_copy {
                if edited_copy(lines, paragraphs, words, next_original, next_copy) {
                    run.push((next_original, next_copy));
                    (original, copy) = (next_original, next_copy);
                    continue 'grow;
                }
            }
        }
        return run;
    }
}

/// The exact repeats already taken out just before an edited run, among its copies and
/// right after them, when
/// together they copy the article from its start (one of its first [`EDITED_OPENING_LINES`]
/// paragraphs), as a body printed twice does and a page's repeated template (a training
/// plan's weeks, a comparison's two columns) does not; `None` when they do not.
fn exact_repeats_of_body(
    lines: &[Line],
    paragraphs: &[usize],
    marks: &[Option<Mark>],
    run: &[(usize, usize)],
) -> Option<usize> {
    let (&(first_original, first_copy), &(_, last_copy)) = (run.first()?, run.last()?);
    let opening_end = lines[paragraphs[EDITED_OPENING_LINES.min(paragraphs.len()) - 1]].number;
    let first_copy_index = paragraphs[first_copy];
    let exact_origin = |index: usize| {
        marks[index]
            .as_ref()
            .filter(|mark| mark.kind == RemovalKind::RepeatedBlock)
            .and_then(|mark| mark.origin)
    };
    // The exact repeats right before the run's first copy.
    let passes = |index: usize| lies_among_repeats(lines, marks, index);
    let mut region_start = first_copy_index;
    while region_start > 0 && passes(region_start - 1) {
        region_start -= 1;
    }
    // And those right after its last copy: a body printed again whose first lines alone
    // were edited ("meters" → "metres") is an edited run followed by exact repeats.
    let mut region_end = paragraphs[last_copy];
    while region_end + 1 < lines.len() && passes(region_end + 1) {
        region_end += 1;
    }
    let first_copy_line = lines[first_copy_index].number;
    let (n_exact, earliest) = (region_start..=region_end)
        .filter_map(exact_origin)
        .filter(|&origin| origin < first_copy_line)
        .fold(
            (0, lines[paragraphs[first_original]].number),
            |(n_exact, earliest), origin| (n_exact + 1, earliest.min(origin)),
        );
    (earliest <= opening_end).then_some(n_exact)
}

/// Whether line `index` is blank, removed as a repeat, or removed as site furniture
/// ("Continue reading", a wire feed's "MORE"): a line that may sit among the exact repeats
/// of a body printed again without ending them.
fn lies_among_repeats(lines: &[Line], marks: &[Option<Mark>], index: usize) -> bool {
    lines[index].n_words == 0
        || is_marked_as(marks, index, RemovalKind::RepeatedBlock)
        || is_marked_as(marks, index, RemovalKind::Boilerplate)
}

/// Whether line `index` was removed with a mark of `kind`.
fn is_marked_as(marks: &[Option<Mark>], index: usize, kind: RemovalKind) -> bool {
    marks[index].as_ref().is_some_and(|mark| mark.kind == kind)
}

/// Takes out the kept lines next to a body printed again with edits that are exact
/// repeats of lines before its first copy (`first_copy`), walking `along` (the lines just
/// before the first copy, backwards, or those just after the last, forwards) until a line
/// is no such repeat, blank or already removed as furniture or a repeat, or `limit` lines
/// are taken: the headline printed again over the copy, or the copy's short last line
/// ("Another deputy fell."), which alone are no block for [`mark_repeats`].
fn mark_repeats_along(
    lines: &[Line],
    marks: &mut [Option<Mark>],
    first_copy: usize,
    along: impl Iterator<Item = usize>,
    limit: usize,
) {
    let mut n_marked = 0;
    for index in along {
        if n_marked == limit {
            return;
        }
        if lies_among_repeats(lines, marks, index) {
            continue;
        }
        if marks[index].is_some() {
            return;
        }
        let line = &lines[index];
        let earlier = (line.key != 0)
            .then(|| (0..index.min(first_copy)).find(|&before| lines[before].key == line.key))
            .flatten();
        let Some(earlier) = earlier else {
            return;
        };
        marks[index] = Some(repeat_mark(lines[earlier].number));
        n_marked += 1;
    }
}

/// Whether paragraph `copy` shares [`EDITED_MIN_SHARED`] of the distinct words of the
/// longer of it and paragraph `original` (positions in `paragraphs`; word sets made once).
fn edited_copy(
    lines: &[Line],
    paragraphs: &[usize],
    words: &mut [Option<Vec<u64>>],
    original: usize,
    copy: usize,
) -> bool {
    for position in [original, copy] {
        if words[position].is_none() {
            let mut set: Vec<u64> = lines[paragraphs[position]]
                .folded
                .split(' ')
                .map(|word| rustc_hash::FxBuildHasher.hash_one(word))
                .collect();
            set.sort_unstable();
            set.dedup();
            words[position] = Some(set);
        }
    }
    let (Some(a), Some(b)) = (&words[original], &words[copy]) else {
        return false;
    };
    let shared = count_common(a, b);
    shared as f64 >= EDITED_MIN_SHARED * a.len().max(b.len()) as f64
}

/// The first two and the last two words of a folded line.
fn word_pair_ends(folded: &str) -> (&str, &str) {
    let head_end = folded
        .match_indices(' ')
        .nth(1)
        .map_or(folded.len(), |(at, _)| at);
    let tail_start = folded
        .rmatch_indices(' ')
        .nth(1)
        .map_or(0, |(at, _)| at + 1);
    (&folded[..head_end], &folded[tail_start..])
}

/// Whether two of the `kept` lines open with the same [`REWRAP_MIN_WORDS`] words: a body
/// printed again with other line breaks starts where the first copy starts, a paragraph's
/// first words. Most articles have no such pair, and skip the word-run index (which cost
/// more than the rest of cleaning).
fn may_repeat_rewrapped(lines: &[Line], kept: &[usize]) -> bool {
    let mut openings: rustc_hash::FxHashSet<&str> =
        rustc_hash::FxHashSet::with_capacity_and_hasher(kept.len(), Default::default());
    kept.iter()
        .map(|&index| &lines[index])
        .filter(|line| line.n_words as usize >= REWRAP_MIN_WORDS)
        .any(|line| {
            let folded = line.folded;
            let end = folded
                .bytes()
                .enumerate()
                .filter(|&(_, byte)| byte == b' ')
                .nth(REWRAP_MIN_WORDS - 1)
                .map_or(folded.len(), |(at, _)| at);
            !openings.insert(folded.get(..end).unwrap_or(folded))
        })
}

fn repeat_mark(origin: u32) -> Mark {
    Mark {
        kind: RemovalKind::RepeatedBlock,
        reason: format!("repeats line {origin}").into(),
        origin: Some(origin),
    }
}

/// Content words of each line, and in how many lines each word occurs.
struct Vocabulary {
    tokens: Vec<Vec<u64>>,
    line_counts: FxHashMap<u64, u32>,
}

impl Vocabulary {
    fn new(lines: &[Line], kept: &[usize]) -> Vocabulary {
        let mut tokens = vec![Vec::new(); lines.len()];
        let mut line_counts: FxHashMap<u64, u32> = FxHashMap::default();
        for &index in kept {
            tokens[index] = content_tokens(lines[index].folded);
            for &token in &tokens[index] {
                *line_counts.entry(token).or_default() += 1;
            }
        }
        Vocabulary {
            tokens,
            line_counts,
        }
    }

    /// Content words of `members` (deduplicated) and how many of them occur in any line
    /// outside `members`.
    fn shared_with_rest(&self, members: &[usize]) -> (usize, usize) {
        let mut inside: FxHashMap<u64, u32> = FxHashMap::default();
        for &member in members {
            for &token in &self.tokens[member] {
                *inside.entry(token).or_default() += 1;
            }
        }
        let shared = inside
            .iter()
            .filter(|(token, &count)| self.line_counts.get(token).copied().unwrap_or(0) > count)
            .count();
        (shared, inside.len())
    }

    /// Share of the content words of line `line` that occur in a line outside `excluded`
    /// (which should contain `line`).
    fn overlap_outside(&self, line: usize, excluded: &[usize]) -> f32 {
        self.share_of(line, |token| {
            let inside = excluded
                .iter()
                .filter(|&&member| self.tokens[member].binary_search(token).is_ok())
                .count() as u32;
            self.line_counts.get(token).copied().unwrap_or(0) > inside
        })
    }

    /// Share of the content words of line `line` that occur in one of `others`.
    fn overlap_with(&self, line: usize, others: &[usize]) -> f32 {
        self.share_of(line, |token| {
            others
                .iter()
                .any(|&other| self.tokens[other].binary_search(token).is_ok())
        })
    }

    /// Share of the content words of line `line` that are `shared`; 1 for a line without any
    /// (it tells nothing, so it never reads as unrelated).
    fn share_of(&self, line: usize, shared: impl Fn(&u64) -> bool) -> f32 {
        let tokens = &self.tokens[line];
        if tokens.is_empty() {
            return 1.0;
        }
        let n_shared = tokens.iter().filter(|&token| shared(token)).count();
        n_shared as f32 / tokens.len() as f32
    }

    /// Share of the content words of `members` that occur elsewhere in the article.
    fn overlap(&self, members: &[usize]) -> f32 {
        let (shared, total) = self.shared_with_rest(members);
        if total == 0 {
            return 1.0;
        }
        shared as f32 / total as f32
    }
}

/// Most lines a heading-led foreign block may span.
const MAX_FOREIGN_LINES: usize = 10;

/// Foreign stories: a block under an "Other Topics of Interest"-style heading whose content
/// words barely occur in the rest of the article, and (without a heading) a short run of
/// paragraphs that shares almost nothing with the paragraphs around it.
///
/// Under a heading, the block grows line by line until a line reads as the article going on:
/// half its words shared with the rest, or more of them with the article above the heading
/// than with the block's lines before it. The block's first line (a title, or a first
/// paragraph) is only judged against the article above (it shares its words with the rest of
/// its own story, below it), and a dateline or a line of one content word or none inside the
/// block is not judged at all. `bench/clean/foreign_paste.py --headed` (630 ECB+ articles
/// with a heading and another topic's title and 2–5 paragraphs pasted in): 518 blocks found
/// whole, 68 in part, 96 article lines removed with them; 463, 86 and 86 when only a title
/// was judged against the article above and any line could end the block, 259, 31 and 169
/// when any line sharing half its words with the rest (the title too) ended the block.
/// (Taking unjudged lines right after a block into it as well gave 531, 55 and 105: the
/// article's own short lines, "She was 91.", "UPDATE:", went with it.)
pub(crate) fn mark_foreign(lines: &[Line], marks: &mut [Option<Mark>], config: &CleanConfig) {
    // Furniture headings were marked as boilerplate already; they still start blocks.
    let candidates: Vec<usize> = (0..lines.len())
        .filter(|&index| {
            marks[index]
                .as_ref()
                .map_or(true, |mark| mark.kind == RemovalKind::Boilerplate)
        })
        .collect();
    let is_heading = |index: usize| is_foreign_heading(&lines[index]);
    let kept_now = kept(marks);
    if kept_now.len() < 4 {
        return;
    }
    // Most articles have neither a related-stories heading nor a title-like line inside the
    // body; they skip the vocabulary work entirely.
    let has_heading = candidates.iter().any(|&index| is_heading(index));
    let has_inner_title = kept_now.len() >= 7
        && kept_now[1..kept_now.len() - 2]
            .iter()
            .any(|&index| is_inner_title(&lines[index]));
    if !has_heading && !has_inner_title {
        return;
    }
    let vocabulary = Vocabulary::new(lines, &kept_now);
    let outside_has_content = |block: &[usize]| {
        kept_now
            .iter()
            .filter(|index| !block.contains(index) && vocabulary.tokens[**index].len() >= 3)
            .count()
            >= 3
    };

    for (position, &heading) in candidates.iter().enumerate() {
        if !is_heading(heading) {
            continue;
        }
        // A teaser headline just above the heading may belong to the block (sites print the
        // foreign story's title, the heading, then the title again).
        let above = candidates[..position]
            .iter()
            .rev()
            .copied()
            .find(|&index| marks[index].is_none())
            .filter(|&index| is_title_like(&lines[index]));
        // Grow the block line by line; remember the longest block that is unrelated as a
        // whole and whose last line is unrelated too (a foreign story's title shares words
        // with its own paragraph, so a line alone can look related until its paragraph joins).
        let mut excluded: Vec<usize> = above.into_iter().collect();
        let article_above: Vec<usize> = kept_now
            .iter()
            .copied()
            .filter(|&index| index < heading && Some(index) != above)
            .collect();
        let mut growing = Vec::new();
        // The lines of `growing` judged so far: all but datelines and lines of one content
        // word or none.
        let mut judged = Vec::new();
        let mut block = Vec::new();
        let mut next = position + 1;
        let mut block_next = next;
        while next < candidates.len() && growing.len() < MAX_FOREIGN_LINES {
            let index = candidates[next];
            next += 1;
            if marks[index].is_some() {
                continue;
            }
            excluded.push(index);
            growing.push(index);
            // The foreign story's own dateline ("THURSDAY, APRIL 11, 2013, 12:12 AM") shares
            // its words with any dated article, and a line of one content word or none ("He
            // was 75.", "The roar.") shares all or nothing by chance: such a line neither
            // ends the block nor decides it.
            if vocabulary.tokens[index].len() < 2 || is_dateline_only(&lines[index]) {
                continue;
            }
            judged.push(index);
            let line_overlap = vocabulary.overlap_outside(index, &excluded);
            // The article goes on: a line sharing half its words with the rest; but the
            // block's first line (the foreign story's title or first paragraph, which shares
            // its words with the rest of its story, still below it) only with the article
            // above the heading. Any later line that shares more with the article above
            // than with the block's lines before it is the article's too.
            let before = &judged[..judged.len() - 1];
            let goes_on = if before.is_empty() {
                vocabulary.overlap_with(index, &article_above) >= 0.5
            } else {
                line_overlap >= 0.5
                    || vocabulary.overlap_with(index, &article_above)
                        > vocabulary.overlap_with(index, before)
            };
            if goes_on {
                break;
            }
            if line_overlap <= config.foreign_max_overlap
                && vocabulary.overlap(&excluded) <= config.foreign_max_overlap
            {
                block.clone_from(&growing);
                block_next = next;
            }
        }
        excluded.truncate(excluded.len() - growing.len() + block.len());
        let reaches_end = candidates[block_next.min(candidates.len())..]
            .iter()
            .all(|&index| marks[index].is_some());
        if block.is_empty() || reaches_end {
            // A heading followed by nothing unrelated, or a list that runs to the end: the
            // teaser rule deals with lists after the body.
            continue;
        }
        if let Some(above) = above {
            let repeated_inside = block
                .iter()
                .any(|&index| lines[index].key == lines[above].key);
            if repeated_inside
                || vocabulary.overlap_outside(above, &excluded) <= config.foreign_max_overlap
            {
                block.insert(0, above);
            }
        }
        if vocabulary.overlap(&block) > config.foreign_max_overlap || !outside_has_content(&block) {
            continue;
        }
        let (shared, total) = vocabulary.shared_with_rest(&block);
        let reason = format!(
            "block under heading \"{}\" shares {shared} of {total} content words with the article",
            lines[heading].text
        );
        marks[heading] = Some(Mark::new(RemovalKind::ForeignBlock, reason.clone()));
        mark_all(marks, block, RemovalKind::ForeignBlock, reason);
    }
    mark_unheaded_foreign(lines, marks, config, &vocabulary);
}

/// Most lines an unheaded foreign block may hold under its title.
const MAX_UNHEADED_LINES: usize = 6;

/// Least share of its content words a paragraph next to an unheaded foreign block shares with
/// the rest of the article (the block left out): the article goes on around the block.
const MIN_NEIGHBOUR_OVERLAP: f32 = 0.15;

/// Least number of distinct content words of an unheaded foreign block: a few lines alone
/// share nothing with any article by chance.
const MIN_UNHEADED_WORDS: usize = 15;

/// Without a heading, content alone is weak evidence: single paragraphs of real articles often
/// share few words with the rest (a background aside, a quote), and so do the sections of a
/// how-to page. So an unheaded foreign block must look like a pasted story: its own title
/// line (title or sentence case), then prose paragraphs (one short line, a dateline or a
/// subtitle, may come first), together sharing almost no content word with the article,
/// while the article has prose before and after it and the paragraphs on either side share
/// words with the rest (one side is enough when the block carries its own dateline under its
/// title: a story pasted whole). Of the blocks under one title, the one sharing least is
/// taken (the longer on a tie).
///
/// Measured by `bench/clean/foreign_paste.py` (630 ECB+ articles, each with the first line
/// and 2–5 paragraphs of another topic's article pasted in; many ECB+ articles open with no
/// title, and those blocks are out of reach): 195 blocks found whole (flagged, and every
/// pasted line gone, some as furniture such as the pasted story's time stamp) and 14 in
/// part, with 46 article lines; no block flagged in ECB+'s own articles nor in WCXB dev's
/// pages. Both neighbours related whether dated or not gave 177, 10 and 39; one neighbour
/// enough for any block, 220, 26 and 57 and a false alarm (a game's section in a results
/// round-up, ECB+ `31_8ecbplus`); no neighbour needed for a dated block, 197, 15 and 47.
/// Titles of up to 20 words, opening with a capital or a digit ("61-year-old
/// Vancouver man charged…"), and up to two short lines under the title (a subtitle and a
/// time stamp) took it from 156 whole, 10 in part and 31 article lines. The rule before this
/// one (title case only, at most three paragraphs of eight content words, no dateline)
/// found none. Judging the paragraphs beside a block by the nearest long line, when the
/// next line is short, found 7 blocks more but flagged a game's section in a results
/// round-up (ECB+ `31_8ecbplus`): not done.
fn mark_unheaded_foreign(
    lines: &[Line],
    marks: &mut [Option<Mark>],
    config: &CleanConfig,
    vocabulary: &Vocabulary,
) {
    let kept = kept(marks);
    if kept.len() < 7 {
        return;
    }
    let limit = config.foreign_unheaded_max_overlap;
    let is_prose = |index: usize| is_prose(&lines[index]);
    // The first and last prose lines (as positions in `kept`), found once: asking each
    // title and window again would cost a pass over the article each.
    let (Some(first_prose), Some(last_prose)) = (
        kept.iter().position(|&i| is_prose(i)),
        kept.iter().rposition(|&i| is_prose(i)),
    ) else {
        return;
    };
    let mut position = 1;
    while position + 2 < kept.len() {
        let title = kept[position];
        if !is_inner_title(&lines[title]) || first_prose >= position {
            position += 1;
            continue;
        }
        // Windows `kept[position..end]`: the title and its lines, the article after them.
        // The window sharing least so far: its share, its end, and its shared and total
        // content words (for the reason).
        let mut best: Option<(f32, usize, usize, usize)> = None;
        let last_end = (position + 1 + MAX_UNHEADED_LINES).min(kept.len() - 1);
        for end in position + 2..=last_end {
            let run = &kept[position..end];
            let body = &run[1..];
            // Up to two short lines may open the body (a subtitle, a dateline or a time
            // stamp); every other line is prose.
            let prose_from = body.iter().take(2).take_while(|&&i| !is_prose(i)).count();
            if body.len() <= prose_from || !body[prose_from..].iter().all(|&i| is_prose(i)) {
                continue;
            }
            if kept.len() - run.len() < 5 || last_prose < end {
                continue;
            }
            let (shared, total) = vocabulary.shared_with_rest(run);
            if total < MIN_UNHEADED_WORDS {
                continue;
            }
            let overlap = shared as f32 / total as f32;
            let (before, after) = (kept[position - 1], kept[end]);
            let related = |neighbour: usize| {
                vocabulary.overlap_outside(neighbour, &run_with(run, neighbour))
                    >= MIN_NEIGHBOUR_OVERLAP
            };
            // A story pasted whole carries its own dateline under its title (kept, or taken
            // out by the furniture rules already): then one neighbour going on with the
            // article is enough.
            let dated = (title + 1..body[prose_from])
                .any(|index| lines.get(index).is_some_and(is_dateline_only));
            let neighbours_related = if dated {
                related(before) || related(after)
            } else {
                related(before) && related(after)
            };
            if overlap <= limit
                && neighbours_related
                && best.map_or(true, |(least, ..)| overlap <= least)
            {
                best = Some((overlap, end, shared, total));
            }
        }
        let Some((_, end, shared, total)) = best else {
            position += 1;
            continue;
        };
        let run = &kept[position..end];
        let reason = format!(
            "titled block shares only {shared} of {total} content words with the article around it"
        );
        mark_all(
            marks,
            run.iter().copied(),
            RemovalKind::ForeignBlock,
            reason,
        );
        position = end;
    }
}

/// Most share of its content words a run of marketing prose may share with the article
/// around it ([`mark_marketing_filler`]).
const MAX_MARKETING_OVERLAP: f32 = 0.2;

/// Content-marketing prose pasted into a news page ([`is_marketing_talk`]: "Great content
/// is the backbone of every successful brand …"), after the article's first paragraph,
/// when its lines together share at most a fifth of their content words with the rest of
/// the article, which must keep three paragraphs of prose: a page about marketing, whose
/// every paragraph speaks so, keeps them.
pub(crate) fn mark_marketing_filler(lines: &[Line], marks: &mut [Option<Mark>]) {
    let talk = kept_after_body_start(lines, marks, is_marketing_talk);
    if talk.is_empty() {
        return;
    }
    let kept_now = kept(marks);
    let n_prose_left = kept_now
        .iter()
        .filter(|&&index| is_prose(&lines[index]) && !talk.contains(&index))
        .count();
    if n_prose_left < 3 {
        return;
    }
    let vocabulary = Vocabulary::new(lines, &kept_now);
    if vocabulary.overlap(&talk) > MAX_MARKETING_OVERLAP {
        return;
    }
    mark_all(
        marks,
        talk,
        RemovalKind::Filler,
        "marketing prose unrelated to the article",
    );
}

/// Most short lines under a forum post's number ([`mark_forum_post_headers`]).
const MAX_POST_HEADER_LINES: usize = 5;

/// Most words of a line of a forum post's header.
const MAX_POST_HEADER_WORDS: usize = 4;

/// A forum post's header: its number ("#1", "#2") over a few short lines (the poster's
/// name, the time, "Join Date: Sep 2006", "Location: Metairie", "Posts: 5,218"), one of
/// them a date or time stamp or the poster's join date or post count. A list's rank over
/// its item ("#10" / "The Beatles") has none of them and stays.
pub(crate) fn mark_forum_post_headers(lines: &[Line], marks: &mut [Option<Mark>]) {
    let is_post_number = |line: &Line| {
        line.text.strip_prefix('#').is_some_and(|number| {
            (1..=4).contains(&number.len()) && number.bytes().all(|byte| byte.is_ascii_digit())
        })
    };
    for index in 0..lines.len() {
        if !is_post_number(&lines[index]) {
            continue;
        }
        let header: Vec<usize> = (index + 1..lines.len())
            .take(MAX_POST_HEADER_LINES)
            .take_while(|&at| {
                let line = &lines[at];
                // Words as written: a time stamp's figures count as one word each.
                line.text.split_whitespace().count() <= MAX_POST_HEADER_WORDS
                    && !line.ends_with_sentence_punctuation()
                    && !is_post_number(line)
            })
            .collect();
        let stamped = header.iter().any(|&at| {
            let line = &lines[at];
            is_dateline_only(line)
                || line.folded.starts_with("join date")
                || line.folded.starts_with("posted ")
                || (line.folded.starts_with("posts ") && line.n_words <= 3)
        });
        if !stamped {
            continue;
        }
        for at in std::iter::once(index).chain(header) {
            if marks[at].is_none() {
                marks[at] = Some(Mark::new(RemovalKind::Boilerplate, "forum post's header"));
            }
        }
    }
}

/// Most lines of one reader comment's text ([`mark_comments`]).
const MAX_COMMENT_LINES: usize = 4;

/// Most words of a line of a reader comment's text.
const MAX_COMMENT_WORDS: u32 = 80;

/// Reader comments after an article: each a header with the reader's name and the time
/// ([`is_comment_header`]), then a few lines of text up to the next header, a removed line
/// ("Reply") or the end. A thread is taken when it shows itself as one: some comment ends
/// at a "Reply" or "Report" link, or a removed line that speaks of comments ("Comments
/// (14)") sits right above the first header; the article keeps two paragraphs of prose
/// above it. A live blog's entries under a reporter's name and the time stay.
pub(crate) fn mark_comments(lines: &[Line], marks: &mut [Option<Mark>]) {
    let headers = kept_after_body_start(lines, marks, |line| {
        is_comment_header(line) || is_thread_comment_header(line)
    });
    let Some(&first_header) = headers.first() else {
        return;
    };
    let n_prose_above = (0..first_header)
        .filter(|&index| marks[index].is_none() && is_prose(&lines[index]))
        .count();
    if n_prose_above < 2 {
        return;
    }
    // Each comment: its header and the lines of its text.
    let comments: Vec<(usize, Vec<usize>)> = headers
        .iter()
        .map(|&header| {
            // A time stamp under the header ("Joe says:" / "December 13, 2008 at 4:12 pm")
            // was removed by the line rules; the comment's text follows it.
            let start = next_with_words(lines, header + 1)
                .filter(|&stamp| marks[stamp].is_some() && holds_a_date(&lines[stamp]))
                .map_or(header + 1, |stamp| stamp + 1);
            let text = (start..lines.len())
                .filter(|&index| lines[index].n_words > 0)
                .take_while(|&index| {
                    marks[index].is_none()
                        && !headers.contains(&index)
                        && lines[index].n_words <= MAX_COMMENT_WORDS
                })
                .take(MAX_COMMENT_LINES)
                .collect();
            (header, text)
        })
        .collect();
    let ends_at_link = comments.iter().any(|(header, text)| {
        let last = text.last().copied().unwrap_or(*header);
        next_with_words(lines, last + 1).is_some_and(|after| {
            marks[after].is_some()
                && (matches!(
                    lines[after].folded,
                    "reply" | "reply with quote" | "report" | "report comment" | "report abuse"
                ) || marks[after]
                    .as_ref()
                    .is_some_and(|mark| mark.reason == THREAD_BUTTONS_REASON))
        })
    });
    let under_comments_heading = (0..first_header)
        .rev()
        .find(|&index| lines[index].n_words > 0)
        .is_some_and(|above| {
            let folded = lines[above].folded;
            // "Comments", "2 Responses to “Cheeks out as Sixers coach”", "3 thoughts on …".
            marks[above].is_some()
                && ["comment", "response", "repl", "thoughts on"]
                    .iter()
                    .any(|word| folded.contains(word))
        });
    if !ends_at_link && !under_comments_heading {
        return;
    }
    for (header, text) in comments {
        marks[header] = Some(Mark::new(
            RemovalKind::Boilerplate,
            "reader comment's header",
        ));
        mark_all(marks, text, RemovalKind::Boilerplate, "reader comment");
    }
}

/// Most words of a short line that [`mark_footer_islands`] takes for furniture.
const MAX_ISLAND_WORDS: u32 = 4;

/// A short line left alone among the furniture of a page's footer, after the article's
/// last paragraph of prose: "Stuff Nation" between "Sponsored Links" and "Got a story to
/// tell? Share it with us.", a desk's name between a stock sign-off and a menu. The line
/// before it was removed, and so was the line after it unless it is the last: a sign-off
/// right under the last paragraph ("- APNZ") stays, and so does anything above prose.
pub(crate) fn mark_footer_islands(lines: &[Line], marks: &mut [Option<Mark>]) {
    let Some(last_prose) = last_kept_prose(lines, marks) else {
        return;
    };
    // Marking a line as it is found changes no later verdict: an island's next line is a
    // removed one already.
    for index in last_prose + 1..lines.len() {
        let line = &lines[index];
        let is_candidate = marks[index].is_none()
            && line.n_words > 0
            && line.n_words <= MAX_ISLAND_WORDS
            // A name or a label: not code ("# revert a commit") or a number.
            && line.text.starts_with(char::is_uppercase)
            && !line.ends_with_sentence_punctuation()
            && !line.has_quote();
        if !is_candidate {
            continue;
        }
        let previous = (last_prose + 1..index)
            .rev()
            .find(|&at| lines[at].n_words > 0);
        let next = next_with_words(lines, index + 1);
        if previous.is_some_and(|at| marks[at].is_some())
            && next.map_or(true, |at| marks[at].is_some())
        {
            marks[index] = Some(Mark::new(
                RemovalKind::Boilerplate,
                "short line among the footer's furniture",
            ));
        }
    }
}

/// Short lines after the article's last paragraph of prose that share no content word with
/// its prose and sit next to a line already removed: other stories' teasers among the
/// footer's links ("Mets drop fourth straight as bullpen implodes again"), offers ("Get the
/// magazine: 12 issues for $19.99"). By the tests of [`is_unrelated_short_line`], and only
/// lines of four words or more that open with a capital letter: a line among kept lines
/// only, a list's item, a name, a code comment, a credit or a heading stays.
pub(crate) fn mark_unrelated_footer(lines: &[Line], marks: &mut [Option<Mark>]) {
    let Some(last_prose) = last_kept_prose(lines, marks) else {
        return;
    };
    let footer: Vec<usize> = (last_prose + 1..lines.len())
        .filter(|&index| marks[index].is_none() && lines[index].n_words > 0)
        .collect();
    if footer.is_empty() {
        return;
    }
    // Every kept line of the article up to its last paragraph, not only its prose: a
    // checklist's items share words with each other, another story's teaser with none. The
    // prose's own words (all of it lies up to the last paragraph) must be enough to judge by,
    // as for the header.
    let mut body: FxHashSet<u64> = FxHashSet::default();
    let mut prose: FxHashSet<u64> = FxHashSet::default();
    for index in (0..=last_prose).filter(|&index| marks[index].is_none()) {
        let tokens = content_tokens(lines[index].folded);
        if is_prose(&lines[index]) {
            prose.extend(tokens.iter().copied());
        }
        body.extend(tokens);
    }
    if prose.len() < MIN_BODY_CONTENT_WORDS {
        return;
    }
    // Judged on the marks before this rule (every verdict is taken before any is marked);
    // the line above the first candidate is the last paragraph, which is kept.
    let removed = |index: usize| marks.get(index).is_some_and(Option::is_some);
    let unrelated: Vec<usize> = (0..footer.len())
        .filter(|&position| {
            let index = footer[position];
            let line = &lines[index];
            let next_to_removed = removed(index - 1) || removed(index + 1);
            // A teaser or an offer: four words or more, opening with a capital letter, no
            // heading over what follows; not a list's item ("Hawaii"), a code comment
            // ("# clone repo") or a credit ("From The Wall Street Journal").
            let reads_as_teaser = line.n_words >= MIN_FOOTER_TEASER_WORDS
                && line.text.starts_with(char::is_uppercase)
                && !line.text.starts_with("From ")
                && line.last_char() != Some(':');
            next_to_removed
                && reads_as_teaser
                && is_unrelated_short_line(lines, &footer, position, &body)
        })
        .collect();
    mark_all(
        marks,
        unrelated.into_iter().map(|position| footer[position]),
        RemovalKind::Boilerplate,
        "line among the footer's furniture sharing no word with the article",
    );
}

/// `run` plus one more line.
fn run_with(run: &[usize], index: usize) -> Vec<usize> {
    let mut members = run.to_vec();
    members.push(index);
    members
}

/// A run of title-like lines after the last sentence of the body: "related stories" teasers.
/// Two such lines are needed, or one under a related-stories heading; headlines in sentence
/// case, two or more, right under a removed line.
pub(crate) fn mark_teasers(lines: &[Line], marks: &mut [Option<Mark>]) {
    let mut run = Vec::new();
    let mut body_end = None;
    // Whether every line of the run is in title case; sentence-case headlines need the
    // footer's furniture right above them (below).
    let mut title_case = true;
    for index in (0..lines.len()).rev() {
        if marks[index].is_some() {
            continue;
        }
        let line = &lines[index];
        if is_title_like(line) {
            run.push(index);
        } else if is_inner_title(line) || is_question_headline(line) {
            title_case = false;
            run.push(index);
        } else {
            body_end = Some(index);
            break;
        }
    }
    let Some(body_end) = body_end else { return };
    let heading_after_body = (body_end + 1..lines.len())
        .any(|index| marks[index].is_some() && is_foreign_heading(&lines[index]));
    // "Report a typo or error" / "Flyers eye goaltending help before the draft" / …: a list
    // of headlines in sentence case under a removed line, at the end of the page.
    let under_furniture = run.last().is_some_and(|&top| {
        (body_end + 1..top)
            .rev()
            .find(|&index| lines[index].n_words > 0)
            .is_some_and(|above| marks[above].is_some())
    });
    let enough = if title_case {
        run.len() >= 2 || (run.len() == 1 && heading_after_body)
    } else {
        run.len() >= 2 && under_furniture
    };
    let n_body = marks.iter().filter(|mark| mark.is_none()).count() - run.len();
    if !enough || n_body < 2 || !lines[body_end].ends_with_sentence_punctuation() {
        return;
    }
    mark_all(
        marks,
        run,
        RemovalKind::Boilerplate,
        "teaser headline list after the end of the body",
    );
}

/// Fewest lines of a list of tags printed without a heading ([`mark_unheaded_tags`]).
const MIN_UNHEADED_TAGS: usize = 3;

/// A blog platform's tags and counters printed one a line after the body, without a
/// heading ("MLB" / "Baseball" / "Free Agency" / "412" / "7"): after the article's last
/// paragraph of prose, three or more lines in a row, each a count or one to three
/// capitalised words of letters only, ending the article or meeting a removed line.
/// Lines the line rules removed ("Like", "Share") may sit among them.
pub(crate) fn mark_unheaded_tags(lines: &[Line], marks: &mut [Option<Mark>]) {
    let Some(last_prose) = last_kept_prose(lines, marks) else {
        return;
    };
    let is_tag = |line: &Line| {
        let words = line.text.split_whitespace().count();
        let count = words == 1 && is_count(line.text.trim());
        let label = (1..=3).contains(&words)
            && line.text.starts_with(|c: char| c.is_uppercase())
            && line
                .text
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '&' | '-'));
        count || label
    };
    let mut index = last_prose + 1;
    while index < lines.len() {
        let mut run = Vec::new();
        let mut next = index;
        while let Some(line) = lines.get(next) {
            if line.text.trim().is_empty() || marks[next].is_some() {
                next += 1;
                continue;
            }
            if !is_tag(line) {
                break;
            }
            run.push(next);
            next += 1;
        }
        let ends_list = next_with_words(lines, next).map_or(true, |after| marks[after].is_some());
        // A table's last cells ("Adults" / "Capsule" / "Twice daily") end a page too: the
        // list must hold a counter or sit under a removed line.
        let has_count = run.iter().any(|&tag| is_count(lines[tag].text.trim()));
        let under_removed = run.first().is_some_and(|&first| {
            (0..first)
                .rev()
                .find(|&at| lines[at].n_words > 0)
                .is_some_and(|above| marks[above].is_some())
        });
        if run.len() >= MIN_UNHEADED_TAGS && ends_list && (has_count || under_removed) {
            for &tag in &run {
                marks[tag] = Some(Mark::new(
                    RemovalKind::Boilerplate,
                    "tags or counters printed one a line after the body",
                ));
            }
        }
        index = next.max(index + 1);
    }
}

/// A forum reply's title, "Re: " and the thread's title again ("Re: Angels go 8 years on
/// Tex!!"), after a line that gives the title.
pub(crate) fn mark_reply_titles(lines: &[Line], marks: &mut [Option<Mark>]) {
    // Most articles have no such line: a look at each line's first bytes rules them out.
    let is_reply = |line: &Line| line.text.starts_with("Re: ") || line.text.starts_with("RE: ");
    if !lines.iter().any(is_reply) {
        return;
    }
    let mut earlier: FxHashSet<&str> = FxHashSet::default();
    for (index, line) in lines.iter().enumerate() {
        let title = line
            .text
            .strip_prefix("Re: ")
            .or_else(|| line.text.strip_prefix("RE: "));
        if let Some(title) = title {
            let folded = line.folded.strip_prefix("re ").unwrap_or_default();
            if marks[index].is_none() && !title.is_empty() && earlier.contains(folded) {
                marks[index] = Some(Mark::new(
                    RemovalKind::Boilerplate,
                    "a forum reply's title, the thread's title again",
                ));
            }
            continue;
        }
        if line.n_words > 0 {
            earlier.insert(line.folded);
        }
    }
}

/// Most tags taken under one heading.
const MAX_TAGS: usize = 12;

/// A site's tags printed one a line under a removed heading ("Related Topics:", "Tags",
/// "Filed under"), after the article's first paragraph of prose: "hit and run", "queens".
/// Every line to the end of the list is short and no sentence, and the list ends the
/// article or meets a removed line; a heading over text that goes on keeps it.
pub(crate) fn mark_tag_lists(lines: &[Line], marks: &mut [Option<Mark>]) {
    const HEADINGS: [&str; 8] = [
        "related topics",
        "topics",
        "tags",
        "tagged",
        "related tags",
        "filed under",
        "categories",
        "keywords",
    ];
    let Some(first_prose) = first_kept_prose(lines, marks) else {
        return;
    };
    let mut index = first_prose + 1;
    while index < lines.len() {
        if marks[index].is_none() || !HEADINGS.contains(&lines[index].folded) {
            index += 1;
            continue;
        }
        let mut tags = Vec::new();
        let mut next = index + 1;
        while next < lines.len() && tags.len() < MAX_TAGS {
            let line = &lines[next];
            if line.n_words == 0 {
                next += 1;
                continue;
            }
            let is_tag = line.n_words <= 4
                && !line.ends_with_sentence_punctuation()
                && !line.has_quote()
                && !matches!(line.last_char(), Some(':'));
            if !is_tag {
                break;
            }
            // A tag a line rule removed ("news") is part of the list; any other removed line
            // ends it (see `ends_list`).
            if marks[next].is_none() {
                tags.push(next);
            }
            next += 1;
        }
        // The list ends the article, or a removed line follows it.
        let ends_list = next >= lines.len() || marks[next].is_some();
        if ends_list {
            for &tag in &tags {
                marks[tag] = Some(Mark::new(
                    RemovalKind::Boilerplate,
                    "tag under a topics heading",
                ));
            }
        }
        index = next.max(index + 1);
    }
}

/// Most teaser headlines taken under one heading.
const MAX_HEADED_TEASERS: usize = 6;

/// Headlines under a removed teaser heading ("Related", "Recent Posts"), or under "More
/// from Example News" (removed with them), in title or sentence case, when nothing but
/// removed lines or the end of the article follows them: a list of links to other stories,
/// anywhere after the first paragraph of prose. A heading followed by text that goes on (a
/// subheading and its paragraphs) keeps it all, and so does a heading above the body (over
/// the headline).
pub(crate) fn mark_headed_teasers(lines: &[Line], marks: &mut [Option<Mark>]) {
    // Teasers follow the body: a heading above the article's first paragraph of prose is a
    // section label over the headline ("Latest Stories" on a template's top).
    let Some(first_prose) = first_kept_prose(lines, marks) else {
        return;
    };
    let mut index = first_prose + 1;
    while index < lines.len() {
        // A heading is a removed line with a kept headline after it (the test that rules
        // out most removed lines comes first); ads a line rule removed are passed over.
        let headline_next = || {
            let mut next = next_with_words(lines, index + 1);
            while let Some(at) = next.filter(|&at| is_ad(&marks[at])) {
                next = next_with_words(lines, at + 1);
            }
            next.is_some_and(|next| marks[next].is_none() && reads_as_teaser(&lines[next]))
        };
        // A kept line is a heading only when it names a list ("More from Example News",
        // "Most Read in World"), which no line rule removes: it may stay until its list shows
        // what it is.
        // Or a headline a line rule took, with a kept one after it: asked only when the next
        // line is removed and the one after kept, as the heading's own test costs more.
        let removed_headline_next = |heading_test: &dyn Fn() -> bool| {
            let Some(next) = next_with_words(lines, index + 1).filter(|&at| marks[at].is_some())
            else {
                return false;
            };
            next_with_words(lines, next + 1).is_some_and(|after| {
                marks[after].is_none()
                    && heading_test()
                    && reads_as_teaser(&lines[next])
                    && reads_as_teaser(&lines[after])
            })
        };
        let heading = &lines[index];
        let kept_heading = marks[index].is_none();
        let is_heading = if kept_heading {
            (is_more_from_heading(heading) || is_list_heading(heading))
                && (headline_next() || removed_headline_next(&|| true))
        } else {
            headline_next() && is_teaser_heading(heading)
                || removed_headline_next(&|| is_teaser_heading(heading))
        };
        if !is_heading {
            index += 1;
            continue;
        }
        // The headlines after it, blank lines and other removed headings between them.
        let mut teasers = Vec::new();
        let mut next = index + 1;
        while next < lines.len() && teasers.len() < MAX_HEADED_TEASERS {
            let line = &lines[next];
            // A removed line inside the list (another heading, an ad, a headline a line rule
            // took) is passed over; one the list does not go on after ends it.
            let list_goes_on = || {
                next_with_words(lines, next + 1)
                    .is_some_and(|after| marks[after].is_none() && reads_as_teaser(&lines[after]))
            };
            let removed_inside = marks[next].is_some()
                && (is_teaser_heading(line)
                    || (is_ad(&marks[next]) || reads_as_teaser(line)) && list_goes_on());
            if line.n_words == 0 || removed_inside {
                next += 1;
                continue;
            }
            if marks[next].is_some() || !reads_as_teaser(line) {
                break;
            }
            teasers.push(next);
            next += 1;
        }
        // What follows the headlines: the end, or a removed line.
        let ends_list = next_with_words(lines, next).map_or(true, |after| marks[after].is_some());
        if ends_list {
            for &teaser in &teasers {
                marks[teaser] = Some(Mark::new(
                    RemovalKind::Boilerplate,
                    "teaser headline under a related-stories heading",
                ));
            }
            if kept_heading && !teasers.is_empty() {
                marks[index] = Some(Mark::new(
                    RemovalKind::Boilerplate,
                    "related-stories heading over teaser headlines",
                ));
            }
        }
        index = next.max(index + 1);
    }
}

/// Whether a line rule removed the line as an ad ([`AD_REASON`]).
fn is_ad(mark: &Option<Mark>) -> bool {
    mark.as_ref().is_some_and(|mark| mark.reason == AD_REASON)
}

/// A line that reads as another story's headline in a list of teasers, bulleted or not
/// ("> Rail fares to rise by 6% in January").
fn reads_as_teaser(line: &Line) -> bool {
    is_inner_title(line)
        || is_question_headline(line)
        || is_teaser_with_quoted_title(line)
        || is_bulleted_teaser(line)
}

/// "> Storm warnings issued for north-west coasts", "• Rail fares to rise by 6%": a bullet
/// and a space, then a headline's shape ([`has_headline_shape`]).
fn is_bulleted_teaser(line: &Line) -> bool {
    let Some(rest) = ["> ", "• ", "› ", "» "]
        .iter()
        .find_map(|bullet| line.text.strip_prefix(bullet))
    else {
        return false;
    };
    has_headline_shape(line, rest)
}

/// A headline that asks ("Which rookie quarterback has the brightest future?"): 4 to 20
/// words from a capital, no quote, a question mark at the end. Only a teaser list asks it.
fn is_question_headline(line: &Line) -> bool {
    (4..=20).contains(&line.n_words)
        && line.last_char() == Some('?')
        && !line.has_quote()
        && line
            .text
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

/// Fewest lines of a menu printed one item a line.
const MIN_VERTICAL_MENU_LINES: usize = 4;

/// A site's menu printed one item a line above the article ("METRO" / "PROVINCES" /
/// "NATION" / "SPORTS", "Issues" / "Teams" / "Recruiting" / "Podcast"): a run of four or
/// more lines of one or two capitalised words without digits or punctuation, before the
/// first paragraph of prose. Lines the line rules removed ("Home", "Video") count towards
/// the run.
pub(crate) fn mark_vertical_menu(lines: &[Line], marks: &mut [Option<Mark>]) {
    let Some(first_prose) = first_kept_prose(lines, marks) else {
        return;
    };
    let is_item = |line: &Line| {
        (1..=2).contains(&line.n_words)
            && line.text.starts_with(|c: char| c.is_uppercase())
            && line
                .text
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '&' | '-'))
    };
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, marks: &mut [Option<Mark>]| {
        if run.len() >= MIN_VERTICAL_MENU_LINES {
            for &index in run.iter() {
                if marks[index].is_none() {
                    marks[index] = Some(Mark::new(
                        RemovalKind::Boilerplate,
                        "menu printed one item a line",
                    ));
                }
            }
        }
        run.clear();
    };
    for (index, line) in lines.iter().enumerate().take(first_prose) {
        if line.n_words == 0 {
            continue;
        }
        if is_item(line) {
            run.push(index);
        } else {
            flush(&mut run, marks);
        }
    }
    flush(&mut run, marks);
}

/// Removed headings over a list of other stories' headlines.
fn is_teaser_heading(line: &Line) -> bool {
    #[rustfmt::skip]
    const HEADINGS: &[&str] = &[
        "recent posts", "sponsored links", "trending discussions", "popular posts",
        "latest posts", "top stories", "sponsored stories", "promoted stories",
    ];
    let folded = line.folded;
    is_foreign_heading(line)
        || HEADINGS.contains(&folded)
        || line.n_words <= 5 && folded.starts_with("more ") && folded.ends_with(" stories")
        || is_list_heading(line)
}

/// Most words of a [`is_list_heading`] heading ("Most read in World News" is 5).
const MAX_LIST_HEADING_WORDS: u32 = 6;

/// A heading over a list of other stories that opens with the list's kind: "Most read in
/// News", "Latest Headlines", "Trending in Entertainment", "Promoted Stories", "Top stories
/// this week". Only judged over teaser headlines that end the article or meet removed lines
/// (see [`mark_headed_teasers`]).
fn is_list_heading(line: &Line) -> bool {
    #[rustfmt::skip]
    const OPENINGS: &[&str] = &[
        "most", "more", "latest", "trending", "top", "popular", "recommended", "promoted",
        "sponsored", "related", "featured", "editors", "you",
    ];
    /// What such a list holds: "Most Versatile" and "Top New York piano movers" head a
    /// review's or a shop's own sections.
    #[rustfmt::skip]
    const LIST_WORDS: &[&str] = &[
        "stories", "story", "news", "headlines", "articles", "posts", "read", "reads", "viewed",
        "shared", "emailed", "mailed", "popular", "videos", "coverage", "recaps", "missed",
        "enjoy", "interested",
    ];
    // The tests that rule out most lines first: this runs on every kept line.
    if !(2..=MAX_LIST_HEADING_WORDS).contains(&line.n_words)
        || line.ends_with_sentence_punctuation()
        || line.has_quote()
    {
        return false;
    }
    let mut words = line.folded.split(' ');
    let first = words.next().unwrap_or_default();
    let second = words.next().unwrap_or_default();
    let last = line.folded.rsplit(' ').next().unwrap_or_default();
    let in_openings = OPENINGS.contains(&first);
    let opens = in_openings || first == "also";
    // "Sports Headlines", "Top Stories", "Sport: latest".
    let ends_with_list =
        matches!(last, "headlines" | "stories") || (last == "latest" && line.n_words <= 3);
    if !opens && !ends_with_list {
        return false;
    }
    let has_list_word = line
        .folded
        .split(' ')
        .skip(1)
        .any(|word| LIST_WORDS.contains(&word));
    // "More InsideHoops coverage:", "You might also be interested in:"; "More PROJECTS:"
    // heads a blog's own list.
    if matches!(line.last_char(), Some(':')) && !has_list_word {
        return false;
    }
    // "Latest from IAmRogue", "Also on the wire", "Recommended from Medium".
    let names_a_source = matches!(first, "latest" | "also" | "more" | "recommended")
        && matches!(second, "from" | "on");
    // "More Showbiz", "MORE ON THE CHARGERS", "Latest Entertainment"; "More long-distance
    // movers" heads a shop's own list.
    let names_a_section = matches!(first, "more" | "latest")
        && line.n_words <= 4
        && line
            .text
            .split(' ')
            .skip(1)
            .all(|word| word.starts_with(|c: char| c.is_uppercase()));
    let opening_list = in_openings
        && (matches!(first, "trending" | "promoted" | "sponsored")
            || names_a_section
            || has_list_word);
    names_a_source || opening_list || ends_with_list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::test_lines;

    /// Runs `rule` on `input` and compares, per line, the removal kind (or None when kept).
    fn check(
        rule: fn(&[Line], &mut [Option<Mark>]),
        input: &str,
        expected: &[Option<RemovalKind>],
    ) {
        let lines = test_lines(input);
        let mut marks = vec![None; lines.len()];
        rule(&lines, &mut marks);
        let got: Vec<Option<RemovalKind>> = marks
            .iter()
            .map(|mark| mark.as_ref().map(|mark| mark.kind))
            .collect();
        assert_eq!(got, expected, "input: {input}");
    }

    const B: Option<RemovalKind> = Some(RemovalKind::Boilerplate);
    const R: Option<RemovalKind> = Some(RemovalKind::RepeatedBlock);
    const D: Option<RemovalKind> = Some(RemovalKind::DuplicateTitle);
    const F: Option<RemovalKind> = Some(RemovalKind::ForeignBlock);

    fn top(lines: &[Line], marks: &mut [Option<Mark>]) {
        mark_top(lines, marks, None);
    }

    fn foreign(lines: &[Line], marks: &mut [Option<Mark>]) {
        mark_foreign(lines, marks, &CleanConfig::default());
    }

    #[test]
    fn tags_under_a_topics_heading() {
        fn tags(lines: &[Line], marks: &mut [Option<Mark>]) {
            // The heading, a tag and a cookie line are removed by the line rules.
            for (line, mark) in lines.iter().zip(marks.iter_mut()) {
                if ["Related Topics", "news", "We use cookies"]
                    .iter()
                    .any(|removed| line.text.starts_with(removed))
                {
                    *mark = Some(Mark::new(RemovalKind::Boilerplate, "rule"));
                }
            }
            mark_tag_lists(lines, marks);
        }
        let body = "The bridge reopened on Friday after two years of repairs.";
        check(
            tags,
            &format!("{body}\nRelated Topics:\nhit and run\nqueens"),
            &[None, B, B, B],
        );
        // A tag a line rule removed is part of the list; any other removed line ends it,
        // and what follows is not judged with it.
        check(
            tags,
            &format!(
                "{body}\nRelated Topics:\nnews\nhit and run\nWe use cookies on this site.\n\
                 The repairs cost 40 million euros, the city said on Friday."
            ),
            &[None, B, B, B, B, None],
        );
        // A heading over text that goes on keeps it.
        check(
            tags,
            &format!(
                "{body}\nRelated Topics:\nthe cost\n\
                 The repairs cost 40 million euros, the city said on Friday."
            ),
            &[None, B, None, None],
        );
    }

    #[test]
    fn header_lines_that_share_no_word_with_the_article() {
        fn header(lines: &[Line], marks: &mut [Option<Mark>]) {
            mark_unrelated_header(lines, marks, None);
        }
        let body = "The old dairy building in Palmer burned down early Tuesday morning, \
                    firefighters said.\nCrews from Palmer and Wasilla fought the flames for \
                    three hours before the roof of the dairy building collapsed.\nThe owner \
                    said the building was uninsured and would not be rebuilt this year; the \
                    cooperative that ran it closed its doors in 1985 and sold the equipment.";
        let headline = "Palmer dairy building burns down";
        // The blog's name and tagline, a teaser, a section label go; the headline, the
        // byline, the date and the body stay.
        check(
            header,
            &format!(
                "Ozark Ramble\nSports, politics and whatever else is on my mind\n\
                 BREAKING: Senate confirms new service chiefs\nCrime\n{headline}\n\
                 By Jane Doe\nDecember 9, 2008\n{body}"
            ),
            &[B, B, B, B, None, None, None, None, None, None],
        );
        // Kept: a name the body uses ("Palmer Post"), a line opening in lowercase (a
        // list's item), a sentence, a date, the rows of a fact table.
        check(
            header,
            &format!(
                "The Palmer Post\nthe runtime safety of Rust\nSubscribe today.\n\
                 Edited April 2024\nHeadquarters: Coral Gables, FL\nCompany Size: 200\n\
                 {headline}\n{body}"
            ),
            &[None; 10],
        );
        // Nothing is judged without a headline sharing two words with the body, or when
        // a paragraph stands above it (the body began higher up).
        check(
            header,
            &format!("Ozark Ramble\nA fire in town\n{body}"),
            &[None; 5],
        );
        check(
            header,
            &format!(
                "Ozark Ramble\nIn this post I look back at the week and at the stories \
                 that made it, from the ballpark to the courthouse and the county fair:\n\
                 {headline}\n{body}"
            ),
            &[None; 6],
        );
    }

    #[test]
    fn footer_lines_that_share_no_word_with_the_article() {
        let body = "The old dairy building in Palmer burned down early Tuesday morning, \
                    firefighters said.\nCrews from Palmer and Wasilla fought the flames for \
                    three hours before the roof of the dairy building collapsed.\nThe owner \
                    said the building was uninsured and would not be rebuilt this year; the \
                    cooperative that ran it closed its doors in 1985 and sold the equipment.";
        // Lines 4 and 7 (from 0) were removed by the line rules.
        let judge = |text: &str| {
            let lines = test_lines(text);
            let mut marks = vec![None; lines.len()];
            for index in [4, 7] {
                if index < lines.len() {
                    marks[index] = B.map(|kind| Mark::new(kind, "furniture"));
                }
            }
            mark_unrelated_footer(&lines, &mut marks);
            marks
                .iter()
                .map(|mark| mark.as_ref().map(|mark| mark.kind))
                .collect::<Vec<_>>()
        };
        // A teaser and an offer next to removed lines go.
        assert_eq!(
            judge(&format!(
                "{body}\nMets drop fourth straight as bullpen implodes again\nShare this\n\
                 Get the magazine: 12 issues for $19.99\nOffers\nMore stories\nPrivacy"
            )),
            [None, None, None, B, B, B, None, B, None]
        );
        // Stay: a line with a word of the article ("dairy"), a sign-off, a short name, a
        // heading, a code comment, a credit, and a teaser among kept lines only.
        assert_eq!(
            judge(&format!(
                "{body}\nMore on the dairy farms of the valley\nPrivacy\n- The Herald\n\
                 Hawaii\nRead these next stories:\n# clone the repository here\n\
                 From The Wall Street Journal"
            )),
            [None, None, None, None, B, None, None, B, None, None]
        );
        assert_eq!(
            judge(&format!(
                "{body}\nMets drop fourth straight as bullpen implodes"
            )),
            [None; 4]
        );
    }

    #[test]
    fn short_lines_among_the_footers_furniture() {
        let body = "The bridge over the Mara reopened on Friday after two years of repairs.";
        // "Stuff Nation" between two removed lines, "Sports Desk" last after one; a sign-off
        // under the last paragraph, a line before prose and a number stay.
        let text = format!(
            "{body}\n- The Herald\nSponsored Links\nStuff Nation\nGot a story? Share it.\n\
             0\nAdvertisement\nSports Desk"
        );
        let lines = test_lines(&text);
        let mut marks = vec![None; lines.len()];
        for index in [2, 4, 6] {
            marks[index] = B.map(|kind| Mark::new(kind, "furniture"));
        }
        mark_footer_islands(&lines, &mut marks);
        let kinds: Vec<_> = marks
            .iter()
            .map(|mark| mark.as_ref().map(|m| m.kind))
            .collect();
        assert_eq!(kinds, [None, None, B, B, B, None, B, B]);
        let text = format!("Sponsored Links\nStuff Nation\nAdvertisement\n{body}");
        let lines = test_lines(&text);
        let mut marks = vec![None; lines.len()];
        for index in [0, 2] {
            marks[index] = B.map(|kind| Mark::new(kind, "furniture"));
        }
        mark_footer_islands(&lines, &mut marks);
        assert!(marks[1].is_none());
    }

    fn masthead(lines: &[Line], marks: &mut [Option<Mark>]) {
        mark_masthead(lines, marks, None);
    }

    #[test]
    fn site_name_and_tagline_above_the_headline() {
        let body = "The bridge over the Mara reopened on Friday after two years of repairs.";
        let deck = "The span over the Mara carries traffic again after two years";
        let cases: [(String, &[Option<RemovalKind>]); 12] = [
            (
                format!(
                    "TerraDaily\nNews About Planet Earth\nBridge Reopens After Two Years\n{body}"
                ),
                &[B, B, None, None],
            ),
            // A short name in title case goes over a tagline; the date line under them is
            // left to the date rules.
            (
                format!(
                    "The Hindu\nOnline edition of India's National Newspaper\n\
                     Sunday, Dec 14, 2008\nBridge reopens after two years\n{body}"
                ),
                &[B, B, None, None, None],
            ),
            (
                format!("THE QUEENS COURIER\nBridge reopens after two years of repairs\n{body}"),
                &[B, None, None],
            ),
            (
                format!("stuff.co.nz\nBridge reopens after two years of repairs\n{body}"),
                &[B, None, None],
            ),
            (
                format!("ESPN.com: Boxing\nBridge reopens again\n{body}"),
                &[B, None, None],
            ),
            // A short title the section-label rule takes ("Krebs on Security" ends in a
            // section word) still marks a site's top over a tagline; the label is left to
            // that rule.
            (
                format!(
                    "Krebs on Security\nIn-depth security news and investigation\n\
                     Bridge reopens after two years\n{body}"
                ),
                &[None, B, None, None],
            ),
            // A short headline over its deck stays, in title case, in capitals or with a
            // word of a site's name.
            (
                format!("Bridge Reopens\n{deck}\n{body}"),
                &[None, None, None],
            ),
            (
                format!("MARA BRIDGE REOPENS\n{deck}\n{body}"),
                &[None, None, None],
            ),
            (
                format!("Daily commute returns\n{deck}\n{body}"),
                &[None, None, None],
            ),
            // A name under the headline, a byline under a name, a page with no prose: kept.
            (
                format!("Bridge Reopens After Two Years\nThe Daily Herald\n{body}"),
                &[None, None, None],
            ),
            (
                format!("CRN\nBy Jane Doe and John Roe\n{body}"),
                &[None, None, None],
            ),
            (
                "CRN\nBridge Reopens After Two Years\nMore soon".to_owned(),
                &[None, None, None],
            ),
        ];
        for (input, expected) in &cases {
            check(masthead, input, expected);
        }
        // A site's name that ends like a section label is the name; the section's label
        // under it goes too.
        check(
            masthead,
            &format!(
                "NBC News\nWorld News\nThieves in smash-and-grab raid on jewelry store\n{body}"
            ),
            &[B, B, None, None],
        );
        // A station's call letters count as capitals, numbers aside.
        check(
            masthead,
            &format!("FOX 5 NY\nBrooklyn vigil for slain teen turns into riot\n{body}"),
            &[B, None, None],
        );
        // With a title field the headline is that title: a section's heading over a line
        // that is not the title stays, a masthead over the title goes.
        let title = test_lines("The Fold-and-Cut Problem")[0].key;
        let lines = test_lines(&format!(
            "Problem\nWhat shapes can one straight cut make\n{body}"
        ));
        let mut marks = vec![None; lines.len()];
        mark_masthead(&lines, &mut marks, Some(title));
        assert!(marks.iter().all(Option::is_none));
        let lines = test_lines(&format!("CRN\nBridge Reopens After Two Years\n{body}"));
        let mut marks = vec![None; lines.len()];
        mark_masthead(&lines, &mut marks, Some(lines[1].key));
        let kinds: Vec<_> = marks
            .iter()
            .map(|mark| mark.as_ref().map(|m| m.kind))
            .collect();
        assert_eq!(kinds, [B, None, None]);
    }

    #[test]
    fn date_lines_under_the_headline() {
        let body = "The bridge over the Mara reopened on Friday after two years of repairs.\n\
                    Traffic was light on the first morning.";
        check(
            mark_header_dates,
            &format!("Bridge Reopens After Two Years\nSunday, Dec 14, 2008\nJane Doe\n{body}"),
            &[None, B, None, None, None],
        );
        // Below the first paragraph a date is text (a list of dates, a timeline), and a date
        // alone is all the article has.
        check(
            mark_header_dates,
            &format!("Bridge Reopens After Two Years\n{body}\nMarch 3, 2021"),
            &[None, None, None, None],
        );
        check(
            mark_header_dates,
            "Bridge Reopens\nMarch 3, 2021",
            &[None, None],
        );
    }

    #[test]
    fn top_furniture_and_duplicate_title() {
        check(
            top,
            "MARCH 3, 2021\nCity News\nBridge Reopens After Two Years\nBridge Reopens After Two Years\nThe bridge reopened on Friday.",
            &[B, B, None, D, None],
        );
        // A label no list knows goes too when the headline under it is printed twice (the
        // page's template top); a sentence there stays.
        check(
            top,
            "Desk Seven\nBridge Reopens After Two Years\nBridge Reopens After Two Years\nThe bridge reopened on Friday.",
            &[B, None, D, None],
        );
        check(
            top,
            "Hollywood\nStar Dies at 85\nStar Dies at 85\nThe actress died on Friday.",
            &[B, None, D, None],
        );
        check(
            top,
            "The bridge is open.\nBridge Reopens After Two Years\nBridge Reopens After Two Years\nIt cost a lot.",
            &[None, None, D, None],
        );
        // A section and its subsection between a bar; a headline with its section after a
        // bar is no label.
        check(
            top,
            "SPORTS | MEN'S BASKETBALL\nHansbrough passes Ford as Heels roll on\nThe record fell.",
            &[B, None, None],
        );
        check(
            top,
            "Putin visits Pyongyang | World\nLeaders sign a pact on security\nThe pact was signed.",
            &[None, None, None],
        );
        // Without a headline printed twice, an unknown short line above it stays.
        check(
            top,
            "Desk Seven\nBridge Reopens After Two Years\nThe bridge reopened on Friday.",
            &[None, None, None],
        );
        // With the headline in a title field, a label may sit right above the body; without
        // one, the first line may be the headline itself and stays.
        let input =
            "Tech News\nAn undersea cable cut on Tuesday partially blocked internet services.";
        check(
            |lines, marks| mark_top(lines, marks, Some(u64::MAX)),
            input,
            &[B, None],
        );
        check(top, input, &[None, None]);
        // A dateline inside a sentence is content.
        check(
            top,
            "LONDON: The bridge reopened.\nIt cost a lot.",
            &[None, None],
        );
    }

    #[test]
    fn repeated_body_keeps_first_copy() {
        check(
            mark_repeats,
            "The council met on Monday evening.\nBudget\nIt approved the new budget for schools.\n\
             Budget\nIt approved the new budget for schools.\nThe vote was unanimous.",
            &[None, None, None, R, R, None],
        );
        // Short lines that recur alone are not a repeated block.
        check(
            mark_repeats,
            "Q\nWhat now for the team?\nQ\nWho will coach it?",
            &[None, None, None, None],
        );
        // Nor is a sentence that recurs alone (a listicle's line under every item); a long
        // paragraph printed twice is.
        let paragraph =
            "The council approved the budget after a debate that lasted until well after \
                         midnight on Monday.";
        check(
            mark_repeats,
            &format!(
                "Blue Kettle\nRead our full review.\nRed Kettle\nRead our full review.\n\
                 {paragraph}\nThe vote was close.\n{paragraph}"
            ),
            &[None, None, None, None, None, None, R],
        );
    }

    #[test]
    fn body_printed_again_with_other_line_breaks_keeps_first_copy() {
        let paragraphs = [
            "Fire crews fought the blaze at the church for three hours on Friday night.",
            "No one was hurt, although two children were inside when it started.",
            "The pastor said services would be held in a nearby school on Sunday.",
            "Investigators are treating the fire as arson, the fire chief said.",
        ];
        let merged = [
            format!("{} {}", paragraphs[0], paragraphs[1]),
            format!("{} {}", paragraphs[2], paragraphs[3]),
        ];
        check(
            mark_rewrapped_repeats,
            &format!("{}\n{}", paragraphs.join("\n"), merged.join("\n")),
            &[None, None, None, None, R, R],
        );
        // A sentence quoted again alone, short of a long paragraph, stays; so does a line
        // that only shares a phrase.
        check(
            mark_rewrapped_repeats,
            &format!(
                "{}\nFire crews fought the blaze at the church for hours.\n\
                 Later, the pastor said services would be held elsewhere.",
                paragraphs.join("\n")
            ),
            &[None, None, None, None, None, None],
        );
    }

    /// Runs the repeat rules in the order `clean` does, the edited one last.
    fn all_repeats(lines: &[Line], marks: &mut [Option<Mark>]) {
        mark_repeats(lines, marks);
        mark_rewrapped_repeats(lines, marks);
        mark_edited_repeats(lines, marks);
    }

    const REPORT: [&str; 5] = [
        "Fire crews were called to the church on Main Street shortly after midnight on Sunday.",
        "The blaze was brought under control by four in the morning, the fire chief said.",
        "Nobody was hurt, but the roof of the hundred-year-old building was destroyed in the fire.",
        "Police said the cause of the fire was not yet known and that an inquiry had been opened.",
        "The pastor said services would be held in the school hall until the church was rebuilt.",
    ];

    /// A paragraph as an edited copy prints it.
    fn edited(line: &str) -> String {
        line.replace(" said", " says")
            .replace(" was ", " had been ")
    }

    #[test]
    fn body_printed_again_with_edits_keeps_first_copy() {
        let edited: Vec<String> = REPORT.iter().map(|line| edited(line)).collect();
        // Every paragraph edited: a headline, the body, its edited copy.
        check(
            all_repeats,
            &format!(
                "Church Destroyed by Fire\n{}\n{}",
                REPORT.join("\n"),
                edited.join("\n")
            ),
            &[vec![None; 6], vec![R; 5]].concat(),
        );
        // Edited paragraphs between exact ones (a copy that only some edits touched), one
        // paragraph missing from the copy.
        let mixed = [REPORT[0], &edited[1], &edited[2], REPORT[3]];
        check(
            all_repeats,
            &format!("{}\n{}", REPORT.join("\n"), mixed.join("\n")),
            &[vec![None; 5], vec![R; 4]].concat(),
        );
        // Only the first paragraph edited ("meters" → "metres"), the rest printed again
        // exactly under the headline printed again: headline and body go.
        let first = REPORT[0].replace("shortly after midnight", "just after midnight");
        let head_edited = [&first, REPORT[1], REPORT[2], REPORT[3], REPORT[4]];
        check(
            all_repeats,
            &format!(
                "Church Destroyed by Fire\n{}\nChurch Destroyed by Fire\n{}",
                REPORT.join("\n"),
                head_edited.join("\n")
            ),
            &[vec![None; 6], vec![R; 6]].concat(),
        );
        // The line rules alone keep the edited paragraphs.
        let lines = test_lines(&format!("{}\n{}", REPORT.join("\n"), mixed.join("\n")));
        let mut marks = vec![None; lines.len()];
        mark_repeats(&lines, &mut marks);
        mark_rewrapped_repeats(&lines, &mut marks);
        assert_eq!(marks[6], None);
    }

    #[test]
    fn body_printed_again_across_furniture_with_an_edited_paragraph() {
        // A wire feed's item sent again: the body split by "MORE" (furniture, removed before
        // the repeat rules run) in both copies, the second copy's fourth paragraph edited
        // and its last printed again exactly; all of the second copy goes.
        // Its last line is short: alone, no rule of exact repeats takes it.
        let fourth = REPORT[3].replace("not yet known", "still unknown");
        let tail = "One firefighter was treated for smoke inhalation.";
        let (first, second, third) = (REPORT[0], REPORT[1], REPORT[2]);
        let text = format!(
            "{first}\n{second}\n{third}\nMORE\n{}\n{}\n{tail}\n\
             {first}\n{second}\n{third}\nMORE\n{fourth}\n{tail}",
            REPORT[3], REPORT[4]
        );
        let lines = test_lines(&text);
        let mut marks: Vec<Option<Mark>> = lines
            .iter()
            .map(|line| {
                (line.text == "MORE").then(|| Mark::new(RemovalKind::Boilerplate, "furniture"))
            })
            .collect();
        all_repeats(&lines, &mut marks);
        let kinds: Vec<Option<RemovalKind>> = marks
            .iter()
            .map(|mark| mark.as_ref().map(|mark| mark.kind))
            .collect();
        let b = Some(RemovalKind::Boilerplate);
        assert_eq!(
            kinds,
            [
                vec![None, None, None, b, None, None, None],
                vec![R; 3],
                vec![b, R, R]
            ]
            .concat()
        );
    }

    #[test]
    fn repeated_templates_and_short_runs_of_edits_stay() {
        // A page's template printed again with other facts, not from the article's start: a
        // training plan's second week.
        let week = |n: u32, minutes: u32| {
            format!(
                "Week {n} opens with an easy run of {minutes} minutes in zone two for every runner.\n\
                 Tuesday brings intervals of {minutes} seconds at a hard pace with long recoveries.\n\
                 Thursday is a steady run of {minutes} minutes at a pace you could hold for an hour."
            )
        };
        check(
            all_repeats,
            &format!(
                "This plan takes a new runner to a first race in eight weeks of steady work.\n\
                 Each week has three runs, and rest days between them matter as much as the runs.\n\
                 Warm up before every session and stop if anything hurts for more than a day.\n\
                 {}\n{}",
                week(1, 20),
                week(2, 25)
            ),
            &[None; 9],
        );
        // Two edited paragraphs are no body printed again.
        let edited: Vec<String> = REPORT[1..3].iter().map(|line| edited(line)).collect();
        check(
            all_repeats,
            &format!("{}\n{}", REPORT.join("\n"), edited.join("\n")),
            &[None; 7],
        );
    }

    #[test]
    fn foreign_block_under_heading() {
        check(
            foreign,
            "Ministers from Norway and Sweden agreed a fishing quota in Bergen on Monday.\n\
             The Norwegian delegation said the quota protects cod stocks in the Barents Sea.\n\
             Sweden wanted a larger quota for its Baltic herring fleet.\n\
             Other Topics of Interest\n\
             Volcano Erupts Near Remote Chilean Village\n\
             Chilean authorities evacuated hundreds of residents after the volcano Calbuco erupted, sending ash over Puerto Montt.\n\
             Fishermen in Bergen welcomed the cod quota agreed by Norway and Sweden.\n\
             The Barents Sea talks resume in Sweden next spring.",
            &[None, None, None, F, F, F, None, None],
        );
    }

    /// An article about a fishing quota with `block` pasted after its third line, and
    /// the expected marks: the block's `n_block` lines foreign, the article's six kept.
    fn fishing_article_with(block: &str, n_block: usize) -> (String, Vec<Option<RemovalKind>>) {
        let text = format!(
            "Ministers from Norway and Sweden agreed a fishing quota in Bergen on Monday.\n\
             The Norwegian delegation said the quota protects cod stocks in the Barents Sea.\n\
             Sweden wanted a larger quota for its Baltic herring fleet, Norwegian officials said.\n\
             {block}\n\
             Fishermen in Bergen welcomed the cod quota agreed by Norway and Sweden.\n\
             The Barents Sea talks between Norway and Sweden resume next spring.\n\
             Herring fleet owners in Sweden called the Bergen quota fair."
        );
        let marks = [vec![None; 3], vec![F; n_block], vec![None; 3]].concat();
        (text, marks)
    }

    #[test]
    fn foreign_block_under_heading_whose_title_shares_words_with_its_paragraph() {
        // The title's words are mostly its own paragraph's: the block is judged as a whole,
        // and it ends where a line shares more with the article than with the block.
        let (text, marks) = fishing_article_with(
            "Suggested Reading\n\
             McDermott fuels Creighton past Drake in tournament opener\n\
             Doug McDermott scored 23 points as Creighton beat Drake in the tournament opener on Friday.",
            3,
        );
        check(foreign, &text, &marks);
    }

    #[test]
    fn foreign_block_under_heading_with_its_own_dateline() {
        // The foreign story's dateline shares its words (a weekday, a month, a year) with
        // any dated article: it neither ends the block nor decides it.
        let (text, marks) = fishing_article_with(
            "Also Read\n\
             McDermott fuels Creighton past Drake in tournament opener\n\
             MONDAY, MARCH 8, 2013, 11:55 PM\n\
             Doug McDermott scored 23 points as Creighton beat Drake in the tournament opener.\n\
             The Bluejays play Wichita State in the semifinal in St. Louis.",
            5,
        );
        let text = text.replace("on Monday.", "on Monday, March 8, 2013.");
        check(foreign, &text, &marks);
    }

    #[test]
    fn tags_printed_one_a_line_after_the_body() {
        let body = "The Angels offered Mark Teixeira an eight-year deal on Friday, officials said.";
        // Tags and counters ending the page; a table's last cells stay.
        check(
            mark_unheaded_tags,
            &format!("{body}\n412\n7\nMLB\nBaseball\nFree Agency"),
            &[None, B, B, B, B, B],
        );
        check(
            mark_unheaded_tags,
            &format!("{body}\nOrlistat\nAdults\nCapsule\nTwice daily"),
            &[None, None, None, None, None],
        );
        // Names under the body followed by more text stay.
        check(
            mark_unheaded_tags,
            &format!("{body}\n12\nJohn Smith\nJane Doe\nThe list goes on with more text here."),
            &[None, None, None, None, None],
        );
    }

    #[test]
    fn a_forum_reply_title_repeats_the_thread_title() {
        check(
            mark_reply_titles,
            "Angels go 8 years on Tex!!\nThe Angels offered Teixeira a deal.\n\
             Re: Angels go 8 years on Tex!!\nRe: something else entirely",
            &[None, None, B, None],
        );
    }

    #[test]
    fn forum_post_headers() {
        let post = "Bush placed on IR, season over\n\
            The Saints placed Reggie Bush on injured reserve today, ending his season.";
        check(
            mark_forum_post_headers,
            &format!("#1\n12-17-2008, 03:41 PM\nWhoDatNation84\nJoin Date: Sep 2006\n{post}"),
            &[B, B, B, B, None, None],
        );
        check(
            mark_forum_post_headers,
            &format!("#2\nheelsfan_1982\nPosted 12-18-2008, 11:57 PM\n{post}"),
            &[B, B, B, None, None],
        );
        // A list's rank over its item stays.
        check(
            mark_forum_post_headers,
            &format!("#10\nThe Beatles\n{post}"),
            &[None, None, None, None],
        );
    }

    #[test]
    fn reader_comments_after_the_article() {
        let article = "Tara Reid Enters Rehab\n\
            Actress Tara Reid has checked into a rehab centre in Malibu, her publicist said.\n\
            The publicist asked that her privacy be respected at this time, the statement said.";
        // The lines kept by mark_comments when the line rules removed those at `removed`
        // (with `reason`).
        let kept = |text: &str, removed: &[usize], reason: &'static str| -> Vec<usize> {
            let lines = test_lines(text);
            let mut marks = vec![None; lines.len()];
            for &index in removed {
                marks[index] = Some(Mark::new(RemovalKind::Boilerplate, reason));
            }
            mark_comments(&lines, &mut marks);
            (0..lines.len()).filter(|&i| marks[i].is_none()).collect()
        };
        // A thread: each comment ends at a removed "Reply" link.
        let thread = format!(
            "{article}\nChioma — December 12, 2008 at 7:02 pm\n\
             Good for her. Everybody deserves a second chance.\nReply\n\
             Tunde O. — December 12, 2008 at 7:31 pm\nLong overdue o! Wishing her recovery.\nReply"
        );
        assert_eq!(kept(&thread, &[5, 8], "navigation"), [0, 1, 2]);
        // A live blog's entries under a reporter's name and the time stay: nothing shows a
        // comment thread.
        let live = format!(
            "{article}\nJane Roe — December 12, 2008 at 7:02 pm\n\
             Police have closed the road outside the clinic, officers said.\n\
             Jane Roe — December 12, 2008 at 7:31 pm\nThe road has reopened."
        );
        assert_eq!(kept(&live, &[], "navigation"), [0, 1, 2, 3, 4, 5, 6]);
        // A discussion thread's comments, each ending at its removed row of buttons.
        let discussion = format!(
            "{article}\nu/newmoonrising · 3d\nI'll believe it when her publicist confirms.\n\
             Reply · 98\nloonstatefan · 2 days ago\nGood luck to her.\nReply  Share  19"
        );
        let buttons = THREAD_BUTTONS_REASON;
        assert_eq!(kept(&discussion, &[5, 8], buttons), [0, 1, 2]);
        // A blog's "… says:" under its responses heading, the stamp removed by a line rule.
        let blog = format!(
            "{article}\n2 Responses to “Tara Reid Enters Rehab”\nJoe from Upper Darby says:\n\
             December 13, 2008 at 4:12 pm\nAbout time she got help."
        );
        assert_eq!(kept(&blog, &[3, 5], "rule"), [0, 1, 2]);
        // Blogger's "… said..." over each comment under its count, the comments' time stamps
        // removed by line rules.
        let blogger = format!(
            "{article}\n2 comments:\nBlogger Desert Rat said...\n\
             Felt it in Media City, the whole floor.\nDecember 13, 2008 at 4:12 pm\n\
             Anonymous said...\nNothing here.\nDecember 13, 2008 at 5:02 pm"
        );
        assert_eq!(kept(&blogger, &[3, 6, 9], "rule"), [0, 1, 2]);
    }

    #[test]
    fn marketing_prose_in_a_news_page() {
        const FILLER: Option<RemovalKind> = Some(RemovalKind::Filler);
        let news = "Church Destroyed In Wasilla Blaze\n\
            A fire destroyed the Wasilla Bible Church on Friday night, its pastor said.\n\
            Investigators said the blaze was set deliberately near the church entrance.\n\
            The pastor said the congregation would meet in a school gym on Sunday morning.\n\
            Damage to the church building was estimated at one million dollars by officials.";
        let pitch = "Great content is the backbone of every successful brand. When you publish \
            fresh, relevant articles on a regular schedule, search engines reward you with better \
            rankings and your audience rewards you with loyalty.";
        check(
            mark_marketing_filler,
            &format!("{news}\n{pitch}"),
            &[None, None, None, None, None, FILLER],
        );
        // A page about marketing, whose every paragraph speaks so, keeps them all.
        let page = "How To Plan Your Content\n\
            Planning your content calendar helps your brand publish on a steady schedule.\n\
            Your audience expects fresh content, and search engines reward your brand for it.\n\
            A content calendar also shows your team which topics your audience asks about.";
        check(
            mark_marketing_filler,
            &format!("{page}\n{pitch}"),
            &[None, None, None, None, None],
        );
        // A report on a brand's campaign that speaks to readers stays: it shares the story's
        // words.
        let campaign = "The Wasilla church said your donations and online content helped its \
            brand reach an audience of church members who want to rebuild the building.";
        check(
            mark_marketing_filler,
            &format!("{news}\n{campaign}"),
            &[None, None, None, None, None, None],
        );
    }

    #[test]
    fn short_line_inside_a_foreign_block_under_heading() {
        // "He was 75." has no content word of its own to judge it by: the block goes on
        // over it to the paragraphs of its story.
        let (text, marks) = fishing_article_with(
            "Other Stories\n\
             Nixon Aide Fred LaRue Dies at 75\n\
             Fred LaRue, a Nixon administration official who served a prison term for his role in Watergate, died in Biloxi.\n\
             He was 75.\n\
             A maid discovered his body in a Biloxi hotel room, coroner Gary Hargrove said.",
            5,
        );
        check(foreign, &text, &marks);
    }

    #[test]
    fn untitled_foreign_block_under_heading() {
        // No title: the block's first paragraph shares its words with the paragraphs of its
        // own story below it, not with the article above the heading.
        let (text, marks) = fishing_article_with(
            "Also Watch\n\
             A bomb exploded at a bank branch in Woodburn, killing a police officer and a bomb technician.\n\
             The explosion at the Woodburn bank happened just before the police bomb technician arrived.\n\
             Police in Woodburn offered a reward for information about the bomb.",
            4,
        );
        check(foreign, &text, &marks);
    }

    #[test]
    fn titled_foreign_block_without_heading() {
        let (text, marks) = fishing_article_with(
            "Volcano Erupts Near Remote Chilean Village\n\
             Chilean authorities evacuated hundreds of residents after the volcano Calbuco erupted, sending ash over Puerto Montt.",
            2,
        );
        check(foreign, &text, &marks);
    }

    #[test]
    fn sentence_case_titled_foreign_block_with_dateline() {
        let (text, marks) = fishing_article_with(
            "Turkmenistan holds parliamentary election\n\
             14 December 2008\n\
             The fourth parliamentary election of Turkmenistan ended as scheduled, reports from Ashgabat said.\n\
             Observers from the United Nations watched polling booths in 125 constituencies across the country.",
            4,
        );
        check(foreign, &text, &marks);
    }

    #[test]
    fn dated_titled_foreign_block_before_an_aside() {
        // The article goes on after the pasted story with a short line that shares no word
        // with the rest (a quote); the story's own dateline under its title says it was
        // pasted whole, and the paragraph above it is the article's.
        let text = "Ministers from Norway and Sweden agreed a fishing quota in Bergen on Monday.\n\
             The Norwegian delegation said the quota protects cod stocks in the Barents Sea.\n\
             Sweden wanted a larger quota for its Baltic herring fleet, Norwegian officials said.\n\
             Turkmenistan holds parliamentary election\n\
             14 December 2008\n\
             The fourth parliamentary election of Turkmenistan ended as scheduled, reports from Ashgabat said.\n\
             Observers from the United Nations watched polling booths in 125 constituencies across the country.\n\
             \"Not bad at all,\" one delegate said.\n\
             Fishermen in Bergen welcomed the cod quota agreed by Norway and Sweden.\n\
             The Barents Sea talks between Norway and Sweden resume next spring.";
        let marks = [vec![None; 3], vec![F; 4], vec![None; 3]].concat();
        check(foreign, text, &marks);
        // Undated, the same block is an aside of the article's own: both neighbours must
        // go on with the article.
        let undated = text.replace("14 December 2008\n", "");
        let marks = [vec![None; 3], vec![None; 3], vec![None; 3]].concat();
        check(foreign, &undated, &marks);
    }

    #[test]
    fn long_titled_foreign_block_with_subtitle_and_time_stamp() {
        // A pasted story as sites print it: a long sentence-case title opening with a
        // number, a subtitle and a time stamp, then its paragraphs.
        let (text, marks) = fishing_article_with(
            "61-year-old Vancouver man charged with murder after a company chief was shot dead at an office party\n\
             Police say the suspect knew the victim\n\
             December 15, 2012 10: 46 AM\n\
             Employees at a Vancouver wholesaler were coping on Saturday with the death of their boss at a holiday party.\n\
             Terrified workers ran screaming from the building after a gunman opened fire on Friday evening.",
            5,
        );
        check(foreign, &text, &marks);
    }

    #[test]
    fn sections_and_lists_under_plain_headings_stay() {
        // A subheading whose section goes on with the article's story, and a list of short
        // items (no prose) under another: neither is a pasted story.
        check(
            foreign,
            "Floods hit the river town of Elmsworth on Sunday after heavy rain.\n\
             Rescue teams moved families from riverside streets in Elmsworth overnight.\n\
             Rescue efforts continue\n\
             Rescue teams searched riverside streets of Elmsworth again on Monday for families.\n\
             The mayor of Elmsworth thanked rescue teams for moving families from the river.\n\
             What to pack for an evacuation\n\
             Passports and insurance papers\n\
             Chargers for mobile phones\n\
             Medicines and spectacles\n\
             Heavy rain is forecast for the river valley again on Tuesday, and rescue teams remain in Elmsworth.\n\
             The mayor of Elmsworth said rescue teams would stay until the river falls.",
            &[None; 11],
        );
    }

    #[test]
    fn related_paragraph_is_not_foreign() {
        let input = "Floods hit the river town of Elmsworth on Sunday after heavy rain.\n\
                     Rescue teams moved families from riverside streets in Elmsworth.\n\
                     Read more\n\
                     Heavy rain is forecast for the river valley again on Tuesday, and rescue teams remain in Elmsworth.\n\
                     The mayor of Elmsworth thanked the rescue teams.";
        check(foreign, input, &[None, None, None, None, None]);
    }

    #[test]
    fn headlines_under_a_teaser_heading() {
        fn headed(lines: &[Line], marks: &mut [Option<Mark>]) {
            // The heading and the cookie line are removed by the line rules.
            for (line, mark) in lines.iter().zip(marks.iter_mut()) {
                if line.text == "Related" || line.text.starts_with("We use cookies") {
                    *mark = Some(Mark::new(RemovalKind::Boilerplate, "rule"));
                }
                if line.text.contains("are switching to this") {
                    *mark = Some(Mark::new(RemovalKind::Boilerplate, AD_REASON));
                }
            }
            mark_headed_teasers(lines, marks);
        }
        let body = "The bridge reopened on Friday after two years.\nTraffic was light.";
        // Sentence-case headlines, then a removed line or the end.
        check(
            headed,
            &format!(
                "{body}\nRelated\nTelecom shares slip on outage fears\n\
                 Operator posts lower quarterly profit\n\nWe use cookies on this site."
            ),
            &[None, None, B, B, B, B],
        );
        check(
            headed,
            &format!("{body}\nRelated\nTelecom shares slip on outage fears"),
            &[None, None, B, B],
        );
        // Bulleted teasers.
        check(
            headed,
            &format!(
                "{body}\nRelated\n> Storm warnings issued for north-west coasts\n\
                 • Rail fares to rise by 6% in January"
            ),
            &[None, None, B, B, B],
        );
        // A native ad a line rule took, first in the list, is passed over.
        check(
            headed,
            &format!(
                "{body}\nRelated\nHomeowners are switching to this flood plan\n\
                 Doctors stunned by this one simple knee trick"
            ),
            &[None, None, B, B, B],
        );
        // A label over the headline, above the body, is no teaser heading.
        check(
            headed,
            &format!("Related\nBridge Reopens After Two Years\n\nWe use cookies here.\n{body}"),
            &[B, None, B, None, None],
        );
        // A heading over text that goes on keeps it.
        check(
            headed,
            &format!(
                "{body}\nRelated\nWhat the repairs cost\n\
                 The repairs cost 40 million euros, the city said on Friday."
            ),
            &[None, None, B, None, None],
        );
        // "More from …", which no line rule removes, goes with its list, and stays over
        // text that goes on.
        check(
            headed,
            &format!(
                "{body}\nMore from Example News\nRescue team called out twice in one day\n\
                 Operator posts lower quarterly profit"
            ),
            &[None, None, B, B, B],
        );
        check(
            headed,
            &format!(
                "{body}\nMore from the mayor\nWhat the repairs cost\n\
                 The repairs cost 40 million euros, the mayor said on Friday."
            ),
            &[None, None, None, None, None],
        );
        check(
            headed,
            &format!(
                "{body}\nRecommended from Medium\nThe 10 Worst Free-Agent Contracts Of The Decade\n\
                 'Iron Man 3' eyes record-breaking opening weekend"
            ),
            &[None, None, B, B, B],
        );
        // A kept heading that names a list of stories goes with the list; one that heads a
        // review's own section ("Most Versatile") stays with its lines.
        check(
            headed,
            &format!(
                "{body}\nMost Read in World\nChristmas shoppers flock to city centres\n\
                 Ferry services cancelled as storms batter west coast"
            ),
            &[None, None, B, B, B],
        );
        check(
            headed,
            &format!("{body}\nMost Versatile\nAsics Novablast 5"),
            &[None, None, None, None],
        );
        check(
            headed,
            &format!(
                "{body}\nLatest Entertainment\nNicole Kidman epic tops local box office\n\
                 Sydney Festival unveils 2009 program"
            ),
            &[None, None, B, B, B],
        );
        // "Latest Developments" over the article's own section stays.
        check(
            headed,
            &format!(
                "{body}\nLatest Developments\nWhat the repairs cost\n\
                 The repairs cost 40 million euros, the city said on Friday."
            ),
            &[None, None, None, None, None],
        );
        check(
            headed,
            &format!(
                "{body}\nSports Headlines\nHuskers open spring practice with new faces\n\
                 Which rookie quarterback has the brightest future?"
            ),
            &[None, None, B, B, B],
        );
        check(
            headed,
            &format!("{body}\nMore long-distance movers\nPlanning for your long-distance move"),
            &[None, None, None, None],
        );
        check(
            headed,
            &format!("{body}\nLatest from Example Rogue\nNew trailer for the sequel is out"),
            &[None, None, B, B],
        );
        check(
            headed,
            &format!(
                "{body}\nMore InsideHoops coverage:\nPistons, Heat set for East finals opener"
            ),
            &[None, None, B, B],
        );
    }

    #[test]
    fn menu_printed_one_item_a_line() {
        let body = "The bridge reopened on Friday after two years of repairs, the city said.";
        check(
            mark_vertical_menu,
            &format!(
                "METRO\nNATION\nGLOBAL\nSHOWBIZ\nSPORTS\nBridge reopens after two years\n{body}"
            ),
            &[B, B, B, B, B, None, None],
        );
        // Three short lines are no menu; nor are short lines after the first paragraph.
        check(
            mark_vertical_menu,
            &format!("Metro\nBy Jane Doe\nUpdated\nBridge reopens\n{body}\nOne\nTwo\nThree\nFour"),
            &[None, None, None, None, None, None, None, None, None],
        );
    }

    #[test]
    fn teaser_list_after_body() {
        check(
            mark_teasers,
            "Bridge Reopens\nThe bridge reopened on Friday after two years.\nTraffic was light.\n\
             Mayor Promises New Parks Across The City\nLocal Team Wins Regional Cup Final",
            &[None, None, None, B, B],
        );
        // Headlines in sentence case under the footer's furniture go; the same under the
        // last paragraph stay.
        check(
            |lines, marks| {
                marks[3] = Some(Mark::new(RemovalKind::Boilerplate, "rule"));
                mark_teasers(lines, marks);
            },
            "Bridge Reopens\nThe bridge reopened on Friday after two years.\nTraffic was light.\n\
             Report a typo or error\nFlyers eye goaltending help before the draft\n\
             Jersey Shore beaches brace for Memorial Day crowds",
            &[None, None, None, B, B, B],
        );
        check(
            mark_teasers,
            "Bridge Reopens\nThe bridge reopened on Friday after two years.\nTraffic was light.\n\
             Flyers eye goaltending help before the draft\n\
             Jersey Shore beaches brace for Memorial Day crowds",
            &[None, None, None, None, None],
        );
        // A sentence-case bullet list ending the article stays.
        check(
            mark_teasers,
            "Bridge Reopens\nThe bridge reopened on Friday.\nWhat you need:\nsturdy boots for the path\na warm coat and gloves",
            &[None, None, None, None, None],
        );
    }
}
