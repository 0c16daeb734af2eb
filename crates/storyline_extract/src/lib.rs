//! Extraction: an HTML page (bytes + declared charset) → main text and metadata ([`Page`]).
//!
//! CONTRACT (used by storyline_pipeline; keep the signatures): `extract(bytes, declared_charset,
//! url, &config)` → `Ok(Page)` for an article, `Err(ExtractError)` for a page that is not one.
//!
//! The page goes through four steps, one module each: `decode` picks the charset and decodes
//! to UTF-8; `html` parses the text into a tree (forgiving, bounded depth); `metadata` reads
//! title, date, author, URL, source and language; `content` finds the article container and
//! renders its text. Text layout: blocks (paragraphs, headings, list items, table rows) are
//! separated by one blank line (`\n\n`); a `<br>` inside a block is a single `\n`.
//!
//! Work per page is bounded: at most [`ExtractConfig::max_input_bytes`] of the page are parsed.
//!
//! ```
//! use storyline_extract::{extract, ExtractConfig};
//!
//! let html = br#"<html lang="en"><head><title>Storm hits coast | Daily Example</title>
//!   <meta property="article:published_time" content="2024-06-18T09:00:00Z"></head>
//!   <body><nav><a href="/">Home</a></nav><article><h1>Storm hits coast</h1>
//!   <p>A storm hit the coast on Tuesday, cutting power to thousands of homes and closing roads.</p>
//!   <p>Crews worked through the night, and most homes had power again by Wednesday morning.</p>
//!   </article><footer>&copy; Daily Example</footer></body></html>"#;
//! let page = extract(html, None, Some("https://example.com/storm"), &ExtractConfig::default()).unwrap();
//! assert_eq!(page.title.as_deref(), Some("Storm hits coast"));
//! assert_eq!(page.date.as_deref(), Some("2024-06-18"));
//! assert!(page.text.starts_with("A storm hit the coast"));
//! assert!(page.text.contains("\n\nCrews worked"));
//! assert!(!page.text.contains("Home"));
//! ```

mod boilerplate;
mod content;
mod dates;
mod decode;
mod entities;
mod html;
mod markup_dates;
mod metadata;
mod mojibake;
mod page_date;
mod shown_dates;
mod title;
mod tokenizer;

use html::Document;

/// Switches for extraction.
#[derive(Debug, Clone)]
pub struct ExtractConfig {
    /// Only this many bytes of a page are decoded and parsed; the rest is ignored.
    pub max_input_bytes: usize,
    /// A main text with fewer letters and digits than this is [`ExtractError::TooShort`].
    pub min_text_chars: usize,
}

impl Default for ExtractConfig {
    fn default() -> ExtractConfig {
        ExtractConfig {
            max_input_bytes: 5 * 1024 * 1024,
            min_text_chars: 50,
        }
    }
}

/// What extraction found in a page. `text` holds paragraphs separated by blank lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub title: Option<String>,
    /// Publication date, ISO 8601 (`YYYY-MM-DD` or full timestamp).
    pub date: Option<String>,
    pub author: Option<String>,
    /// Canonical URL when the page names one, else the URL it was fetched from.
    pub url: Option<String>,
    /// Site name or registered domain.
    pub source: Option<String>,
    pub language: Option<String>,
    pub text: String,
}

/// Why a page did not become an article.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractError {
    #[error("page has no main text")]
    Empty,
    #[error("bytes are not an HTML page ({reason})")]
    NotHtml { reason: &'static str },
    #[error("page is an error page ({title:?})")]
    ErrorPage { title: String },
    #[error("page is a paywall or login stub")]
    Paywall,
    #[error("main text too short ({chars} letters and digits, need {min})")]
    TooShort { chars: usize, min: usize },
}

pub type Result<T> = std::result::Result<T, ExtractError>;

