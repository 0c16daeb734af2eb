//! The article's headline: which `<h1>` or declared title to trust, and how to strip the site
//! name from a `<title>` ("Storm hits coast | Daily Example" → "Storm hits coast").
//!
//! Main function: [`choose_title`], called by [`crate::metadata`] with the declared titles it
//! collected. An `<h1>` wins when it agrees with a declared title (then the declared spelling is
//! kept when only case or quote style differ), or when it is the page's only real headline; an
//! `<h1>` that names the site (blog themes put the site name there) is skipped.

use crate::html::Document;

/// Picks the headline from the page's `<h1>`s and its declared titles (Open Graph, JSON-LD,
/// Twitter card, `<title>`, most trusted first), see the module doc.
pub(crate) fn choose_title(
    document: &Document,
    declared: &[String],
    site_name: Option<&str>,
    url: Option<&str>,
) -> Option<String> {
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
