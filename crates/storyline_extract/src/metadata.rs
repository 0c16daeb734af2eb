//! Article metadata from the parsed page: title, publication date, author, URL, source, language.
//!
//! Main function: [`read_metadata`] over a [`Document`] → [`Metadata`]. Sources, most trusted
//! first: JSON-LD (`<script type="application/ld+json">`, or a `<meta>` holding it as some
//! Next.js sites write it; schema.org Article types), `<meta>` tags (Open Graph, Dublin Core,
//! common CMS names), microdata (`itemprop`), then visible markup (`<h1>`, `<time>`, bylines)
//! and the URL; the headline choice lives in [`crate::title`] and
//! the date choice in [`crate::page_date`]. The date found near the start of the main text is a
//! last resort added by the crate root, which knows the main text.

use rustc_hash::FxHashMap;
use serde_json::Value;

use crate::html::{collapse_whitespace, Document, NodeData};
use crate::page_date::{choose_date, LinkedDates};
use crate::title::{choose_title, registered_domain, TitleChoice};

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Metadata {
    pub(crate) title: Option<String>,
    /// The `<h1>` that shows the headline; the main text leaves it out.
    pub(crate) heading: Option<String>,
    pub(crate) date: Option<String>,
    pub(crate) author: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) source: Option<String>,
    pub(crate) language: Option<String>,
    /// The `<title>` element, kept for error-page detection.
    pub(crate) document_title: Option<String>,
}

/// Meta keys holding the author's name.
const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "citation_author",
];

/// Schema.org types that describe an article page's main entity.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "Review",
    "Recipe",
    "HowTo",
    "MedicalWebPage",
    "Posting",
];

/// Extracts metadata; `page_url` is the URL the page was fetched from, if known.
pub(crate) fn read_metadata(document: &Document, html: &str, page_url: Option<&str>) -> Metadata {
    let meta = MetaTags::collect(document);
    let linked = LinkedData::collect(document);

    let document_title = document
        .elements_named("title")
        .next()
        .map(|(id, _)| document.text_of(id))
        .filter(|title| !title.is_empty());
    let site_name = meta
        .get("og:site_name")
        .or_else(|| linked.publisher.clone());

    let url = document
        .elements_named("link")
        .find(|(_, element)| {
            element
                .attr("rel")
                .is_some_and(|rel| rel.eq_ignore_ascii_case("canonical"))
        })
        .and_then(|(_, element)| element.attr("href"))
        .map(str::trim)
        .filter(|href| href.starts_with("http"))
        .map(str::to_owned)
        .or_else(|| meta.get("og:url").filter(|url| url.starts_with("http")))
        .or_else(|| page_url.map(str::to_owned));

    let source = site_name
        .clone()
        .or_else(|| url.as_deref().or(page_url).and_then(registered_domain));

    let declared: Vec<String> = [
        meta.get("og:title"),
        linked.headline.clone(),
        meta.get("twitter:title"),
        document_title.clone(),
    ]
    .into_iter()
    .flatten()
    // Titles are sometimes escaped twice ("&amp;#x26;" in the markup); decode what is left.
    .map(|title| collapse_whitespace(&crate::entities::decode_entities(&title)))
    .filter(|title| !title.is_empty())
    .collect();
    let TitleChoice { title, heading } =
        choose_title(document, &declared, site_name.as_deref(), url.as_deref());

    let date = choose_date(
        document,
        html,
        &meta,
        &LinkedDates {
            published: linked.date_published.as_deref(),
            modified: linked.date_modified.as_deref(),
        },
        [page_url, url.as_deref()],
    );

    let author = linked
        .author
        .clone()
        .or_else(|| {
            AUTHOR_KEYS
                .iter()
                .find_map(|key| meta.get(key).and_then(|value| clean_author(&value)))
        })
        .or_else(|| byline_author(document));

    let language = document
        .elements_named("html")
        .next()
        .and_then(|(_, element)| element.attr("lang").or_else(|| element.attr("xml:lang")))
        .map(|lang| lang.trim().to_owned())
        .or_else(|| meta.get("content-language"))
        .or_else(|| meta.get("og:locale").map(|locale| locale.replace('_', "-")))
        .filter(|lang| !lang.is_empty());

    Metadata {
        title,
        heading,
        date,
        author,
        url,
        source,
        language,
        document_title,
    }
}