/// Extracts the main text and metadata of one page.
pub fn extract(
    bytes: &[u8],
    declared_charset: Option<&str>,
    url: Option<&str>,
    config: &ExtractConfig,
) -> Result<Page> {
    let bytes = &bytes[..bytes.len().min(config.max_input_bytes)];
    if let Some(reason) = binary_reason(bytes) {
        return Err(ExtractError::NotHtml { reason });
    }
    let (html_text, _encoding) = decode::decode_page(bytes, declared_charset);
    if !looks_like_markup(&html_text) {
        return Err(ExtractError::NotHtml {
            reason: "no HTML tags",
        });
    }
    let document = Document::parse(&html_text);
    let metadata = metadata::read_metadata(&document, &html_text, url);
    let shown_headline = metadata.heading.as_deref().or(metadata.title.as_deref());
    let found = content::main_text(&document, shown_headline);
    let text = mojibake::fix_mojibake(&found.text).into_owned();
    let text_chars = text
        .chars()
        .filter(|character| character.is_alphanumeric())
        .count();

    if text_chars < 1500 {
        if let Some(title) = error_title(&metadata, &document) {
            return Err(ExtractError::ErrorPage { title });
        }
        if is_paywall_stub(&document) {
            return Err(ExtractError::Paywall);
        }
    }
    if text_chars == 0 {
        return Err(ExtractError::Empty);
    }
    if text_chars < config.min_text_chars {
        return Err(ExtractError::TooShort {
            chars: text_chars,
            min: config.min_text_chars,
        });
    }
    let date = metadata.date.clone().or_else(|| visible_date(&text));
    Ok(Page {
        title: metadata
            .title
            .map(|title| mojibake::fix_mojibake(&title).into_owned()),
        date,
        author: metadata
            .author
            .map(|author| mojibake::fix_mojibake(&author).into_owned()),
        url: metadata.url,
        source: metadata.source,
        language: metadata.language,
        text,
    })
}

/// Names the kind of binary file `bytes` is, if it is one.
fn binary_reason(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "PDF document"),
        (b"PK\x03\x04", "zip archive"),
        (b"\x89PNG", "PNG image"),
        (b"GIF8", "GIF image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"\x1f\x8b", "gzip data"),
        (b"RIFF", "RIFF media"),
        (b"\x00\x00\x00", "binary data"),
    ];
    if let Some((_, reason)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(reason);
    }
    let sample = &bytes[..bytes.len().min(2048)];
    // UTF-16 pages carry NULs legitimately; a BOM announces them.
    let utf16 = sample.starts_with(b"\xff\xfe") || sample.starts_with(b"\xfe\xff");
    let controls = sample
        .iter()
        .filter(|&&byte| byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    (!utf16 && controls * 20 > sample.len()).then_some("binary data")
}

/// True if `text` holds at least one HTML tag near its start.
fn looks_like_markup(text: &str) -> bool {
    const TAGS: &[&[u8]] = &[
        b"<html",
        b"<body",
        b"<p",
        b"<div",
        b"<head",
        b"<!doctype",
        b"<article",
        b"<title",
        b"<meta",
        b"<span",
        b"<br",
        b"<h1",
        b"<table",
    ];
    let head = &text.as_bytes()[..text.len().min(65_536)];
    memchr::memchr_iter(b'<', head).any(|start| {
        TAGS.iter().any(|tag| {
            head.get(start..start + tag.len())
                .is_some_and(|window| window.eq_ignore_ascii_case(tag))
        })
    })
}

/// The title of an error page ("404 Not Found", "Page not found"), if the page is one.
fn error_title(metadata: &metadata::Metadata, document: &Document) -> Option<String> {
    let headings = document
        .elements_named("h1")
        .take(2)
        .map(|(id, _)| document.text_of(id));
    metadata
        .document_title
        .iter()
        .cloned()
        .chain(headings)
        .find(|title| is_error_title(title))
}

/// Whether a title says "error page": one of its parts (split at the separators sites put
/// between headline and site name) names an error and holds nothing but error words. A
/// headline that merely contains "404" or "not found" ("Floods kill 404 in Kerala", "Not
/// found guilty, says jury") is not one.
fn is_error_title(title: &str) -> bool {
    const ERROR_PHRASES: &[&str] = &[
        "404",
        "not found",
        "does not exist",
        "doesn't exist",
        "be found",
        "403",
        "forbidden",
        "access denied",
        "internal server error",
        "service unavailable",
        "bad gateway",
        "nothing found",
        "no longer available",
        "error 500",
        "nicht gefunden",
        "introuvable",
        "no encontrada",
    ];
    const ERROR_WORDS: &[&str] = &[
        "403",
        "404",
        "410",
        "500",
        "502",
        "503",
        "error",
        "http",
        "page",
        "not",
        "found",
        "does",
        "doesn",
        "t",
        "exist",
        "exists",
        "cannot",
        "can",
        "be",
        "the",
        "this",
        "that",
        "oops",
        "sorry",
        "forbidden",
        "access",
        "denied",
        "internal",
        "server",
        "service",
        "unavailable",
        "bad",
        "gateway",
        "nothing",
        "no",
        "longer",
        "available",
        "file",
        "requested",
        "we",
        "couldn",
        "could",
        "find",
        "it",
        "is",
        "seite",
        "nicht",
        "gefunden",
        "introuvable",
        "página",
        "encontrada",
    ];
    let lower = title.to_lowercase();
    lower
        .split(['|', '–', '—', '-', '·', ':', '«', '»'])
        .any(|part| {
            let mut words = part
                .split(|c: char| !c.is_alphanumeric())
                .filter(|word| !word.is_empty())
                .peekable();
            words.peek().is_some()
                && words.all(|word| ERROR_WORDS.contains(&word))
                && ERROR_PHRASES.iter().any(|phrase| part.contains(phrase))
        })
}

