//! The article's headline: which `<h1>` or declared title to trust, and how to strip the site
//! name from a `<title>` ("Storm hits coast | Daily Example" → "Storm hits coast").
//!
//! Main function: [`choose_title`], called by [`crate::metadata`] with the declared titles it
//! collected; it returns a [`TitleChoice`] (the headline, and the `<h1>` showing it, which the
//! main text leaves out). An `<h1>` wins when it agrees with a declared title (then the declared
//! spelling is kept when only case or quote style differ), or when it is the page's only real
//! headline; an `<h1>` that names the site (blog themes put the site name there) or shares no
//! word with any declared title (a section label such as "Contact Us") is skipped. A `<time>`
//! inside the `<h1>` and a "Label:" prefix in its own element are not part of the headline.

use crate::html::{collapse_whitespace, Document, NodeData};

/// The chosen headline and the visible `<h1>` that shows it (left out of the main text).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct TitleChoice {
    pub(crate) title: Option<String>,
    /// The whole text of the headline `<h1>`, as the main text would render it.
    pub(crate) heading: Option<String>,
}

/// One `<h1>`: its whole text, and the headline in it (without a `<time>` the theme put inside).
struct Heading {
    id: usize,
    whole: String,
    headline: String,
}

/// Picks the headline from the page's `<h1>`s and its declared titles (Open Graph, JSON-LD,
/// Twitter card, `<title>`, most trusted first), see the module doc.
pub(crate) fn choose_title(
    document: &Document,
    declared: &[String],
    site_name: Option<&str>,
    url: Option<&str>,
) -> TitleChoice {
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
        let compact = compact(heading_key);
        site_name.is_some_and(|site| normalise(site) == heading_key)
            || domain_label
                .as_deref()
                .is_some_and(|label| compact == label)
            || domain
                .as_deref()
                .is_some_and(|domain| compact == self::compact(domain))
            || declared.iter().zip(&stripped).any(|(title, kept)| {
                kept != title
                    && normalise(title).contains(heading_key)
                    && !normalise(kept).contains(heading_key)
            })
    };
    let headings: Vec<Heading> = document
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
        .map(|(id, _)| Heading {
            id,
            whole: document.text_of(id),
            headline: headline_text(document, id),
        })
        .filter(|heading| {
            heading
                .headline
                .chars()
                .filter(|c| c.is_alphanumeric())
                .count()
                >= 4
        })
        .filter(|heading| !names_site(&normalise(&heading.headline)))
        .take(5)
        .collect();
    let chosen = |title: &str, heading: &Heading| TitleChoice {
        title: Some(title.to_owned()),
        heading: Some(heading.whole.clone()),
    };
    for heading in &headings {
        let heading_key = normalise(&heading.headline);
        // The same words as a declared title: the declared spelling is the authored one (the
        // `<h1>` is often upper-cased by CSS-era markup or typeset with curly quotes). Both
        // spellings were measured on the dev set; the references follow neither consistently.
        if let Some(title) = stripped
            .iter()
            .find(|title| normalise(title) == heading_key)
        {
            return chosen(title, heading);
        }
        // One contains the other (a fragment of the title does not count, see `is_fragment`).
        if let Some(title) = stripped.iter().find(|title| {
            let title_key = normalise(title);
            (title_key.contains(&heading_key) && !is_fragment(&heading.headline, title))
                || heading_key.contains(&title_key)
        }) {
            // "<strong>Blog:</strong> Headline": a section label the theme set in its own
            // element before the headline.
            if let Some(label) = normalise(&heading.headline).strip_suffix(&normalise(title)) {
                let label = label.trim_end();
                let own_element = document
                    .descendants(heading.id)
                    .into_iter()
                    .filter(|&node| document.element(node).is_some())
                    .any(|node| normalise(&document.text_of(node)) == label);
                if label.ends_with(':') && label.split_whitespace().count() <= 2 && own_element {
                    return chosen(title, heading);
                }
            }
            return chosen(&heading.headline, heading);
        }
    }
    if let Some(heading) = headings.first() {
        // An `<h1>` that shares no word with any declared title is a section label ("Contact
        // Us", "Our Blog", "M&A Updates") or a pull quote, a fragment of the title is a name or
        // a section heading, and one of more than 25 words is a paragraph set in an `<h1>`:
        // none is this page's headline.
        let unrelated = !stripped.is_empty()
            && stripped
                .iter()
                .all(|title| !shares_a_word(&heading.headline, title));
        let n_words = heading.headline.split_whitespace().count();
        let fragment = stripped
            .iter()
            .any(|title| is_fragment(&heading.headline, title));
        if unrelated || fragment || (n_words > 25 && !stripped.is_empty()) {
            return TitleChoice {
                title: stripped.first().cloned(),
                heading: Some(heading.whole.clone()),
            };
        }
        // Pages often write a longer or different headline in the `<h1>` than in `<title>`;
        // the visible one is what readers (and our references) call the title.
        if n_words >= 2 {
            return chosen(&heading.headline, heading);
        }
    }
    TitleChoice {
        title: stripped
            .into_iter()
            .next()
            .or_else(|| headings.first().map(|heading| heading.headline.clone())),
        heading: None,
    }
}

/// True when `heading` lies inside `title` but not at its start (as a shortened headline does)
/// and has less than half its words: a name or a section heading from the body, not the
/// headline.
fn is_fragment(heading: &str, title: &str) -> bool {
    let (heading_key, title_key) = (normalise(heading), normalise(title));
    title_key.contains(&heading_key)
        && !title_key.starts_with(&heading_key)
        && 2 * heading.split_whitespace().count() < title.split_whitespace().count()
}

