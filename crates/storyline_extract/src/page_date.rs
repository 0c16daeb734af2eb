//! The page's publication date: which of the dates a page carries to trust.
//!
//! Main function: [`choose_date`], called by [`crate::metadata`] with the page's JSON-LD dates
//! and meta tags; it returns a `YYYY-MM-DD` day. Sources, most trusted first: JSON-LD
//! `datePublished`, `<meta>` tags (Open Graph, Dublin Core, CMS names), a `<time>` marked as the
//! publication time, microdata on other elements, embedded application state, then (without
//! a declared publication date) unmarked `<time>` elements, the URL and the dates the page
//! shows. Within each source a publication date beats a modified one. Two declared dates are
//! CMS stamps rather than authored dates and give way to an earlier publication date the page
//! shows: a JSON-LD date written as display text, and a published time no earlier than the
//! modified one. A publication date declared only in structured data (JSON-LD or microdata, no
//! Open Graph or Dublin Core tag agreeing with it) gives way to a later date the page shows as
//! its own while it nowhere shows the published one: a declared modified date or contradicting
//! tag, else (with no contradicting tag) an "Updated" date by the headline. Any declared
//! publication day the page never shows gives way to the byline's date (its `<time>`, else a
//! date shown just after the headline). A UTC timestamp takes the local day of the same moment
//! when a `<time>` shows it. Parsing of the date strings lives in [`crate::dates`]; the dates
//! the page shows are read by [`crate::shown_dates`], its `<time>` elements by
//! [`crate::markup_dates`].

use crate::dates::{date_from_url, days_between, parse_date, parse_timestamp};
use crate::html::Document;
use crate::markup_dates::{local_day, marked_time_value, script_date, unmarked_time_date};
use crate::metadata::MetaTags;
use crate::shown_dates::{Label, ShownDates};

/// Meta keys holding the publication date, most specific first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "published_time",
    "article.published",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "published-date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dc.date.created",
    "dcterms.created",
    "citation_publication_date",
    "citation_date",
    "article_date_original",
    "original-publish-date",
    "published",
    "publication-date",
    "publication_date",
    "article:published",
    "release_date",
    "date",
    "datecreated",
];

/// The schema.org properties among [`DATE_KEYS`] (as `<meta itemprop>` microdata).
const SCHEMA_ORG_KEYS: &[&str] = &["datepublished", "datecreated"];

/// Meta keys holding the last-modified date.
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "last-modified",
    "dcterms.modified",
];

/// The dates a page's JSON-LD gives its main article (raw strings).
#[derive(Debug, Default)]
pub(crate) struct LinkedDates<'page> {
    pub(crate) published: Option<&'page str>,
    pub(crate) modified: Option<&'page str>,
}