/// The first value of each `<meta>` key (`property`, `name`, `itemprop` or `http-equiv`,
/// lower-cased), and apart from them the `itemprop` values written on other elements
/// (microdata), which may describe a listed item rather than the page.
pub(crate) struct MetaTags {
    meta: FxHashMap<String, String>,
    microdata: FxHashMap<String, String>,
}

impl MetaTags {
    pub(crate) fn collect(document: &Document) -> MetaTags {
        let mut meta = FxHashMap::default();
        let mut microdata = FxHashMap::default();
        for node in &document.nodes {
            let NodeData::Element(element) = &node.data else {
                continue;
            };
            if element.name == "meta" {
                let Some(content) = element.attr("content") else {
                    continue;
                };
                let content = content.trim();
                if content.is_empty() {
                    continue;
                }
                for key_attr in ["property", "name", "itemprop", "http-equiv"] {
                    if let Some(key) = element.attr(key_attr) {
                        meta.entry(key.trim().to_ascii_lowercase())
                            .or_insert_with(|| content.to_owned());
                    }
                }
            } else if let Some(itemprop) = element.attr("itemprop") {
                let key = itemprop.trim().to_ascii_lowercase();
                if let Some(value) = element.attr("datetime").or_else(|| element.attr("content")) {
                    microdata
                        .entry(key)
                        .or_insert_with(|| value.trim().to_owned());
                }
            }
        }
        MetaTags { meta, microdata }
    }

    /// The `<meta>` value of `key`, else its microdata value.
    pub(crate) fn get(&self, key: &str) -> Option<String> {
        self.get_meta(key).or_else(|| self.get_microdata(key))
    }

    pub(crate) fn get_meta(&self, key: &str) -> Option<String> {
        self.meta.get(key).cloned()
    }

    pub(crate) fn get_microdata(&self, key: &str) -> Option<String> {
        self.microdata.get(key).cloned()
    }
}

/// What the page's JSON-LD says about its main article.
#[derive(Debug, Default)]
pub(crate) struct LinkedData {
    headline: Option<String>,
    pub(crate) date_published: Option<String>,
    pub(crate) date_modified: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
}

impl LinkedData {
    pub(crate) fn collect(document: &Document) -> LinkedData {
        let mut objects: Vec<&serde_json::Map<String, Value>> = Vec::new();
        let mut parsed: Vec<Value> = Vec::new();
        for (id, element) in document.elements_named("script") {
            if !element
                .attr("type")
                .is_some_and(|kind| kind.contains("ld+json"))
            {
                continue;
            }
            let Some(&child) = document.nodes[id].children.first() else {
                continue;
            };
            if let NodeData::Text(json) = &document.nodes[child].data {
                if let Ok(value) = serde_json::from_str::<Value>(json.trim()) {
                    parsed.push(value);
                }
            }
        }
        // Some Next.js sites put their JSON-LD in a `<meta name="script:ld+json">` content.
        for (_, element) in document.elements_named("meta") {
            if element
                .attr("name")
                .is_some_and(|name| name.ends_with("ld+json"))
            {
                let json = element.attr("content").unwrap_or("");
                if let Ok(value) = serde_json::from_str::<Value>(json.trim()) {
                    parsed.push(value);
                }
            }
        }
        for value in &parsed {
            gather_objects(value, &mut objects, 0);
        }
        let is_article = |object: &&&serde_json::Map<String, Value>| {
            type_names(object)
                .iter()
                .any(|name| ARTICLE_TYPES.contains(&name.as_str()))
        };
        let main = objects
            .iter()
            .find(is_article)
            .or_else(|| {
                objects
                    .iter()
                    .find(|object| object.contains_key("headline"))
            })
            .or_else(|| {
                objects
                    .iter()
                    .find(|object| object.contains_key("datePublished"))
            });
        let Some(main) = main else {
            return LinkedData::default();
        };
        let publisher = main.get("publisher").and_then(name_of).or_else(|| {
            objects
                .iter()
                .find(|object| type_names(object).iter().any(|name| name == "WebSite"))
                .and_then(|object| object.get("name"))
                .and_then(name_of)
        });
        LinkedData {
            headline: main
                .get("headline")
                .or_else(|| main.get("name"))
                .and_then(string_of),
            date_published: main
                .get("datePublished")
                .or_else(|| main.get("dateCreated"))
                .or_else(|| main.get("uploadDate"))
                .and_then(string_of),
            date_modified: main.get("dateModified").and_then(string_of),
            author: main
                .get("author")
                .or_else(|| main.get("creator"))
                .and_then(authors_of),
            publisher,
        }
    }
}

