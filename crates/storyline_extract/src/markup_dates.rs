//! Dates the page's markup carries outside its metadata tags: `<time>` elements (which one marks
//! the publication, which one sits by the headline, which local day a UTC timestamp falls on for
//! the page's readers) and the publication date in embedded application state.
//!
//! Functions over a parsed [`Document`] or the raw HTML, called by [`crate::page_date`] when it
//! weighs the page's declared dates; the values are read by [`crate::dates::parse_date`] and
//! [`crate::dates::parse_timestamp`].

use crate::dates::{parse_date, parse_timestamp};
use crate::html::Document;

/// The day of a declared publication timestamp as the page's readers saw it. A timestamp in UTC
/// (`…T02:41:00Z`) can fall on the next day; when a `<time>` on the page gives the same moment
/// (within an hour) with the site's own offset, its local day is the page's day.
pub(crate) fn local_day(raw: &str, document: &Document) -> Option<String> {
    let declared = parse_timestamp(raw)?;
    let (Some(moment), Some(0)) = (declared.utc_second, declared.offset_minutes) else {
        return Some(declared.day);
    };
    let local = document
        .elements_named("time")
        .filter_map(|(_, element)| element.attr("datetime"))
        .filter_map(parse_timestamp)
        .find(|shown| {
            shown.offset_minutes.is_some_and(|offset| offset != 0)
                && shown
                    .utc_second
                    .is_some_and(|second| (second - moment).abs() <= 3600)
        });
    Some(local.map_or(declared.day, |shown| shown.day))
}

/// The raw date of a `<time>` marked as the publication time (`pubdate`,
/// `itemprop=datePublished`, or a class naming it `published`, as WordPress themes write).
pub(crate) fn marked_time_value(document: &Document) -> Option<String> {
    document
        .elements_named("time")
        .filter(|(_, element)| {
            let itemprop = element.attr("itemprop").unwrap_or("");
            let class_says_published = element.attr("class").is_some_and(|class| {
                class
                    .split_whitespace()
                    .any(|token| token.eq_ignore_ascii_case("published"))
            });
            element.attr("pubdate").is_some()
                || itemprop.contains("datePublished")
                || (class_says_published && !itemprop.contains("dateModified"))
        })
        .find_map(|(id, element)| {
            element
                .attr("datetime")
                .filter(|value| parse_date(value).is_some())
                .map(str::to_owned)
                .or_else(|| {
                    document
                        .short_text_of(id, 16)
                        .filter(|text| parse_date(text).is_some())
                })
        })
}

/// The date of the `<time>` nearest the first `<h1>` (else the first one) among those not
/// marked as a modification time.
pub(crate) fn unmarked_time_date(document: &Document) -> Option<String> {
    let dated: Vec<(usize, String)> = document
        .elements_named("time")
        .filter(|(_, element)| {
            let marks = format!(
                "{} {}",
                element.attr("class").unwrap_or(""),
                element.attr("itemprop").unwrap_or("")
            )
            .to_ascii_lowercase();
            !(marks.contains("modified") || marks.contains("updated"))
        })
        .filter_map(|(id, element)| {
            let day = element.attr("datetime").and_then(parse_date).or_else(|| {
                document
                    .short_text_of(id, 16)
                    .and_then(|text| parse_date(&text))
            })?;
            Some((id, day))
        })
        .collect();
    // Pages list other articles' dates (teaser cards, "latest news") before and after the
    // article; the article's own `<time>` sits next to its headline.
    match document.elements_named("h1").next() {
        Some((headline, _)) => dated
            .iter()
            .min_by_key(|(id, _)| id.abs_diff(headline))
            .map(|(_, day)| day.clone()),
        None => dated.first().map(|(_, day)| day.clone()),
    }
}

/// A publication date in a page's embedded application state (`"datePublished":"2024-…"` in a
/// Next.js or Nuxt payload, possibly with escaped quotes), for pages that render their metadata
/// only from scripts.
pub(crate) fn script_date(html: &str) -> Option<String> {
    const KEYS: &[&str] = &[
        "\"datePublished",
        "\"publishedDate",
        "\"publishDate",
        "\"published_at",
        "\"publishedAt",
        "\"date_published",
        "\"firstPublishedDate",
    ];
    let bytes = html.as_bytes();
    KEYS.iter().find_map(|key| {
        let start = memchr::memmem::find(bytes, key.as_bytes())? + key.len();
        // Skip `:`, spaces, quotes and escaped quotes up to the value.
        let value_start = start
            + bytes[start..]
                .iter()
                .take(8)
                .take_while(|byte| matches!(byte, b':' | b' ' | b'"' | b'\\'))
                .count();
        let value = html.get(value_start..(value_start + 25).min(html.len()))?;
        parse_date(value).map(|_| value.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `read` on `html` and checks what it finds.
    fn check(read: fn(&Document) -> Option<String>, html: &str, expected: Option<&str>) {
        assert_eq!(
            read(&Document::parse(html)).as_deref(),
            expected,
            "html: {html}"
        );
    }

    #[test]
    fn marked_publication_time() {
        check(
            marked_time_value,
            r#"<time datetime="2024-01-01">Jan 1</time><time class="entry-date published" datetime="2024-04-02T10:20:00+00:00">April 2</time>"#,
            Some("2024-04-02T10:20:00+00:00"),
        );
        check(
            marked_time_value,
            "<time pubdate>May 3, 2024</time>",
            Some("May 3, 2024"),
        );
        check(
            marked_time_value,
            r#"<time class="published" itemprop="dateModified" datetime="2024-04-02">x</time>"#,
            None,
        );
    }

    #[test]
    fn time_nearest_the_headline() {
        check(
            unmarked_time_date,
            r#"<li><time datetime="2025-01-31">Jan 31</time> Other news</li><p>More</p><h1>Title</h1><time datetime="2017-03-01">Mar 1</time>"#,
            Some("2017-03-01"),
        );
        check(
            unmarked_time_date,
            r#"<h1>Title</h1><time class="updated" datetime="2025-01-31">Jan 31</time>"#,
            None,
        );
    }

    #[test]
    fn local_day_of_a_utc_stamp() {
        let document = Document::parse(
            r#"<time datetime="2025-12-18T19:05:00-08:00">December 18, 2025</time>"#,
        );
        assert_eq!(
            local_day("2025-12-19T03:05:00Z", &document).as_deref(),
            Some("2025-12-18")
        );
        assert_eq!(
            local_day("2025-12-19T13:05:00Z", &document).as_deref(),
            Some("2025-12-19")
        );
        assert_eq!(local_day("not a date", &document), None);
    }

    #[test]
    fn date_from_application_state() {
        let html =
            r#"<script>window.__DATA__={"post":{"publishedDate":"2023-05-01T10:00:00Z"}}</script>"#;
        assert_eq!(
            script_date(html).as_deref().and_then(parse_date).as_deref(),
            Some("2023-05-01")
        );
        let escaped = r#"self.__next_f.push([1,"{\"datePublished\":\"2022-11-02\"}"])"#;
        assert_eq!(
            script_date(escaped)
                .as_deref()
                .and_then(parse_date)
                .as_deref(),
            Some("2022-11-02")
        );
        assert_eq!(script_date(r#"{"datePublished": null}"#), None);
    }
}
