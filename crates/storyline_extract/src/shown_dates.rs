//! The dates a page shows its readers, and the words that label them.
//!
//! Main type: [`ShownDates`], read from a parsed [`Document`]'s visible text (no scripts or
//! styles, the first ~60 KB) by [`crate::page_date`], which weighs them against the dates the
//! page declares in its metadata. Each date carries its byte offset in that text, so that dates
//! in the byline region around an `<h1>` can be told from dates in related-article lists and
//! comments, and the label the words before it give it ("Published", "Updated", "originally
//! published"). Date strings are recognised by [`crate::dates::all_datelines`].

use crate::dates::all_datelines;
use crate::html::{Document, NodeData};

/// How a date shown on the page is labelled by the words just before it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Label {
    /// "Originally published", "First published": the page says its shown date is a later one.
    FirstPublished,
    Published,
    Updated,
    Unlabelled,
}

/// A date shown in the page's visible text.
#[derive(Debug)]
pub(crate) struct ShownDate {
    /// Byte offset in the page text.
    pub(crate) offset: usize,
    pub(crate) day: String,
    pub(crate) label: Label,
    /// The date is (nearly) all of its text node, as in a dateline ("<span>Dec 30, 2013</span>"),
    /// not part of a sentence.
    pub(crate) standalone: bool,
}

/// The dates the page's visible text shows, and where its `<h1>`s start in that text.
pub(crate) struct ShownDates {
    pub(crate) dates: Vec<ShownDate>,
    headline_offsets: Vec<usize>,
}

impl ShownDates {
    pub(crate) fn read(document: &Document) -> ShownDates {
        let page = page_text(document);
        ShownDates {
            dates: shown_dates(&page.text, &page.short_chunks),
            headline_offsets: page.headline_offsets,
        }
    }

    /// A publication date the page shows that is earlier than the `declared` day, for a declared
    /// date that is a CMS stamp: "originally published", else a "Published" or unlabelled date
    /// in the byline region (within 1,000 characters of an `<h1>`), else a "Published" date
    /// anywhere. A stamp can only be later than the real publication, so a later date shown
    /// (an event the text announces) is not taken.
    pub(crate) fn earlier_publication(&self, declared: &str) -> Option<String> {
        let earlier = |day: String| (day.as_str() < declared).then_some(day);
        self.first_published()
            .and_then(earlier)
            .or_else(|| {
                self.around_headline(&[Label::Published, Label::Unlabelled], 1000)
                    .and_then(earlier)
            })
            .or_else(|| self.labelled(Label::Published).and_then(earlier))
    }

    /// A date labelled "originally published" or "first published".
    pub(crate) fn first_published(&self) -> Option<String> {
        self.labelled(Label::FirstPublished)
    }

    /// A date labelled as a publication date, "originally published" first.
    pub(crate) fn published(&self) -> Option<String> {
        self.first_published()
            .or_else(|| self.labelled(Label::Published))
    }

    pub(crate) fn labelled(&self, label: Label) -> Option<String> {
        self.dates
            .iter()
            .find(|date| date.label == label)
            .map(|date| date.day.clone())
    }

    /// The first date shown from 1,000 characters before an `<h1>` to `after` characters after
    /// it, with the first of `labels` found.
    pub(crate) fn around_headline(&self, labels: &[Label], after: usize) -> Option<String> {
        labels
            .iter()
            .find_map(|label| {
                self.dates
                    .iter()
                    .filter(|date| self.near_headline(date, after))
                    .find(|date| date.label == *label)
            })
            .map(|date| date.day.clone())
    }

    /// True when the page shows `day` anywhere in its text.
    pub(crate) fn shows(&self, day: &str) -> bool {
        self.dates.iter().any(|date| date.day == day)
    }

    /// True when the page shows `day` where a reader takes it for the page's own date: in the
    /// byline region around an `<h1>`, or labelled as an update.
    pub(crate) fn shows_as_page_date(&self, day: &str) -> bool {
        self.dates.iter().any(|date| {
            date.day == day && (date.label == Label::Updated || self.near_headline(date, 2000))
        })
    }