/// Picks the publication day of the page, see the module doc. `urls` are the URL the page was
/// fetched from and its canonical URL.
pub(crate) fn choose_date(
    document: &Document,
    html: &str,
    meta: &MetaTags,
    linked: &LinkedDates<'_>,
    urls: [Option<&str>; 2],
) -> Option<String> {
    let linked_published = linked.published.filter(|value| parse_date(value).is_some());
    // JSON-LD dates are ISO 8601 by definition; one written as display text ("Jun 24, 2025")
    // comes from a template, often the CMS's last-publish time, so an earlier publication date
    // the page shows is the better answer.
    if let Some(text) = linked_published.filter(|value| !looks_like_iso(value)) {
        let declared = parse_date(text)?;
        let shown = ShownDates::read(document);
        return shown.earlier_publication(&declared).or(Some(declared));
    }
    let meta_published = DATE_KEYS
        .iter()
        .filter_map(|key| meta.get_meta(key))
        .find(|value| parse_date(value).is_some());
    // Open Graph, Dublin Core and CMS tags declare the publication outside the schema.org
    // graph; `<meta itemprop=datePublished>` is that graph again, as microdata.
    let meta_days: Vec<String> = DATE_KEYS
        .iter()
        .filter(|key| !SCHEMA_ORG_KEYS.contains(key))
        .filter_map(|key| meta.get_meta(key))
        .filter_map(|value| parse_date(&value))
        .collect();
    let published_raw: Option<String> = linked_published
        .map(str::to_owned)
        .or(meta_published)
        .or_else(|| marked_time_value(document))
        .or_else(|| {
            DATE_KEYS
                .iter()
                .filter_map(|key| meta.get_microdata(key))
                .find(|value| parse_date(value).is_some())
        })
        .or_else(|| script_date(html));
    if let Some(raw) = published_raw {
        let declared = parse_date(&raw)?;
        // Every check below weighs the declared dates against those the page shows.
        let shown = ShownDates::read(document);
        // A modified time not after the published one is no edit history: the CMS stamped
        // both when it (re)generated the page, so a publication date the page shows is better
        // evidence. (A post edited a second after publication is a normal new post.)
        let modified_raw = linked
            .modified
            .map(str::to_owned)
            .or_else(|| MODIFIED_KEYS.iter().find_map(|key| meta.get(key)));
        if modified_raw
            .as_deref()
            .is_some_and(|modified| stamped_together(&raw, modified))
        {
            let marked = marked_time_value(document)
                .and_then(|value| parse_date(&value))
                .filter(|day| *day < declared);
            if let Some(day) = marked.or_else(|| shown.earlier_publication(&declared)) {
                return Some(day);
            }
        }
        if !meta_days.contains(&declared) {
            // Other dates the page declares, the modified one first, for a page showing one
            // of them instead of the published day. An update date no tag declares is taken
            // only when no tag contradicts the published one.
            let undeclared_update = meta_days.is_empty();
            let others: Vec<String> = modified_raw
                .as_deref()
                .and_then(parse_date)
                .into_iter()
                .chain(meta_days)
                .collect();
            if let Some(day) = shown_update_day(&shown, &declared, &others, undeclared_update) {
                return Some(day);
            }
        }
        let modified_day = modified_raw.as_deref().and_then(parse_date);
        if let Some(day) = byline_day(document, &shown, &declared, modified_day.as_deref()) {
            return Some(day);
        }
        return local_day(&raw, document);
    }
    let modified = linked.modified.and_then(parse_date).or_else(|| {
        MODIFIED_KEYS
            .iter()
            .find_map(|key| meta.get(key).as_deref().and_then(parse_date))
    });
    let url_date = urls.iter().flatten().find_map(|url| date_from_url(url));
    let shown = ShownDates::read(document);
    if let Some(modified) = modified {
        // Only a modified date is declared. A publication date the page states elsewhere
        // (a `<time>`, the URL, a "Published" dateline) is still the better answer; else the
        // modified date, which is what such pages show as their date.
        return unmarked_time_date(document)
            .or(url_date)
            .or_else(|| shown.published())
            .or(Some(modified));
    }
    // No date metadata: a `<time>`, the URL, an "originally published" date, then a dateline
    // around the headline (a "Published" one first, an "Updated" one last), then a "Published"
    // dateline anywhere, then the first date shown.
    unmarked_time_date(document)
        .or(url_date)
        .or_else(|| shown.first_published())
        .or_else(|| {
            shown.around_headline(&[Label::Published, Label::Unlabelled, Label::Updated], 2000)
        })
        .or_else(|| shown.published())
        .or_else(|| shown.dates.first().map(|date| date.day.clone()))
}

/// The day of the version the page shows, for a page whose reader sees only that: the page
/// nowhere shows the `published` day, and shows as its own date (by the headline, or labelled
/// as an update: a byline "Updated Sep 5, 2024", or the post date itself after a republish) a
/// later day among the `others` it declares, else (when `undeclared_update`) a later "Updated"
/// date by the headline. Called only when no `<meta>` tag agrees with the published day: a lone
/// structured-data `datePublished` is often the CMS record's creation (an SEO plugin's page
/// graph, a post drafted long before), while the date the page presents is its current
/// version's.
fn shown_update_day(
    shown: &ShownDates,
    published: &str,
    others: &[String],
    undeclared_update: bool,
) -> Option<String> {
    if shown.shows(published) {
        return None;
    }
    let later = |day: &String| day.as_str() > published;
    others
        .iter()
        .find(|day| later(day) && shown.shows_as_page_date(day))
        .cloned()
        .or_else(|| {
            undeclared_update
                .then(|| shown.around_headline(&[Label::Updated], 2000))
                .flatten()
                .filter(later)
        })
}

