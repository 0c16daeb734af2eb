//! Article metadata from the parsed page: title, publication date, author, URL, source, language.
//!
//! Main function: [`read_metadata`] over a [`Document`] → [`Metadata`]. Sources, most trusted
//! first: JSON-LD (`<script type="application/ld+json">`, schema.org Article types), `<meta>`
//! tags (Open Graph, Dublin Core, common CMS names), microdata (`itemprop`), then visible markup
//! (`<h1>`, `<time>`, bylines) and the URL. The date found in visible text is added later by the
//! crate root, which knows the main text.

use rustc_hash::FxHashMap;
use serde_json::Value;

use crate::dates::{date_from_url, parse_date};
use crate::html::{collapse_whitespace, Document, NodeData};

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Metadata {
    pub(crate) title: Option<String>,
    pub(crate) date: Option<String>,
    pub(crate) author: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) source: Option<String>,
    pub(crate) language: Option<String>,
    /// The `<title>` element, kept for error-page detection.
    pub(crate) document_title: Option<String>,
}

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
    "date",
    "datecreated",
];

/// Meta keys holding the last-modified date.
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "last-modified",
    "dcterms.modified",
];

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
pub(crate) fn read_metadata(document: &Document, page_url: Option<&str>) -> Metadata {
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

    let title = choose_title(
        document,
        &meta,
        &linked,
        document_title.as_deref(),
        site_name.as_deref(),
        url.as_deref(),
    );

    let published = linked
        .date_published
        .as_deref()
        .and_then(parse_date)
        .or_else(|| {
            DATE_KEYS
                .iter()
                .find_map(|key| meta.get(key).as_deref().and_then(parse_date))
        })
        .or_else(|| marked_time_date(document));
    let modified = linked
        .date_modified
        .as_deref()
        .and_then(parse_date)
        .or_else(|| {
            MODIFIED_KEYS
                .iter()
                .find_map(|key| meta.get(key).as_deref().and_then(parse_date))
        });
    let url_date = page_url
        .and_then(date_from_url)
        .or_else(|| url.as_deref().and_then(date_from_url));
    let (page_text, headline_offsets) = page_text(document);
    let visible = crate::dates::all_datelines(&page_text);
    // The date a reader sees is the one a reference copy records: when the page shows its
    // update date rather than its first publication, the visible one wins, but only if the
    // metadata confirms it (a visible date alone may belong to a teaser or a comment).
    let date = if published.is_some() || modified.is_some() {
        visible
            .iter()
            .map(|(_, date)| date)
            .find(|date| Some(*date) == published.as_ref() || Some(*date) == modified.as_ref())
            .cloned()
            .or(published)
            .or(url_date)
            .or(modified)
    } else {
        // Without metadata, a dateline just around a headline is the publication date.
        let near_headline = visible
            .iter()
            .find(|(position, _)| {
                headline_offsets
                    .iter()
                    .any(|offset| *position + 500 >= *offset && *position <= offset + 2000)
            })
            .map(|(_, date)| date.clone());
        near_headline
            .or_else(|| any_time_date(document))
            .or(url_date)
    };

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
        date,
        author,
        url,
        source,
        language,
        document_title,
    }
}

/// The first value of each `<meta>` key (`property`, `name`, `itemprop` or `http-equiv`,
/// lower-cased), plus `itemprop` values written on other elements.
struct MetaTags {
    values: FxHashMap<String, String>,
}

impl MetaTags {
    fn collect(document: &Document) -> MetaTags {
        let mut values = FxHashMap::default();
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
                        values
                            .entry(key.trim().to_ascii_lowercase())
                            .or_insert_with(|| content.to_owned());
                    }
                }
            } else if let Some(itemprop) = element.attr("itemprop") {
                let key = itemprop.trim().to_ascii_lowercase();
                if let Some(value) = element.attr("datetime").or_else(|| element.attr("content")) {
                    values.entry(key).or_insert_with(|| value.trim().to_owned());
                }
            }
        }
        MetaTags { values }
    }

    fn get(&self, key: &str) -> Option<String> {
        self.values.get(key).cloned()
    }
}

/// What the page's JSON-LD says about its main article.
#[derive(Debug, Default)]
struct LinkedData {
    headline: Option<String>,
    date_published: Option<String>,
    date_modified: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
}