/// Lower case with curly quotes made straight: the key two spellings of a headline share.
fn normalise(text: &str) -> String {
    text.to_lowercase()
        .replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
}

/// Letters and digits only: `davidbau.com` and `DavidBau com` share the key `davidbaucom`.
fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The text of `<h1>` `id` without the `<time>` elements inside it: themes put the post date
/// in the heading (`<h1><time>Dec 18 2025</time> Title</h1>`).
fn headline_text(document: &Document, id: usize) -> String {
    let mut raw = String::new();
    let mut stack = vec![id];
    while let Some(node) = stack.pop() {
        match &document.nodes[node].data {
            NodeData::Text(text) => raw.push_str(text),
            NodeData::Element(element) if element.name == "time" && node != id => continue,
            NodeData::Element(element) if element.name == "br" => raw.push(' '),
            _ => {}
        }
        stack.extend(document.nodes[node].children.iter().rev());
    }
    // Some pages escape the headline twice (`&amp;#x26;` in the markup); decode what is left.
    if raw.contains('&') {
        raw = crate::entities::decode_entities(&raw).into_owned();
    }
    collapse_whitespace(&raw)
}

/// True when `first` and `second` have a word of three or more letters in common.
fn shares_a_word(first: &str, second: &str) -> bool {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|word| word.chars().count() >= 3)
            .map(str::to_lowercase)
            .collect()
    };
    let second = words(second);
    words(first).iter().any(|word| second.contains(word))
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
    // "example.com Headline": the domain written before the headline with only a space.
    if let Some(rest) = domain.and_then(|domain| {
        let head = title.get(..domain.len())?;
        let rest = title.get(domain.len()..)?;
        (head.eq_ignore_ascii_case(domain) && rest.starts_with(' ')).then_some(rest.trim())
    }) {
        if rest.split_whitespace().count() >= 2 {
            return strip_site_suffix(rest, site_name, None);
        }
    }
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

/// The registrable domain of a URL: `https://www.news.bbc.co.uk/x` → `bbc.co.uk`.
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

    /// Chooses the title of `html` with `declared` titles and checks it.
    fn check(html: &str, declared: &[&str], expected: Option<&str>) {
        let document = Document::parse(html);
        let declared: Vec<String> = declared.iter().map(|title| title.to_string()).collect();
        let choice = choose_title(
            &document,
            &declared,
            Some("Daily Example"),
            Some("https://example.com/news/story"),
        );
        assert_eq!(choice.title.as_deref(), expected, "html: {html}");
    }

    #[test]
    fn headline_choice() {
        // The `<h1>` agrees with the declared title: the declared spelling is kept.
        check(
            "<h1>Council Approves Budget</h1>",
            &["Council approves budget | Daily Example"],
            Some("Council approves budget"),
        );
        // A different wording in the `<h1>` is the visible headline.
        check(
            "<h1>Council passes new budget</h1>",
            &["Council approves budget"],
            Some("Council passes new budget"),
        );
        // Without declared titles the `<h1>` is all there is.
        check(
            "<h1>Council approves budget</h1>",
            &[],
            Some("Council approves budget"),
        );
    }

    #[test]
    fn heading_sharing_no_word_is_a_section_label() {
        check(
            "<h1>Contact Us</h1><h2>Council approves budget</h2>",
            &["Council approves budget"],
            Some("Council approves budget"),
        );
        check(
            "<h1>Our blog</h1>",
            &["Council approves budget - Daily Example"],
            Some("Council approves budget"),
        );
    }

    #[test]
    fn date_and_label_inside_heading() {
        check(
            r#"<h1><a href="/x"><time datetime="2025-12-18">Dec 18 2025</time> Council approves budget</a></h1>"#,
            &["Council approves budget"],
            Some("Council approves budget"),
        );
        // Browsers end an unclosed `<h1>` at the next heading, so the dateline is not in it.
        check(
            r#"<h1>Council approves budget<h3>Posted on July 1, 2024 by admin</h3>"#,
            &["Council approves budget - Daily Example"],
            Some("Council approves budget"),
        );
        check(
            "<h1><strong>Blog:</strong> Council approves budget</h1>",
            &["Council approves budget"],
            Some("Council approves budget"),
        );
        // A label typed into the headline itself stays.
        check(
            "<h1>Budget: council approves new spending</h1>",
            &["Council approves new spending"],
            Some("Budget: council approves new spending"),
        );
    }

    #[test]
    fn paragraph_in_heading_and_double_escaping() {
        let paragraph = "Learn which home renovations have the best return on investment and get \
            expert tips on how to understand and calculate the value of each project before you \
            start, so you can plan with confidence";
        check(
            &format!("<h1>{paragraph}</h1>"),
            &["Best renovation projects for your home"],
            Some("Best renovation projects for your home"),
        );
        check(
            "<h1>Tools for data: Python, SQL &amp;#x26; AI</h1>",
            &[],
            Some("Tools for data: Python, SQL & AI"),
        );
    }

    #[test]
    fn fragment_of_the_title_is_not_the_headline() {
        check(
            "<h1>Cursor, Discord</h1>",
            &["How we got into Vercel, Cursor, Discord and hundreds of other companies"],
            Some("How we got into Vercel, Cursor, Discord and hundreds of other companies"),
        );
        // A shortened headline starts the title.
        check(
            "<h1>restaurant</h1>",
            &["RESTAURANT Definition & Meaning of the word"],
            Some("restaurant"),
        );
    }

    #[test]
    fn site_name_heading_is_skipped() {
        check(
            "<h1>example.com</h1>",
            &["example.com Council approves budget"],
            Some("Council approves budget"),
        );
        check(
            "<h1>Daily Example</h1><h1>Council approves budget today</h1>",
            &["Council approves budget"],
            Some("Council approves budget today"),
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
