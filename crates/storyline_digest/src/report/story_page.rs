//! One story's page of the report: its digest (timeline, sources, copy families as an
//! inline SVG, summary, disagreements, entities) and every article's cleaned text, with
//! what cleaning removed behind a `<details>`.
//!
//! Input is one [`StoryRecord`] plus the run's [`ArticleRecord`]s and [`CopyRecord`]s by
//! id; output is the HTML of `story/<n>.html`. Articles are anchored as `#a<k>` (k = the
//! article's position in the story), so ids never need to be valid HTML ids.

use std::fmt::Write as _;

use rustc_hash::FxHashMap;
use storyline_core::output::{ArticleRecord, CopyRecord};

use super::html::{count, escape, page_end, page_start};
use super::{date_span, story_title};
use crate::{EntityKind, Family, StoryRecord};

/// Anchors and labels of the story's articles.
struct Anchors<'s> {
    anchor_of: FxHashMap<&'s str, usize>,
}

impl Anchors<'_> {
    /// A link to an article on this page, or its escaped id when it is not in the story.
    fn link(&self, id: &str) -> String {
        match self.anchor_of.get(id) {
            Some(position) => format!("<a href=\"#a{position}\">{}</a>", escape(id)),
            None => escape(id),
        }
    }

    fn links(&self, ids: &[String]) -> String {
        ids.iter()
            .map(|id| self.link(id))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

pub(super) fn render(
    story: &StoryRecord,
    article_by_id: &FxHashMap<&str, &ArticleRecord>,
    copies_by_copy: &FxHashMap<&str, Vec<&CopyRecord>>,
) -> String {
    let digest = &story.digest;
    let title = story_title(story);
    let anchors = Anchors {
        anchor_of: story
            .articles
            .iter()
            .enumerate()
            .map(|(i, id)| (id.as_str(), i))
            .collect(),
    };
    let mut out = String::with_capacity(16_384);
    page_start(&mut out, &format!("{title} — storyline"), "digest");
    let _ = write!(
        out,
        "<header>\n<nav aria-label=\"Report\"><a href=\"../index.html\">← All stories</a></nav>\n<h1>{}</h1>\n",
        escape(&title)
    );
    let mut meta = vec![
        format!("Story {}", story.story),
        count("article", story.articles.len()),
        count("source", digest.sources.len()),
    ];
    if let Some(span) = date_span(story) {
        meta.push(span);
    }
    let _ = write!(
        out,
        "<p class=\"meta\">{}</p>\n</header>\n<main id=\"digest\">\n",
        escape(&meta.join(" · "))
    );

    summary_section(&mut out, story, &anchors);
    timeline_section(&mut out, story, &anchors);
    sources_section(&mut out, story);
    families_section(&mut out, story, &anchors);
    disagreements_section(&mut out, story, &anchors);
    entities_section(&mut out, story, &anchors);
    articles_section(&mut out, story, article_by_id, copies_by_copy, &anchors);

    out.push_str("</main>\n");
    page_end(&mut out);
    out
}

fn summary_section(out: &mut String, story: &StoryRecord, anchors: &Anchors<'_>) {
    out.push_str("<section aria-labelledby=\"h-summary\">\n<h2 id=\"h-summary\">Summary</h2>\n");
    if story.digest.summary.is_empty() {
        out.push_str("<p class=\"meta\">No sentence could be taken for a summary.</p>\n");
    } else {
        out.push_str("<ol>\n");
        for sentence in &story.digest.summary {
            let _ = writeln!(
                out,
                "<li>{} <span class=\"meta\">({})</span></li>",
                escape(&sentence.text),
                anchors.link(&sentence.article)
            );
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
}

fn timeline_section(out: &mut String, story: &StoryRecord, anchors: &Anchors<'_>) {
    let digest = &story.digest;
    out.push_str(
        "<section aria-labelledby=\"h-timeline\">\n<h2 id=\"h-timeline\">Timeline</h2>\n<ul>\n",
    );
    if let Some(first) = &digest.first_seen {
        let _ = writeln!(
            out,
            "<li><strong>First seen:</strong> {}</li>",
            escape(first)
        );
    }
    if let Some(report) = &digest.first_report {
        let date = report
            .date
            .as_deref()
            .map(|d| format!(" ({})", escape(d)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<li><strong>First report:</strong> {}{date} — {}</li>",
            anchors.link(&report.id),
            escape(&report.reason)
        );
    }
    if let Some(last) = &digest.last_seen {
        let _ = writeln!(out, "<li><strong>Last seen:</strong> {}</li>", escape(last));
    }
    out.push_str("</ul>\n");
    if !digest.event_dates.is_empty() {
        out.push_str("<h3>Dates the articles mention</h3>\n<table>\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Written as</th><th scope=\"col\">Articles</th></tr></thead>\n<tbody>\n");
        let mut dates: Vec<_> = digest.event_dates.iter().collect();
        dates.sort_by(|a, b| a.date.cmp(&b.date));
        for date in dates {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&date.date),
                escape(&date.mentions.join("; ")),
                anchors.links(&date.articles)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");
}

fn sources_section(out: &mut String, story: &StoryRecord) {
    out.push_str("<section aria-labelledby=\"h-sources\">\n<h2 id=\"h-sources\">Sources</h2>\n<table>\n<thead><tr><th scope=\"col\">Source</th><th scope=\"col\" class=\"num\">Articles</th><th scope=\"col\" class=\"num\">Copies</th></tr></thead>\n<tbody>\n");
    for source in &story.digest.sources {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(&source.source),
            source.articles,
            source.copies
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn families_section(out: &mut String, story: &StoryRecord, anchors: &Anchors<'_>) {
    out.push_str(
        "<section aria-labelledby=\"h-families\">\n<h2 id=\"h-families\">Who copied whom</h2>\n",
    );
    if story.digest.families.is_empty() {
        out.push_str("<p>No article of this story copies another.</p>\n</section>\n");
        return;
    }
    for (index, family) in story.digest.families.iter().enumerate() {
        let _ = write!(
            out,
            "<figure>\n{}",
            family_svg(family, &format!("family-{index}"))
        );
        let _ = writeln!(
            out,
            "<figcaption class=\"meta\">Original {} and {}; arrows point from copy to original.</figcaption>\n</figure>",
            anchors.link(&family.original),
            count("copy", family.copies.len())
        );
        out.push_str("<ul>\n");
        for copy in &family.copies {
            let evidence = copy
                .evidence
                .origin
                .first()
                .map(|reason| format!(" — {}", escape(reason)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "<li>{} copies {}: {}, similarity {:.2}{evidence}</li>",
                anchors.link(&copy.id),
                anchors.link(&copy.copy_of),
                crate::provenance::kind_label(copy.kind),
                copy.similarity
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// Cuts a label to `max` characters (at a char boundary) with an ellipsis.
fn short_label(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut label: String = text.chars().take(max.saturating_sub(1)).collect();
    label.push('…');
    label
}

/// The family as an SVG: the original on the left, each copy in a column by its distance
/// from the original, arrows from copy to what it copies labelled with the kind.
fn family_svg(family: &Family, id: &str) -> String {
    const WIDTH: usize = 170;
    const HEIGHT: usize = 34;
    const GAP_X: usize = 90;
    const GAP_Y: usize = 18;
    let mut depth: FxHashMap<&str, usize> = FxHashMap::default();
    depth.insert(family.original.as_str(), 0);
    // Copies of copies sit one column further right; the loop is bounded by the family size.
    for _ in 0..family.copies.len() {
        for copy in &family.copies {
            if let Some(&parent) = depth.get(copy.copy_of.as_str()) {
                let own = depth.entry(copy.id.as_str()).or_insert(parent + 1);
                *own = (*own).min(parent + 1).max(1);
            }
        }
    }
    let mut rows: Vec<usize> = Vec::new();
    let mut place: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
    let mut nodes: Vec<&str> = vec![family.original.as_str()];
    nodes.extend(family.copies.iter().map(|c| c.id.as_str()));
    nodes.dedup();
    for node in &nodes {
        if place.contains_key(node) {
            continue;
        }
        let column = depth.get(node).copied().unwrap_or(1).min(6);
        if rows.len() <= column {
            rows.resize(column + 1, 0);
        }
        place.insert(node, (column, rows[column]));
        rows[column] += 1;
    }
    let columns = rows.len().max(2);
    let max_rows = rows.iter().copied().max().unwrap_or(1).max(1);
    let width = columns * WIDTH + (columns - 1) * GAP_X + 20;
    let height = max_rows * (HEIGHT + GAP_Y) + 10;
    let position = |node: &str| {
        let (column, row) = place.get(node).copied().unwrap_or((0, 0));
        (10 + column * (WIDTH + GAP_X), 10 + row * (HEIGHT + GAP_Y))
    };
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">\n\
         <title id=\"{id}-title\">Copy family of {}: {}</title>\n\
         <defs><marker id=\"{id}-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#10243e\"/></marker></defs>\n",
        escape(&family.original),
        escape(&family.copies.iter().map(|c| format!("{} copies {} ({})", c.id, c.copy_of, c.kind.as_str())).collect::<Vec<_>>().join("; "))
    );
    for copy in &family.copies {
        let (copy_x, copy_y) = position(&copy.id);
        let (original_x, original_y) = position(&copy.copy_of);
        let (x1, y1) = (copy_x, copy_y + HEIGHT / 2);
        let (x2, y2) = if original_x < copy_x {
            (original_x + WIDTH, original_y + HEIGHT / 2)
        } else {
            (original_x, original_y + HEIGHT / 2)
        };
        let _ = writeln!(
            svg,
            "<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" stroke=\"#10243e\" stroke-width=\"1.5\" marker-end=\"url(#{id}-arrow)\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#7a2e00\">{}</text>",
            (x1 + x2) / 2,
            (y1 + y2) / 2 - 4,
            escape(crate::provenance::kind_label(copy.kind))
        );
    }
    for node in &nodes {
        let (x, y) = position(node);
        let is_original = *node == family.original;
        let fill = if is_original { "#e3edf9" } else { "#fbe9e7" };
        let _ = writeln!(
            svg,
            "<g><title>{}</title><rect x=\"{x}\" y=\"{y}\" width=\"{WIDTH}\" height=\"{HEIGHT}\" rx=\"5\" fill=\"{fill}\" stroke=\"#10243e\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"13\" fill=\"#10243e\">{}</text></g>",
            escape(&format!("{} {}", if is_original { "original" } else { "copy" }, node)),
            x + 8,
            y + HEIGHT / 2 + 5,
            escape(&short_label(node, 22))
        );
    }
    svg.push_str("</svg>\n");
    svg
}

fn disagreements_section(out: &mut String, story: &StoryRecord, anchors: &Anchors<'_>) {
    out.push_str("<section aria-labelledby=\"h-disagreements\">\n<h2 id=\"h-disagreements\">Where the articles disagree</h2>\n");
    if story.digest.disagreements.is_empty() {
        out.push_str(
            "<p>The articles agree on the dates, numbers and names checked.</p>\n</section>\n",
        );
        return;
    }
    out.push_str("<ul class=\"disagreements\">\n");
    for disagreement in &story.digest.disagreements {
        let _ = write!(
            out,
            "<li class=\"warn\"><strong>{}</strong> ({}):<ul>",
            escape(&disagreement.about),
            disagreement.kind.as_str()
        );
        for value in &disagreement.values {
            let copies = if value.copies.is_empty() {
                String::new()
            } else {
                format!(
                    " <span class=\"copy-badge\">copies: {}</span>",
                    anchors.links(&value.copies)
                )
            };
            let _ = write!(
                out,
                "<li>{} — {}, {} independent{copies}</li>",
                escape(&value.value),
                anchors.links(&value.articles),
                value.independent
            );
        }
        out.push_str("</ul></li>\n");
    }
    out.push_str("</ul>\n</section>\n");
}

fn entities_section(out: &mut String, story: &StoryRecord, anchors: &Anchors<'_>) {
    out.push_str("<section aria-labelledby=\"h-entities\">\n<h2 id=\"h-entities\">People, places and organisations</h2>\n");
    if story.digest.entities.is_empty() {
        out.push_str("<p class=\"meta\">No names found.</p>\n");
    }
    for (kind, heading) in [
        (EntityKind::Person, "People"),
        (EntityKind::Place, "Places"),
        (EntityKind::Organisation, "Organisations"),
        (EntityKind::Other, "Other names"),
    ] {
        let of_kind: Vec<_> = story
            .digest
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .collect();
        if of_kind.is_empty() {
            continue;
        }
        let _ = write!(out, "<h3>{heading}</h3>\n<ul class=\"tags\">\n");
        for entity in of_kind {
            let variants: Vec<&str> = entity
                .variants
                .iter()
                .map(String::as_str)
                .filter(|v| *v != entity.name)
                .collect();
            let also = if variants.is_empty() {
                String::new()
            } else {
                format!("; also written {}", escape(&variants.join(", ")))
            };
            let _ = writeln!(
                out,
                "<li><strong>{}</strong> <span class=\"meta\">— {} in {}{also}</span></li>",
                escape(&entity.name),
                count("mention", entity.mentions),
                anchors.links(&entity.articles)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn articles_section(
    out: &mut String,
    story: &StoryRecord,
    article_by_id: &FxHashMap<&str, &ArticleRecord>,
    copies_by_copy: &FxHashMap<&str, Vec<&CopyRecord>>,
    anchors: &Anchors<'_>,
) {
    out.push_str("<section aria-labelledby=\"h-articles\">\n<h2 id=\"h-articles\">Articles</h2>\n");
    for (position, id) in story.articles.iter().enumerate() {
        let article = article_by_id.get(id.as_str());
        let heading = article
            .and_then(|a| a.title.as_deref())
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .unwrap_or(id);
        let _ = write!(
            out,
            "<article class=\"doc\" id=\"a{position}\">\n<h3>{}</h3>\n",
            escape(heading)
        );
        let Some(article) = article else {
            out.push_str(
                "<p class=\"meta\">This article is missing from articles.jsonl.</p>\n</article>\n",
            );
            continue;
        };
        let mut meta = vec![format!("id {}", escape(&article.id))];
        meta.extend(article.source.as_deref().map(escape));
        meta.extend(article.date.as_deref().map(escape));
        if let Some(url) = article
            .url
            .as_deref()
            .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        {
            meta.push(format!(
                "<a href=\"{}\" rel=\"noreferrer\">original page</a>",
                escape(url)
            ));
        }
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", meta.join(" · "));
        for copy in copies_by_copy
            .get(article.id.as_str())
            .into_iter()
            .flatten()
        {
            let _ = writeln!(
                out,
                "<p class=\"warn\">A {} of {} (similarity {:.2}).</p>",
                crate::provenance::kind_label(copy.kind),
                anchors.link(&copy.original),
                copy.similarity
            );
        }
        out.push_str("<div class=\"text\">\n");
        for paragraph in article
            .text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            let _ = writeln!(out, "<p>{}</p>", escape(paragraph));
        }
        out.push_str("</div>\n");
        if !article.removals.is_empty() {
            let _ = write!(
                out,
                "<details>\n<summary>What cleaning removed ({})</summary>\n<ul>\n",
                article.removals.len()
            );
            for removal in &article.removals {
                let _ = writeln!(
                    out,
                    "<li><strong>{}</strong>, lines {}–{}: {}<pre>{}</pre></li>",
                    escape(removal.kind.as_str()),
                    removal.lines[0],
                    removal.lines[1],
                    escape(&removal.reason),
                    escape(&removal.text)
                );
            }
            out.push_str("</ul>\n</details>\n");
        }
        out.push_str("</article>\n");
    }
    out.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{FamilyCopy, StoryRecord};
    use storyline_core::output::EvidenceRecord;
    use storyline_core::CopyKind;

    fn family(edges: &[(&str, &str)]) -> Family {
        Family {
            original: edges.last().map_or("o", |e| e.1).to_owned(),
            copies: edges
                .iter()
                .map(|&(copy, original)| FamilyCopy {
                    id: copy.to_owned(),
                    copy_of: original.to_owned(),
                    kind: CopyKind::Rewrite,
                    similarity: 0.5,
                    evidence: EvidenceRecord::default(),
                })
                .collect(),
        }
    }

    fn check(input: &Family, expected_parts: &[&str]) {
        let svg = family_svg(input, "f");
        for part in expected_parts {
            assert!(svg.contains(part), "missing {part} in {svg}");
        }
    }

    #[test]
    fn svg_has_title_nodes_and_arrows() {
        check(
            &family(&[("c<1>", "o")]),
            &[
                "<title id=\"f-title\">",
                "c&lt;1&gt;",
                "marker-end",
                ">rewrite<",
            ],
        );
    }

    #[test]
    fn chains_move_right() {
        // b copies a copy: it sits in the third column.
        check(&family(&[("b", "c"), ("c", "o")]), &["x=\"530\""]);
    }

    #[test]
    fn page_escapes_and_anchors() {
        let story = StoryRecord {
            story: 3,
            articles: vec!["<x>".to_owned()],
            digest: crate::Digest {
                headline: Some("A & B".to_owned()),
                ..Default::default()
            },
        };
        let page = render(&story, &FxHashMap::default(), &FxHashMap::default());
        assert!(page.contains("<h1>A &amp; B</h1>"));
        assert!(page.contains("id=\"a0\""));
        assert!(!page.contains("<x>"));
    }
}