/// Collects every JSON object in `value` (through arrays and `@graph`), depth-limited.
fn gather_objects<'value>(
    value: &'value Value,
    out: &mut Vec<&'value serde_json::Map<String, Value>>,
    depth: usize,
) {
    if depth > 6 {
        return;
    }
    match value {
        Value::Array(items) => items
            .iter()
            .for_each(|item| gather_objects(item, out, depth + 1)),
        Value::Object(object) => {
            out.push(object);
            for key in [
                "@graph",
                "mainEntity",
                "mainEntityOfPage",
                "itemListElement",
            ] {
                if let Some(inner) = object.get(key) {
                    gather_objects(inner, out, depth + 1);
                }
            }
        }
        _ => {}
    }
}

fn type_names(object: &serde_json::Map<String, Value>) -> Vec<String> {
    match object.get("@type") {
        Some(Value::String(name)) => vec![name.clone()],
        Some(Value::Array(names)) => names
            .iter()
            .filter_map(|name| name.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

fn string_of(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(collapse_whitespace(&crate::entities::decode_entities(text)))
            .filter(|text| !text.is_empty()),
        Value::Array(items) => items.iter().find_map(string_of),
        _ => None,
    }
}

fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::Object(object) => object.get("name").and_then(string_of),
        Value::Array(items) => items.iter().find_map(name_of),
        other => string_of(other),
    }
}