/// True for a page that only invites the reader to subscribe or log in.
fn is_paywall_stub(document: &Document) -> bool {
    const PAYWALL_PHRASES: &[&str] = &[
        "subscribe to continue reading",
        "subscribe to read",
        "to continue reading",
        "subscribers only",
        "for subscribers only",
        "already a subscriber",
        "log in to continue",
        "sign in to continue",
        "to read the full article",
        "to read the full story",
        "this content is for subscribers",
        "exclusive to subscribers",
        "become a member to read",
        "register to continue reading",
        "create a free account to continue",
    ];
    let body = document
        .elements_named("body")
        .next()
        .map_or(0, |(id, _)| id);
    let text = document.text_of(body).to_lowercase();
    PAYWALL_PHRASES.iter().any(|phrase| text.contains(phrase))
}

/// A date written near the start of the main text ("Posted on March 4, 2023").
fn visible_date(text: &str) -> Option<String> {
    let start: String = text.chars().take(400).collect();
    dates::find_dateline(&start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(html: &str, expected: std::result::Result<&str, &str>) {
        let found = extract(
            html.as_bytes(),
            None,
            Some("https://example.com/a"),
            &ExtractConfig::default(),
        );
        match (found, expected) {
            (Ok(page), Ok(text)) => assert_eq!(page.text, text),
            (Err(error), Err(kind)) => {
                assert!(
                    format!("{error:?}").starts_with(kind),
                    "{error:?} is not {kind}"
                )
            }
            (found, expected) => panic!("got {found:?}, expected {expected:?}"),
        }
    }

    const BODY: &str = "The council voted on Tuesday to approve the new budget, which raises spending on schools and roads across the city.";

    #[test]
    fn article_and_non_articles() {
        check(&format!("<p>{BODY}</p>"), Ok(BODY));
        check("", Err("NotHtml"));
        check("%PDF-1.4 binary", Err("NotHtml"));
        check("just some words", Err("NotHtml"));
        check("<html><body></body></html>", Err("Empty"));
        check(
            "<html><body><p>Too short.</p></body></html>",
            Err("TooShort"),
        );
        check("<title>404 Not Found</title><h1>Not Found</h1><p>The requested URL was not found on this server.</p>", Err("ErrorPage"));
        check(
            "<title>Budget news</title><article><p>The council voted on the budget.</p><p>Subscribe to continue reading.</p></article>",
            Err("Paywall"),
        );
    }

    #[test]
    fn error_titles_are_told_from_headlines_that_mention_errors() {
        for title in [
            "404 Not Found",
            "Page not found | Example News",
            "Error 404 - Example Daily",
            "Oops! That page can’t be found. – Example",
            "403 Forbidden",
            "Seite nicht gefunden",
        ] {
            assert!(is_error_title(title), "{title}");
        }
        for title in [
            "Floods kill 404 in Kerala | Example News",
            "Not found guilty, jury clears mayor",
            "Missing hikers found alive: rescuers",
            "Budget passes",
        ] {
            assert!(!is_error_title(title), "{title}");
        }
    }

    #[test]
    fn visible_dateline_when_no_metadata() {
        let html =
            format!("<article><h1>Budget passes</h1><span class=post-date>March 4, 2023</span><p>{BODY}</p></article>");
        let page =
            extract(html.as_bytes(), None, None, &ExtractConfig::default()).expect("article");
        assert_eq!(page.date.as_deref(), Some("2023-03-04"));
    }
}