/// The day of the byline, for a page that nowhere shows its declared `published` day: what the
/// reader sees as the page's date, where the declared one is a CMS record's date (a node created
/// years before the article, a migration or republication stamp). The byline date is the
/// `<time>` nearest the headline, else an earlier dateline shown just after it (a date alone in
/// its element within 300 characters: "Ann Lee · 7 min read · Dec 30, 2013"). It must be shown
/// by the headline, not labelled as an update, and more than a day from the declared day (a day
/// apart is a time zone). The declared `modified` day is left to [`shown_update_day`], which
/// trusts it less.
fn byline_day(
    document: &Document,
    shown: &ShownDates,
    published: &str,
    modified: Option<&str>,
) -> Option<String> {
    // A dateline in plain text must be earlier than the declared day: a CMS stamp is later than
    // the publication, while a later date by the headline may be an event's.
    let day = unmarked_time_date(document).or_else(|| {
        shown
            .dateline_by_headline(300)
            .filter(|day| day.as_str() < published)
    })?;
    if Some(day.as_str()) == modified || days_between(published, &day)?.abs() <= 1 {
        return None;
    }
    (!shown.shows(published) && shown.shows_as_publication(&day)).then_some(day)
}

/// True when the modified timestamp is not after the published one (both with times and
/// offsets): no edit can precede the publication, so the two are stamps the CMS wrote together.
fn stamped_together(published: &str, modified: &str) -> bool {
    let moment = |value: &str| parse_timestamp(value).and_then(|stamp| stamp.utc_second);
    matches!((moment(published), moment(modified)), (Some(published), Some(modified)) if modified <= published)
}