/// Author names from a JSON-LD `author` value, joined with ", ".
fn authors_of(value: &Value) -> Option<String> {
    let mut names: Vec<String> = Vec::new();
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    for item in items {
        // An organisation named as author is the publisher, not a byline.
        if let Value::Object(object) = item {
            if type_names(object).iter().any(|name| name == "Organization") {
                continue;
            }
        }
        if let Some(name) = name_of(item).and_then(|name| clean_author(&name)) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    join_names(&names)
}

/// Joins names the way bylines write them: "A", "A and B", "A, B, and C".
fn join_names(names: &[String]) -> Option<String> {
    match names {
        [] => None,
        [one] => Some(one.clone()),
        [first, second] => Some(format!("{first} and {second}")),
        [rest @ .., last] => Some(format!("{}, and {last}", rest.join(", "))),
    }
}

/// Tidies an author string: drops "By", rejects URLs, handles and over-long text.
fn clean_author(raw: &str) -> Option<String> {
    let mut text = collapse_whitespace(raw);
    for prefix in [
        "by ",
        "By ",
        "BY ",
        "Written by ",
        "Posted by ",
        "Author: ",
        "Autor: ",
        "Par ",
    ] {
        if let Some(rest) = text.strip_prefix(prefix) {
            text = rest.trim().to_owned();
        }
    }
    for prefix in ["Author ", "Written By ", "Posted By "] {
        if let Some(rest) = text.strip_prefix(prefix) {
            text = rest.trim().to_owned();
        }
    }
    let text = text.trim_matches(|character: char| {
        character == ',' || character == '|' || character.is_whitespace()
    });
    let generic = [
        "author",
        "the author",
        "admin",
        "administrator",
        "guest",
        "unknown",
    ];
    if text.is_empty()
        || generic.contains(&text.to_lowercase().as_str())
        || text.contains("://")
        || text.starts_with("www.")
        || text.starts_with('@')
        || text.split_whitespace().count() > 8
    {
        return None;
    }
    Some(text.to_owned())
}

/// The author named in a visible byline: `rel=author` links, `itemprop=author`, or elements whose
/// class says author/byline.
fn byline_author(document: &Document) -> Option<String> {
    for (id, node) in document.nodes.iter().enumerate() {
        let NodeData::Element(element) = &node.data else {
            continue;
        };
        let rel_author = element.name == "a"
            && element
                .attr("rel")
                .is_some_and(|rel| rel.contains("author"));
        let itemprop_author = element
            .attr("itemprop")
            .is_some_and(|prop| prop == "author" || prop == "creator");
        if (rel_author || itemprop_author) && document.subtree_len(id) <= 64 {
            let name_child = document.descendants(id).into_iter().find(|&child| {
                document.element(child).and_then(|e| e.attr("itemprop")) == Some("name")
            });
            let Some(text) = document.short_text_of(name_child.unwrap_or(id), 64) else {
                continue;
            };
            if let Some(name) = clean_author(&text) {
                return Some(name);
            }
        }
    }
    for (id, node) in document.nodes.iter().enumerate() {
        let NodeData::Element(element) = &node.data else {
            continue;
        };
        let Some(class) = element.attr("class").filter(|class| !class.is_empty()) else {
            continue;
        };
        // Runs on every element with a class: no allocation per class token.
        let class = class.to_ascii_lowercase();
        let named_like_author = ["author-name", "byline", "author", "by-author", "writer"]
            .iter()
            .any(|word| {
                class.split(|c: char| c.is_whitespace()).any(|token| {
                    token.strip_suffix(word).is_some_and(|rest| {
                        rest.is_empty() || rest.ends_with("__") || rest.ends_with('-')
                    })
                })
            });
        if named_like_author && !document.has_ancestor_named(id, &["footer", "aside", "nav"]) {
            let Some(text) = document.short_text_of(id, 64) else {
                continue;
            };
            if let Some(name) = clean_author(&text) {
                if text.split_whitespace().count() <= 5 {
                    return Some(name);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(html: &str, expected: Metadata) {
        let document = Document::parse(html);
        let mut found = read_metadata(
            &document,
            html,
            Some("https://www.example.co.uk/2024/06/18/a-story"),
        );
        found.document_title = None;
        found.heading = None;
        assert_eq!(found, expected, "html: {html}");
    }

    #[test]
    fn json_ld_beats_meta() {
        check(
            r#"<html lang="en-GB"><head><title>Big storm hits coast | Example News</title>
            <meta property="og:site_name" content="Example News">
            <meta property="article:published_time" content="2024-06-17T08:00:00Z">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Example"},
              {"@type":"NewsArticle","headline":"Big storm hits coast","datePublished":"2024-06-16T22:00:00-04:00",
               "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chan"}]}]}</script>
            </head><body><h1>Big storm hits coast</h1></body></html>"#,
            Metadata {
                title: Some("Big storm hits coast".into()),
                date: Some("2024-06-16".into()),
                author: Some("Ann Lee and Bo Chan".into()),
                url: Some("https://www.example.co.uk/2024/06/18/a-story".into()),
                source: Some("Example News".into()),
                language: Some("en-GB".into()),
                document_title: None,
                heading: None,
            },
        );
    }

    #[test]
    fn json_ld_in_a_meta_tag() {
        let document = Document::parse(
            r#"<meta name="script:ld+json" content="{&quot;@type&quot;:&quot;Article&quot;,&quot;headline&quot;:&quot;Full EV cars&quot;,&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}">"#,
        );
        let linked = LinkedData::collect(&document);
        assert_eq!(linked.headline.as_deref(), Some("Full EV cars"));
        assert_eq!(
            linked.date_published.as_deref(),
            Some("2025-11-17T09:00:00-05:00")
        );
    }

    #[test]
    fn fallbacks_to_markup_and_url() {
        check(
            r#"<html><head><title>Council votes on budget - Gazette</title>
            <link rel="canonical" href="https://example.co.uk/budget"></head>
            <body><h1>Gazette</h1><span class="byline">By Jo Smith</span></body></html>"#,
            Metadata {
                title: Some("Council votes on budget".into()),
                date: Some("2024-06-18".into()),
                author: Some("Jo Smith".into()),
                url: Some("https://example.co.uk/budget".into()),
                source: Some("example.co.uk".into()),
                language: None,
                document_title: None,
                heading: None,
            },
        );
    }
}