    /// True when the page shows `day` in the byline (from 1,000 characters before an `<h1>` to
    /// 500 after it), unlabelled or labelled as a publication.
    pub(crate) fn shows_as_publication(&self, day: &str) -> bool {
        self.dates.iter().any(|date| {
            date.day == day && date.label != Label::Updated && self.near_headline(date, 500)
        })
    }

    /// The first standalone date (a dateline, not a date in a sentence) shown from 1,000
    /// characters before an `<h1>` to `after` characters after it, unlabelled or labelled as a
    /// publication.
    pub(crate) fn dateline_by_headline(&self, after: usize) -> Option<String> {
        self.dates
            .iter()
            .find(|date| {
                date.standalone
                    && matches!(date.label, Label::Published | Label::Unlabelled)
                    && self.near_headline(date, after)
            })
            .map(|date| date.day.clone())
    }

    /// True when `date` is shown from 1,000 characters before an `<h1>` to `after` characters
    /// after it.
    fn near_headline(&self, date: &ShownDate, after: usize) -> bool {
        self.headline_offsets
            .iter()
            .any(|offset| date.offset + 1000 >= *offset && date.offset <= offset + after)
    }
}

/// Every date the visible text shows, with the label the words before it give it.
/// `short_chunks` are the spans of the short text nodes, in order.
fn shown_dates(text: &str, short_chunks: &[(usize, usize)]) -> Vec<ShownDate> {
    all_datelines(text)
        .into_iter()
        .map(|(offset, day)| {
            let chunk = short_chunks.partition_point(|(_, end)| *end <= offset);
            ShownDate {
                offset,
                label: label_before(text, offset),
                standalone: short_chunks
                    .get(chunk)
                    .is_some_and(|(start, _)| *start <= offset),
                day,
            }
        })
        .collect()
}

/// Reads the few words before a shown date: "Published", "Posted on", "originally published"
/// or "Updated", "Last modified".
fn label_before(text: &str, offset: usize) -> Label {
    let mut start = offset.saturating_sub(40);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let before = text.get(start..offset).unwrap_or("").to_lowercase();
    if before.contains("originally published") || before.contains("first published") {
        return Label::FirstPublished;
    }
    // The label nearest the date decides ("Published May 1 · Updated" is read up to the date).
    let position = |words: &[&str]| words.iter().filter_map(|word| before.rfind(word)).max();
    match (
        position(&["published", "posted"]),
        position(&["updated", "modified", "reviewed"]),
    ) {
        (Some(published), Some(updated)) if published > updated => Label::Published,
        (Some(_), None) => Label::Published,
        (_, Some(_)) => Label::Updated,
        (None, None) => Label::Unlabelled,
    }
}

/// Bytes of visible text scanned for dates.
const PAGE_TEXT_LIMIT: usize = 60_000;

/// True for a text node short enough to be a dateline: up to 40 bytes and three words with
/// letters ("Friday, December 19, 2025", "Posted on June 1, 2024"), where a sentence around a
/// date ("We launched on Dec 30, 2013.") has more.
fn is_dateline_sized(chunk: &str) -> bool {
    let chunk = chunk.trim();
    chunk.len() <= 40
        && chunk
            .split_whitespace()
            .filter(|word| word.chars().any(char::is_alphabetic))
            .count()
            <= 3
}

/// The visible text of a page, see [`page_text`].
struct PageText {
    text: String,
    /// Where each `<h1>` starts in `text`.
    headline_offsets: Vec<usize>,
    /// The spans of the short text nodes in `text`, in order.
    short_chunks: Vec<(usize, usize)>,
}