/// True for `2024-06-18…`, the form JSON-LD and meta tags are meant to use.
fn looks_like_iso(value: &str) -> bool {
    let bytes = value.trim().as_bytes();
    bytes.len() >= 10 && bytes[..4].iter().all(u8::is_ascii_digit) && bytes[4] == b'-'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::LinkedData;

    /// Chooses the date of `html` (fetched from `url`) and checks it.
    fn check(html: &str, url: Option<&str>, expected: Option<&str>) {
        let document = Document::parse(html);
        let meta = MetaTags::collect(&document);
        let linked = LinkedData::collect(&document);
        let dates = LinkedDates {
            published: linked.date_published.as_deref(),
            modified: linked.date_modified.as_deref(),
        };
        let found = choose_date(&document, html, &meta, &dates, [url, None]);
        assert_eq!(found.as_deref(), expected, "html: {html}");
    }

    #[test]
    fn published_beats_modified_within_a_source() {
        check(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2024-08-19","datePublished":"2024-01-29"}</script>
            <h1>Grain prices</h1><p>By Ann Lee</p>"#,
            None,
            Some("2024-01-29"),
        );
        check(
            r#"<meta property="article:modified_time" content="2024-08-19T10:00:00+00:00">
            <meta property="article:published_time" content="2024-01-29T10:00:00+00:00">"#,
            None,
            Some("2024-01-29"),
        );
    }

    #[test]
    fn page_shows_only_the_modified_day() {
        let linked = r#"<script type="application/ld+json">{"@type":"Article","datePublished":"2021-03-02T09:00:00Z","dateModified":"2024-08-19T10:00:00Z"}</script>"#;
        // The reader sees only the modified day: the page presents its current version.
        check(
            &format!("{linked}<h1>Grain prices</h1><p>By Ann Lee · Updated Aug 19, 2024</p>"),
            None,
            Some("2024-08-19"),
        );
        // Microdata is the same schema.org graph, not a second declaration.
        check(
            &format!(
                r#"{linked}<meta itemprop="datePublished" content="2021-03-02"><h1>Grain prices</h1><p>August 19, 2024</p>"#
            ),
            None,
            Some("2024-08-19"),
        );
        // The published day shown as well: the page keeps its publication date.
        check(
            &format!("{linked}<h1>Grain prices</h1><p>Published March 2, 2021 · Updated August 19, 2024</p>"),
            None,
            Some("2021-03-02"),
        );
        // An Open Graph tag declares the publication a second time.
        check(
            &format!(
                r#"{linked}<meta property="article:published_time" content="2021-03-02T09:00:00Z"><h1>Grain prices</h1><p>Updated August 19, 2024</p>"#
            ),
            None,
            Some("2021-03-02"),
        );
        // The modified day not shown at all.
        check(
            &format!("{linked}<h1>Grain prices</h1><p>Harvest starts on July 1, 2024.</p>"),
            None,
            Some("2021-03-02"),
        );
    }

    #[test]
    fn page_shows_an_update_no_tag_declares() {
        // The byline's update date, though the structured data has another modified date (or
        // the same stamp for both).
        check(
            r#"<script type="application/ld+json">{"@type":"Article","datePublished":"2025-05-19","dateModified":"2025-11-20"}</script>
            <h1>Dishwashers</h1><p>Written by Ann Lee</p><p>Updated August 14, 2025</p>"#,
            None,
            Some("2025-08-14"),
        );
        // An update shown as earlier than the publication is no update of it.
        check(
            r#"<script type="application/ld+json">{"@type":"Article","datePublished":"2025-05-19"}</script>
            <h1>Dishwashers</h1><p>Updated August 14, 2024</p>"#,
            None,
            Some("2025-05-19"),
        );
        // A meta tag that contradicts the structured data leaves the choice to the declared
        // dates: the one the byline shows, else the structured data's.
        let conflicting = r#"<script type="application/ld+json">{"@type":"Article","datePublished":"2024-08-29T10:00:00Z","dateModified":"2025-12-15T12:15:15Z"}</script>
            <meta name="date" content="November 25, 2025">"#;
        check(
            &format!(
                "{conflicting}<h1>Streaming services</h1><p>By Ann Lee Nov 25, 2025 5:00 am</p>"
            ),
            None,
            Some("2025-11-25"),
        );
        check(
            &format!("{conflicting}<h1>Streaming services</h1><p>Last updated: Dec 17, 2025</p>"),
            None,
            Some("2024-08-29"),
        );
        // A meta tag that agrees with it confirms the publication day.
        check(
            r#"<script type="application/ld+json">{"@type":"Article","datePublished":"2024-08-29T10:00:00Z"}</script>
            <meta property="article:published_time" content="2024-08-29T10:00:00Z">
            <h1>Streaming services</h1><p>Updated Dec 17, 2025</p>"#,
            None,
            Some("2024-08-29"),
        );
    }

    #[test]
    fn byline_beats_a_declared_day_the_page_never_shows() {
        let declared = r#"<meta property="article:published_time" content="2013-03-11T11:11:07-07:00">
            <meta property="article:modified_time" content="2026-02-18T07:49:16-08:00">"#;
        check(
            &format!(
                r#"{declared}<h1>Food myths</h1><span class="byline"><time datetime="2023-03-20T00:00:00-07:00">March 20, 2023</time></span>"#
            ),
            None,
            Some("2023-03-20"),
        );
        // The declared day shown elsewhere on the page: it stands.
        check(
            &format!(
                r#"{declared}<h1>Food myths</h1><time datetime="2023-03-20">March 20, 2023</time><p>First written on March 11, 2013.</p>"#
            ),
            None,
            Some("2013-03-11"),
        );
        // A `<time>` labelled as an update, or showing the declared modified day, is no
        // publication date.
        check(
            &format!(
                r#"{declared}<h1>Food myths</h1><p>Last updated: <time datetime="2023-03-20">March 20, 2023</time></p>"#
            ),
            None,
            Some("2013-03-11"),
        );
        check(
            &format!(
                r#"{declared}<h1>Food myths</h1><time datetime="2026-02-18">February 18, 2026</time>"#
            ),
            None,
            Some("2013-03-11"),
        );
        // A byline date in plain text; a date further down is no byline.
        let republished =
            r#"<meta property="article:published_time" content="2024-08-07T12:01:51.460Z">"#;
        check(
            &format!(
                "{republished}<h1>Startup lessons</h1><p>Ann Lee · 7 min read · <span>Dec 30, 2013</span></p>"
            ),
            None,
            Some("2013-12-30"),
        );
        let filler = "word ".repeat(80);
        check(
            &format!("{republished}<h1>Startup lessons</h1><p>{filler}</p><p>Dec 30, 2013</p>"),
            None,
            Some("2024-08-07"),
        );
        // A date in a sentence is no dateline; a later one may be an event's.
        check(
            &format!("{republished}<h1>Startup lessons</h1><p>We launched on Dec 30, 2013.</p>"),
            None,
            Some("2024-08-07"),
        );
        check(
            &format!("{republished}<h1>Startup lessons</h1><p>Demo day</p><p>Oct 30, 2024</p>"),
            None,
            Some("2024-08-07"),
        );
        // A day apart is the site's time zone, not another date.
        check(
            r#"<meta property="article:published_time" content="2021-12-10T02:17:00+00:00">
            <p>Sourdough · <time>December 9, 2021</time></p><h1>Sourdough bread</h1>"#,
            None,
            Some("2021-12-10"),
        );
    }

    #[test]
    fn json_ld_date_written_as_text() {
        // A template's display string in JSON-LD gives way to the date shown by the headline.
        check(
            r#"<script type="application/ld+json">{"@type":"BlogPosting","datePublished":"Nov 05, 2025"}</script>
            <h1>Cleaning costs</h1><p>January 31, 2024</p>"#,
            None,
            Some("2024-01-31"),
        );
        // Without a shown date it is still read; an ISO value is trusted as it is.
        check(
            r#"<script type="application/ld+json">{"@type":"BlogPosting","datePublished":"Nov 05, 2025"}</script>
            <h1>Cleaning costs</h1>"#,
            None,
            Some("2025-11-05"),
        );
        check(
            r#"<script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2025-11-05"}</script>
            <h1>Cleaning costs</h1><p>Prices rose on January 31, 2024, the report says.</p>"#,
            None,
            Some("2025-11-05"),
        );
    }

    #[test]
    fn published_and_modified_stamped_together() {
        let stamped = r#"<meta property="article:published_time" content="2025-11-20T16:02:46Z">
            <meta property="article:modified_time" content="2025-11-20T16:02:46Z">"#;
        check(
            &format!("{stamped}<h1>Short video</h1><p>By Liza Burke, May 14, 2025</p>"),
            None,
            Some("2025-05-14"),
        );
        check(
            &format!("{stamped}<h1>Short video</h1><p>Updated May 14, 2025</p>"),
            None,
            Some("2025-11-20"),
        );
        // Modified before published is the same stamp; a marked `<time>` is a shown
        // publication date.
        check(
            r#"<script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2025-11-29T12:28:31-05:00","dateModified":"2025-11-29T12:28:02-05:00"}</script>
            <h1>Accounting tools</h1><p>Published <time pubdate datetime="2025-08-13">August 13, 2025</time></p>"#,
            None,
            Some("2025-08-13"),
        );
        // A later date in the text is an event it announces, not the publication.
        check(
            &format!(
                "{stamped}<h1>Awards</h1><p>Nominations are open and run through December 31, 2025.</p>"
            ),
            None,
            Some("2025-11-20"),
        );
        assert!(!stamped_together("2025-11-29", "2025-11-29"));
        assert!(!stamped_together(
            "2025-11-29T12:28:31Z",
            "2025-11-29T12:38:31Z"
        ));
    }

    #[test]
    fn meta_tags_beat_microdata_of_listed_items() {
        check(
            r#"<div class="card"><span itemprop="datePublished" content="2026-03-13T12:00:00Z">Mar 13</span></div>
            <meta name="date" content="March 27, 2025">"#,
            None,
            Some("2025-03-27"),
        );
    }

    #[test]
    fn utc_timestamp_keeps_the_local_day_shown() {
        // The meta tag is in UTC (already the next day); the page's `<time>` gives the same
        // moment in the site's time zone.
        check(
            r#"<meta property="article:published_time" content="2025-12-19T03:05:00+00:00">
            <time datetime="2025-12-18T19:05:00-08:00">December 18, 2025</time>"#,
            None,
            Some("2025-12-18"),
        );
        // A different moment is another date, not a time zone shift.
        check(
            r#"<meta property="article:published_time" content="2025-12-19T03:05:00+00:00">
            <time datetime="2025-12-18T09:05:00-08:00">December 18, 2025</time>"#,
            None,
            Some("2025-12-19"),
        );
        // A local timestamp is never shifted.
        check(
            r#"<meta property="article:published_time" content="2024-05-01T23:30:00-04:00">"#,
            None,
            Some("2024-05-01"),
        );
    }

    #[test]
    fn marked_time_elements() {
        check(
            r#"<meta property="article:modified_time" content="2024-04-04T13:09:19+00:00">
            <time class="entry-date published" datetime="2024-04-02T10:20:00+00:00">April 2, 2024</time>"#,
            None,
            Some("2024-04-02"),
        );
        check(
            r#"<time class="entry-date published updated" itemprop="dateModified" datetime="2026-02-16">Feb 16</time>
            <meta property="article:published_time" content="2025-05-14T19:30:03-07:00">"#,
            None,
            Some("2025-05-14"),
        );
    }

    #[test]
    fn time_next_to_the_headline() {
        check(
            r#"<ul class="latest"><li><time datetime="2025-01-31">01/31/2025</time> Other news</li></ul>
            <h1>Candidate experience</h1><div><time datetime="2017-03-01T12:00:00Z">03/01/2017</time></div>"#,
            None,
            Some("2017-03-01"),
        );
    }

    #[test]
    fn only_a_modified_date_declared() {
        // A "Published" dateline on the page beats the declared modified date.
        check(
            r#"<meta property="article:modified_time" content="2025-09-15T15:41:43+00:00">
            <h1>Data platforms</h1><p>Published: January 3, 2024</p>"#,
            None,
            Some("2024-01-03"),
        );
        // Otherwise the modified date is the page's date.
        check(
            r#"<meta property="article:modified_time" content="2025-09-15T15:41:43+00:00">
            <h1>Data platforms</h1><p>Updated September 15, 2025</p>"#,
            None,
            Some("2025-09-15"),
        );
    }

    #[test]
    fn without_metadata() {
        // A `<time>` beats a date the text mentions near the headline.
        check(
            r#"<h1>Filing your taxes</h1><p>The deadline is April 15, 2025.</p>
            <p>Page last modified <time datetime="2025-01-17T13:39:16-0500">Jan. 17, 2025</time></p>"#,
            None,
            Some("2025-01-17"),
        );
        check(
            "<h1>Filing your taxes</h1><p>The deadline is April 15, 2025.</p>",
            Some("https://example.com/2025/01/17/taxes"),
            Some("2025-01-17"),
        );
        // Around the headline, a publication dateline beats an "Updated" one.
        check(
            "<h1>Pest control</h1><p>Updated on: October 28, 2024</p><p>Posted April 26, 2024</p>",
            None,
            Some("2024-04-26"),
        );
        check(
            "<h1>Robot mapping</h1><p>2024-11-06</p>",
            None,
            Some("2024-11-06"),
        );
        check("<h1>No date here</h1>", None, None);
        // "Originally published" beats the later date shown by the byline.
        check(
            "<h1>Tiny homes</h1><p>By Ann Lee 30 Sep 2022</p><p>This article was originally published on 26 Sep 2019.</p>",
            None,
            Some("2019-09-26"),
        );
    }
}
