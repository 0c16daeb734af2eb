//! Which elements are page furniture rather than article: tag names, ARIA roles, hidden markers
//! and class/id names.
//!
//! Main function: [`furniture_kind`], asked by [`crate::content`] for every element before it
//! scores the page. Class and id names are split into words ("related-posts__list" → related,
//! posts, list) so that "sidebar" does not match inside an unrelated longer word, and a name that
//! also says content ("content-sidebar-wrap", "article-body") is not taken for furniture.

use crate::html::Element;

/// How sure a furniture verdict is: [`Furniture::Certain`] always removes; a
/// [`Furniture::ByName`] verdict comes from class/id words and is overruled when the element
/// holds most of the page's paragraph text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Furniture {
    Certain,
    /// Comment threads: removed even when they hold most of the page's text (long threads
    /// under short posts).
    Comments,
    ByName,
    /// Hidden by attribute or inline style: kept when it holds real paragraphs (collapsed
    /// accordions, tabs and streamed server-rendered chunks hide the article itself).
    Hidden,
}

/// Elements that never hold article text.
const FURNITURE_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "button", "select", "input",
    "textarea", "canvas", "video", "audio", "object", "embed", "map", "title", "label", "option",
    "math",
];

/// Page regions that are furniture by their tag, judged like a class name: a page that never
/// closes its `<aside>` or `<nav>` keeps the article inside it, and browsers still show it.
const FURNITURE_REGIONS: &[&str] = &["nav", "aside", "footer", "menu", "dialog"];

const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "complementary",
    "contentinfo",
    "menu",
    "menubar",
    "search",
    "dialog",
    "alertdialog",
    "toolbar",
    "tablist",
];

/// Class/id words naming a comment thread.
const COMMENT_WORDS: &[&str] = &["comment", "comments", "commentlist", "disqus", "respond"];

/// Class/id words naming furniture.
const FURNITURE_WORDS: &[&str] = &[
    "comment",
    "comments",
    "commentlist",
    "respond",
    "disqus",
    "share",
    "sharing",
    "shares",
    "sharedaddy",
    "social",
    "socials",
    "related",
    "relatedposts",
    "recommended",
    "recommendations",
    "sidebar",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adsbygoogle",
    "sponsor",
    "sponsored",
    "promo",
    "promotion",
    "breadcrumb",
    "breadcrumbs",
    "popup",
    "modal",
    "overlay",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "masthead",
    "outbrain",
    "taboola",
    "pagination",
    "pager",
    "toolbar",
    "tags",
    "tagcloud",
    "tag",
    "trending",
    "popular",
    "mostread",
    "banner",
    "sr",
    "screenreader",
    "rating",
    "author",
    "bio",
    "byline",
    "meta",
    "postmeta",
    "entrymeta",
    "dateline",
    "timestamp",
    "header",
    "subheader",
    "tableofcontents",
    "readmore",
    "crumbs",
    "offscreen",
    "paywall",
    "login",
    "copyright",
    "disclaimer",
    "follow",
    "feedback",
    "caption",
    "credit",
    "newsletters",
    "cta",
    "donate",
    "donation",
    "upsell",
    "rail",
    "aside",
    "tooltip",
    "notification",
];

/// Words that mark a main-content container; a class naming both furniture and content is kept.
const CONTENT_WORDS: &[&str] = &[
    "content",
    "article",
    "post",
    "entry",
    "main",
    "body",
    "story",
    "text",
    "articlebody",
    "blog",
    "page",
    "single",
    "prose",
    "richtext",
    "markdown",
];

/// Multi-word furniture names written as one word, matched inside the whole class string.
const FURNITURE_PHRASES: &[&str] = &[
    "related-",
    "-related",
    "relatedarticles",
    "share-",
    "-share",
    "social-",
    "comment-list",
    "comments-",
    "cookie-",
    "newsletter",
    "read-more",
    "more-stories",
    "morestories",
    "recirc",
    "you-may-like",
    "youmaylike",
    "most-popular",
    "mostpopular",
    "sidebar",
];