/// The visible text of the page (no scripts or styles), the offsets of its `<h1>`s and the spans
/// of its short text nodes.
fn page_text(document: &Document) -> PageText {
    let mut text = String::new();
    let mut headline_offsets = Vec::new();
    let mut short_chunks = Vec::new();
    let mut stack = vec![0];
    while let Some(id) = stack.pop() {
        // Dates and headlines sit near the top; the rest of a long page is not worth scanning.
        if text.len() > PAGE_TEXT_LIMIT {
            break;
        }
        match &document.nodes[id].data {
            NodeData::Text(chunk) => {
                if is_dateline_sized(chunk) {
                    short_chunks.push((text.len(), text.len() + chunk.len()));
                }
                text.push_str(chunk);
                continue;
            }
            NodeData::Element(element) => {
                if matches!(
                    element.name.as_str(),
                    "script" | "style" | "head" | "title" | "noscript" | "template"
                ) {
                    continue;
                }
                if element.name == "h1" {
                    headline_offsets.push(text.len());
                }
                text.push(' ');
            }
            NodeData::Root => {}
        }
        stack.extend(document.nodes[id].children.iter().rev());
    }
    PageText {
        text,
        headline_offsets,
        short_chunks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads the dates shown by `html` and checks their days and labels.
    fn check(html: &str, expected: &[(&str, Label)]) {
        let shown = ShownDates::read(&Document::parse(html));
        let found: Vec<(&str, Label)> = shown
            .dates
            .iter()
            .map(|date| (date.day.as_str(), date.label))
            .collect();
        assert_eq!(found, expected, "html: {html}");
    }

    #[test]
    fn dates_and_labels() {
        check(
            "<p>Posted on June 1, 2024 · Last updated: July 2, 2024</p>",
            &[
                ("2024-06-01", Label::Published),
                ("2024-07-02", Label::Updated),
            ],
        );
        check(
            "<p>This article was originally published on 26 Sep 2019</p>",
            &[("2019-09-26", Label::FirstPublished)],
        );
        check(
            "<script>var d = 'June 1, 2024';</script><p>By Ann Lee, 2024-06-03</p>",
            &[("2024-06-03", Label::Unlabelled)],
        );
    }

    #[test]
    fn label_words() {
        assert_eq!(label_before("é June 1", 3), Label::Unlabelled);
        assert_eq!(
            label_before("Updated · Posted June 1", 18),
            Label::Published
        );
    }

    #[test]
    fn page_date_is_shown_by_the_headline_or_as_an_update() {
        let filler = "word ".repeat(500);
        let html = format!(
            "<h1>Grain prices</h1><p>May 2, 2024</p><p>{filler}</p><p>Updated June 3, 2024</p><p>{filler}</p><p>July 4, 2024</p>"
        );
        let shown = ShownDates::read(&Document::parse(&html));
        assert!(shown.shows_as_page_date("2024-05-02"));
        assert!(shown.shows_as_page_date("2024-06-03"));
        assert!(shown.shows("2024-07-04"));
        assert!(!shown.shows_as_page_date("2024-07-04"));
        assert!(!shown.shows("2024-08-05"));
    }

    #[test]
    fn datelines_stand_alone() {
        let html = "<h1>Grain prices</h1><p>Prices rose on May 2, 2024 in Iowa.</p><span>· June 3, 2024</span>";
        let shown = ShownDates::read(&Document::parse(html));
        let standalone: Vec<bool> = shown.dates.iter().map(|date| date.standalone).collect();
        assert_eq!(standalone, [false, true]);
        assert_eq!(
            shown.dateline_by_headline(300).as_deref(),
            Some("2024-06-03")
        );
        let filler = "word ".repeat(120);
        let html = format!(
            "<h1>Grain prices</h1><p>June 3, 2024</p><p>{filler}</p><p>May 2, 2024</p><p>Updated July 4, 2024</p>"
        );
        let shown = ShownDates::read(&Document::parse(&html));
        assert!(shown.shows_as_publication("2024-06-03"));
        assert!(!shown.shows_as_publication("2024-05-02"));
        assert!(!shown.shows_as_publication("2024-07-04"));
    }
}