impl LinkedData {
    fn collect(document: &Document) -> LinkedData {
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
        if let Some(name) = name_of(item).and_then(|name| clean_author(&name)) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    (!names.is_empty()).then(|| names.join(", "))
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
    let text = text.trim_matches(|character: char| {
        character == ',' || character == '|' || character.is_whitespace()
    });
    if text.is_empty()
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
        let class = element.attr("class").unwrap_or("").to_ascii_lowercase();
        let named_like_author = ["author-name", "byline", "author", "by-author", "writer"]
            .iter()
            .any(|word| {
                class.split(|c: char| c.is_whitespace()).any(|token| {
                    token == *word
                        || token.ends_with(&format!("__{word}"))
                        || token.ends_with(&format!("-{word}"))
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

/// The date of a `<time>` element marked as the publication time.
fn marked_time_date(document: &Document) -> Option<String> {
    document
        .elements_named("time")
        .filter(|(_, element)| {
            element.attr("pubdate").is_some()
                || element
                    .attr("itemprop")
                    .is_some_and(|prop| prop.contains("datePublished"))
        })
        .find_map(|(id, element)| {
            element.attr("datetime").and_then(parse_date).or_else(|| {
                document
                    .short_text_of(id, 16)
                    .and_then(|text| parse_date(&text))
            })
        })
}

/// The date of the first `<time>` element that has one.
fn any_time_date(document: &Document) -> Option<String> {
    document.elements_named("time").find_map(|(id, element)| {
        element.attr("datetime").and_then(parse_date).or_else(|| {
            document
                .short_text_of(id, 16)
                .and_then(|text| parse_date(&text))
        })
    })
}

/// The visible text of the page (no scripts or styles) and the offsets of its `<h1>`s.
fn page_text(document: &Document) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut headline_offsets = Vec::new();
    let mut stack = vec![0];
    while let Some(id) = stack.pop() {
        match &document.nodes[id].data {
            NodeData::Text(chunk) => {
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
    (text, headline_offsets)
}

/// Picks the headline: an `<h1>` that agrees with the declared titles, else the declared title
/// (Open Graph, JSON-LD, `<title>`) without its site-name suffix.
fn choose_title(
    document: &Document,
    meta: &MetaTags,
    linked: &LinkedData,
    document_title: Option<&str>,
    site_name: Option<&str>,
    url: Option<&str>,
) -> Option<String> {
    let declared: Vec<String> = [
        meta.get("og:title"),
        linked.headline.clone(),
        meta.get("twitter:title"),
        document_title.map(str::to_owned),
    ]
    .into_iter()
    .flatten()
    // Titles are sometimes escaped twice ("&amp;#x26;" in the markup); decode what is left.
    .map(|title| collapse_whitespace(&crate::entities::decode_entities(&title)))
    .filter(|title| !title.is_empty())
    .collect();

    let normalise = |text: &str| {
        text.to_lowercase()
            .replace(['’', '‘'], "'")
            .replace(['“', '”'], "\"")
    };
    let domain = url.and_then(registered_domain);
    let domain_label = domain
        .as_deref()
        .and_then(|domain| domain.split('.').next())
        .map(str::to_owned);
    let stripped: Vec<String> = declared
        .iter()
        .map(|title| strip_site_suffix(title, site_name, domain.as_deref()))
        .collect();
    // An `<h1>` that names the site (blog themes put the site name in one) is not the headline.
    let names_site = |heading_key: &str| {
        let compact: String = heading_key
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        site_name.is_some_and(|site| normalise(site) == heading_key)
            || domain_label
                .as_deref()
                .is_some_and(|label| compact == label)
            || declared.iter().zip(&stripped).any(|(title, kept)| {
                kept != title
                    && normalise(title).contains(heading_key)
                    && !normalise(kept).contains(heading_key)
            })
    };
    let headings: Vec<String> = document
        .elements_named("h1")
        .filter(|(id, element)| {
            let class = format!(
                "{} {}",
                element.attr("class").unwrap_or(""),
                document.nodes[*id]
                    .parent
                    .and_then(|parent| document.element(parent))
                    .and_then(|parent| parent.attr("class"))
                    .unwrap_or("")
            )
            .to_ascii_lowercase();
            !(class.contains("logo") || class.contains("site-title") || class.contains("brand"))
        })
        .map(|(id, _)| document.text_of(id))
        .filter(|text| text.chars().filter(|c| c.is_alphanumeric()).count() >= 4)
        .filter(|text| !names_site(&normalise(text)))
        .take(5)
        .collect();
    for heading in &headings {
        let heading_key = normalise(heading);
        // The same words as a declared title: the declared spelling is the authored one (the
        // `<h1>` is often upper-cased by CSS-era markup or typeset with curly quotes).
        if let Some(title) = stripped
            .iter()
            .find(|title| normalise(title) == heading_key)
        {
            return Some(title.clone());
        }
        if stripped.iter().any(|title| {
            let title_key = normalise(title);
            title_key.contains(&heading_key) || heading_key.contains(&title_key)
        }) {
            return Some(heading.clone());
        }
    }
    // Pages often write a longer or different headline in the `<h1>` than in `<title>`; the
    // visible one is what readers (and our references) call the title.
    if let Some(heading) = headings.first() {
        if heading.split_whitespace().count() >= 2 {
            return Some(heading.clone());
        }
    }
    stripped
        .into_iter()
        .next()
        .or_else(|| headings.first().cloned())
}

/// Removes " | Site", " - Site" (and prefix "Site | ") from a title.
pub(crate) fn strip_site_suffix(
    title: &str,
    site_name: Option<&str>,
    domain: Option<&str>,
) -> String {
    const SEPARATORS: &[&str] = &[
        " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " • ", " / ",
    ];
    let site_key = site_name.map(|name| name.to_lowercase());
    let domain_key = domain.map(|domain| domain.split('.').next().unwrap_or(domain).to_lowercase());
    let looks_like_site = |part: &str| {
        let part_key = part.trim().to_lowercase();
        let compact: String = part_key.chars().filter(|c| c.is_alphanumeric()).collect();
        site_key.as_deref().is_some_and(|site| {
            part_key == site || site.contains(&part_key) || part_key.contains(site)
        }) || domain_key.as_deref().is_some_and(|domain| {
            !compact.is_empty() && (compact.contains(domain) || domain.contains(&compact))
        })
    };
    for separator in SEPARATORS {
        if let Some(position) = title.rfind(separator) {
            let (head, tail) = (&title[..position], &title[position + separator.len()..]);
            if looks_like_site(tail)
                || (tail.split_whitespace().count() <= 3
                    && head.split_whitespace().count() >= 3
                    && !matches!(*separator, " / " | " · "))
            {
                return strip_site_suffix(head.trim(), site_name, domain);
            }
        }
        if let Some(position) = title.find(separator) {
            let (head, tail) = (&title[..position], &title[position + separator.len()..]);
            if looks_like_site(head) && tail.split_whitespace().count() >= 2 {
                return tail.trim().to_owned();
            }
        }
    }
    title.trim().to_owned()
}

/// The registrable domain of a URL: "https://www.news.bbc.co.uk/x" → "bbc.co.uk".
pub(crate) fn registered_domain(url: &str) -> Option<String> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = after_scheme.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, host)| host);
    let host = host
        .split(':')
        .next()?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    if host.is_empty() || !host.contains('.') || host.parse::<std::net::Ipv4Addr>().is_ok() {
        return None;
    }
    let labels: Vec<&str> = host.split('.').collect();
    let n_labels = labels.len();
    // Second-level registries under country codes ("co.uk", "com.au") need three labels.
    let second_level = [
        "co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "go", "gv",
    ];
    let take = if n_labels >= 3
        && labels[n_labels - 1].len() == 2
        && second_level.contains(&labels[n_labels - 2])
    {
        3
    } else {
        2
    };
    Some(labels[n_labels.saturating_sub(take)..].join("."))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(html: &str, expected: Metadata) {
        let document = Document::parse(html);
        let mut found = read_metadata(
            &document,
            Some("https://www.example.co.uk/2024/06/18/a-story"),
        );
        found.document_title = None;
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
                author: Some("Ann Lee, Bo Chan".into()),
                url: Some("https://www.example.co.uk/2024/06/18/a-story".into()),
                source: Some("Example News".into()),
                language: Some("en-GB".into()),
                document_title: None,
            },
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
            },
        );
    }

    #[test]
    fn site_suffixes() {
        assert_eq!(
            strip_site_suffix("A long story title | The Daily", None, None),
            "A long story title"
        );
        assert_eq!(
            strip_site_suffix("Story title here - example.com", None, Some("example.com")),
            "Story title here"
        );
        assert_eq!(
            strip_site_suffix("Example: Story in full", Some("Example"), None),
            "Example: Story in full"
        );
        assert_eq!(
            strip_site_suffix("Example News » Story in full", Some("Example News"), None),
            "Story in full"
        );
        assert_eq!(
            strip_site_suffix("Pros - and cons", None, None),
            "Pros - and cons"
        );
        assert_eq!(
            registered_domain("https://user@news.bbc.co.uk:80/x").as_deref(),
            Some("bbc.co.uk")
        );
        assert_eq!(registered_domain("not a url"), None);
    }
}