/// Returns how the element is furniture, if it is.
pub(crate) fn furniture_kind(element: &Element) -> Option<Furniture> {
    let name = element.name.as_str();
    if FURNITURE_TAGS.contains(&name) {
        return Some(Furniture::Certain);
    }
    if FURNITURE_REGIONS.contains(&name) {
        return Some(Furniture::ByName);
    }
    if matches!(name, "html" | "body") {
        return None;
    }
    if element
        .attr("aria-hidden")
        .is_some_and(|value| value.eq_ignore_ascii_case("true"))
    {
        return Some(Furniture::Certain);
    }
    // Hidden elements are usually furniture, but streaming server renderers (React's
    // `<div hidden id="S:0">`) and tabbed layouts keep the article itself in them, so this
    // verdict can be overruled like a name-based one.
    if element.attr("hidden").is_some() {
        return Some(Furniture::Hidden);
    }
    if let Some(style) = element.attr("style") {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return Some(Furniture::Hidden);
        }
    }
    if let Some(role) = element.attr("role") {
        if FURNITURE_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()) {
            return Some(Furniture::Certain);
        }
    }
    if matches!(
        name,
        "article"
            | "main"
            | "p"
            | "h1"
            | "h2"
            | "h3"
            | "li"
            | "a"
            | "span"
            | "em"
            | "strong"
            | "b"
            | "i"
            | "tr"
            | "td"
            | "table"
            | "tbody"
    ) {
        return None;
    }
    let class = element.attr("class").unwrap_or("");
    let id = element.attr("id").unwrap_or("");
    if class.is_empty() && id.is_empty() {
        return None;
    }
    if element
        .attr("itemprop")
        .is_some_and(|prop| prop.eq_ignore_ascii_case("articleBody"))
    {
        return None;
    }
    for class_name in class.split_whitespace().chain(std::iter::once(id)) {
        if class_name.is_empty() {
            continue;
        }
        let class_name = class_name.to_ascii_lowercase();
        // State and layout modifiers ("has-sidebar", "no-comments") describe the page around
        // the element, not the element.
        if ["has-", "with-", "no-", "is-", "show-", "hide-"]
            .iter()
            .any(|prefix| class_name.starts_with(prefix))
        {
            continue;
        }
        let words: Vec<&str> = class_name
            .split(|character: char| !character.is_ascii_alphanumeric())
            .filter(|word| !word.is_empty())
            .collect();
        if words.iter().any(|word| CONTENT_WORDS.contains(word)) {
            continue;
        }
        if words.iter().any(|word| COMMENT_WORDS.contains(word)) {
            return Some(Furniture::Comments);
        }
        if words.iter().any(|word| FURNITURE_WORDS.contains(word))
            || FURNITURE_PHRASES
                .iter()
                .any(|phrase| class_name.contains(phrase))
        {
            return Some(Furniture::ByName);
        }
    }
    None
}

/// True for class/id names that mark an article body container.
pub(crate) fn is_content_container(element: &Element) -> bool {
    if element
        .attr("itemprop")
        .is_some_and(|prop| prop.eq_ignore_ascii_case("articleBody"))
    {
        return true;
    }
    const BODY_NAMES: &[&str] = &[
        "article-body",
        "articlebody",
        "article__body",
        "article-content",
        "article__content",
        "articlecontent",
        "entry-content",
        "entry__content",
        "post-content",
        "post__content",
        "postcontent",
        "post-body",
        "postbody",
        "story-body",
        "storybody",
        "story-content",
        "body-text",
        "article-text",
        "articletext",
        "single-content",
        "content-body",
        "td-post-content",
        "news-content",
        "blog-content",
        "rich-text",
        "main-content",
    ];
    let class = element.attr("class").unwrap_or("");
    let id = element.attr("id").unwrap_or("");
    class
        .split_whitespace()
        .chain(std::iter::once(id))
        .any(|name| BODY_NAMES.contains(&name.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str, attrs: &[(&str, &str)], expected: Option<Furniture>) {
        let element = Element {
            name: name.to_owned(),
            attrs: attrs
                .iter()
                .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
                .collect(),
        };
        assert_eq!(furniture_kind(&element), expected, "{name} {attrs:?}");
    }

    #[test]
    fn furniture_by_tag_role_and_name() {
        check("nav", &[], Some(Furniture::ByName));
        check("script", &[], Some(Furniture::Certain));
        check("div", &[("role", "navigation")], Some(Furniture::Certain));
        check(
            "div",
            &[("style", "display: none")],
            Some(Furniture::Hidden),
        );
        check(
            "div",
            &[("class", "related-posts__list")],
            Some(Furniture::ByName),
        );
        check("section", &[("id", "comments")], Some(Furniture::Comments));
        check("div", &[("class", "content-sidebar-wrap")], None);
        check("div", &[("class", "entry-content clearfix")], None);
        check("div", &[("class", "shadow")], None);
        check("article", &[("class", "post tag-news")], None);
        check("body", &[("class", "has-sidebar")], None);
    }
}
