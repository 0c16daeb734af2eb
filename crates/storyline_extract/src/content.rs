//! Main-text extraction: finds the element that holds the article body and renders it as text.
//!
//! Main function: [`main_text`] over a [`Document`]. Steps:
//! 1. mark furniture (navigation, comments, share bars, hidden elements …, see
//!    [`crate::boilerplate`]), unless an element named like furniture holds most of the page's
//!    paragraph text;
//! 2. weigh every text block (a block element's own inline text): long, link-poor text counts
//!    for its length, link lists and short scraps count against;
//! 3. pick the element whose subtree has the highest total weight (the article container:
//!    climbing higher adds menus and footers, going lower loses paragraphs); a marked body
//!    container (`itemprop=articleBody`, `entry-content` …) wins when it holds most of that weight;
//! 4. render the container: one block per paragraph, heading, list item or table row, separated
//!    by a blank line (`\n\n`); a `<br>` inside a paragraph becomes `\n`.

use crate::boilerplate::{furniture_kind, is_content_container, Furniture};
use crate::html::{Document, NodeData, NodeId};

/// Short lines that are site furniture on many sites ("Advertisement", "Share this article").
const FURNITURE_LINES: &[&str] = &[
    "advertisement",
    "advertisment",
    "advertising",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this post",
    "tweet",
    "print",
    "email",
    "read more",
    "continue reading",
    "skip to content",
    "skip to main content",
    "related",
    "related articles",
    "related stories",
    "related posts",
    "related content",
    "recommended",
    "you may also like",
    "more stories",
    "story continues below advertisement",
    "article continues below advertisement",
    "advertisement - continue reading below",
    "scroll to continue with content",
    "loading",
    "loading...",
    "click to expand",
    "listen",
    "listen to this article",
    "follow us",
    "subscribe",
    "sign up",
    "comments",
    "leave a comment",
    "leave a reply",
    "back to top",
    "table of contents",
    "contents",
    "show more",
    "see more",
];

/// Headings that open the part of a page after the article.
const TAIL_HEADINGS: &[&str] = &[
    "you might also like",
    "you may also like",
    "related posts",
    "related articles",
    "related stories",
    "related content",
    "related reading",
    "related",
    "read next",
    "recommended",
    "recommended for you",
    "recommended reading",
    "recommended articles",
    "more stories",
    "more articles",
    "popular posts",
    "popular articles",
    "trending",
    "trending now",
    "leave a reply",
    "leave a comment",
    "comments",
    "latest posts",
    "recent posts",
    "latest articles",
    "latest news",
    "stay in the loop",
    "about the author",
    "you might be interested in",
    "more to explore",
    "keep reading",
    "most popular",
    "most read",
    "share this article",
    "share this post",
    "sign up for our newsletter",
    "subscribe to our newsletter",
];

/// Heading beginnings with the same meaning ("More from The Daily", "Comments (12)").
const TAIL_HEADING_PREFIXES: &[&str] = &[
    "more from ",
    "comments (",
    "related posts",
    "related articles",
    "join the conversation",
];

/// What the extractor found: the rendered text and counts for the caller's decisions.
#[derive(Debug, Default)]
pub(crate) struct MainText {
    pub(crate) text: String,
}

/// Per-node counts gathered bottom-up.
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    /// Letters and digits in kept text.
    chars: usize,
    /// Letters and digits inside links.
    link_chars: usize,
    /// Letters and digits in `<p>` elements.
    paragraph_chars: usize,
    /// Sum of block weights in the subtree.
    weight: f64,
}

fn is_block(name: &str) -> bool {
    // A `match` compiles to a length switch plus a few compares; this runs once per node.
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "tr"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "form"
            | "fieldset"
            | "address"
            | "hr"
            | "details"
            | "summary"
            | "center"
            | "caption"
            | "tbody"
            | "thead"
            | "tfoot"
            | "body"
            | "html"
            | "hgroup"
            | "legend"
    )
}

fn count_text(text: &str) -> (usize, usize) {
    let mut chars = 0;
    let mut commas = 0;
    for character in text.chars() {
        if character.is_alphanumeric() {
            chars += 1;
        } else if matches!(character, ',' | '.' | '，' | '。' | '、') {
            commas += 1;
        }
    }
    (chars, commas)
}

/// Finds and renders the article body; `title` is left out of the text when an `<h1>` repeats it.
pub(crate) fn main_text(document: &Document, title: Option<&str>) -> MainText {
    let n_nodes = document.nodes.len();
    let mut in_link = vec![false; n_nodes];
    let mut block_of = vec![0usize; n_nodes];
    let mut furniture = vec![None; n_nodes];
    // Parents precede children in `nodes`, so one forward pass can inherit from the parent.
    for id in 1..n_nodes {
        let parent = document.nodes[id].parent.unwrap_or(0);
        in_link[id] = in_link[parent];
        block_of[id] = if is_block(document.name(parent)) {
            parent
        } else {
            block_of[parent]
        };
        // Only certain verdicts are inherited; a name-based one is settled per element below.
        furniture[id] = furniture[parent]
            .filter(|kind| matches!(kind, Furniture::Certain | Furniture::Comments));
        if let NodeData::Element(element) = &document.nodes[id].data {
            if element.name == "a" {
                in_link[id] = true;
            }
            if furniture[id].is_none() {
                furniture[id] = furniture_kind(element);
            }
        }
    }
    // Paragraph text per subtree, before removal, to overrule name-based verdicts.
    let mut counts = vec![Counts::default(); n_nodes];
    let mut own = vec![(0usize, 0usize, 0usize); n_nodes]; // (chars, link chars, commas) of a block's inline text
    for id in (1..n_nodes).rev() {
        if matches!(
            furniture[id],
            Some(Furniture::Certain | Furniture::Comments)
        ) {
            continue;
        }
        if let NodeData::Text(text) = &document.nodes[id].data {
            let (chars, commas) = count_text(text);
            let block = block_of[id];
            own[block].0 += chars;
            own[block].2 += commas;
            if in_link[id] {
                own[block].1 += chars;
            }
        }
    }
    for id in (1..n_nodes).rev() {
        if matches!(
            furniture[id],
            Some(Furniture::Certain | Furniture::Comments)
        ) {
            continue;
        }
        let paragraph = if document.name(id) == "p" {
            own[id].0 - own[id].1
        } else {
            0
        };
        counts[id].paragraph_chars += paragraph;
        let parent = document.nodes[id].parent.unwrap_or(0);
        counts[parent].paragraph_chars += counts[id].paragraph_chars;
    }
    let total_paragraph_chars = counts[0].paragraph_chars.max(1);
    // Settle name-based verdicts: keep an element that holds most of the paragraph text.
    let mut removed = vec![false; n_nodes];
    for id in 1..n_nodes {
        let parent = document.nodes[id].parent.unwrap_or(0);
        removed[id] = removed[parent]
            || match furniture[id] {
                Some(Furniture::Certain | Furniture::Comments) => true,
                Some(Furniture::ByName) => counts[id].paragraph_chars * 2 < total_paragraph_chars,
                Some(Furniture::Hidden) => counts[id].paragraph_chars < HIDDEN_KEEP_CHARS,
                None => false,
            };
    }
    for count in counts.iter_mut() {
        *count = Counts::default();
    }
    for id in (1..n_nodes).rev() {
        if removed[id] {
            continue;
        }
        if let NodeData::Text(text) = &document.nodes[id].data {
            let (chars, _) = count_text(text);
            counts[id].chars = chars;
            if in_link[id] {
                counts[id].link_chars = chars;
            }
        }
        if is_block(document.name(id)) {
            counts[id].weight += block_weight(document.name(id), own[id]);
        }
        let parent = document.nodes[id].parent.unwrap_or(0);
        let child = counts[id];
        counts[parent].chars += child.chars;
        counts[parent].link_chars += child.link_chars;
        counts[parent].weight += child.weight;
    }

    let best = choose_container(document, &counts, &removed);
    let mut renderer = Renderer {
        document,
        removed: &removed,
        counts: &counts,
        title,
        blocks: Vec::new(),
        lines: vec![String::new()],
    };
    renderer.render(best, 0);
    renderer.flush();
    let text = renderer.blocks.join("\n\n");
    MainText { text }
}

/// Weight of one block from its own inline text: (chars, link chars, commas).
fn block_weight(name: &str, (chars, link_chars, commas): (usize, usize, usize)) -> f64 {
    if chars == 0 {
        return 0.0;
    }
    let link_density = link_chars as f64 / chars as f64;
    let chars = chars as f64;
    if link_density > 0.5 {
        return -0.75 * chars;
    }
    let is_heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
    if chars >= 80.0 || (chars >= 30.0 && commas > 0 && !is_heading) {
        chars * (1.0 - link_density) + 10.0 * commas as f64
    } else {
        -0.3 * chars
    }
}

/// The node whose subtree weighs most, or a marked body container holding most of that weight.
fn choose_container(document: &Document, counts: &[Counts], removed: &[bool]) -> NodeId {
    let mut best = 0;
    let mut best_weight = f64::MIN;
    for (id, count) in counts.iter().enumerate() {
        if removed[id] || document.element(id).is_none() {
            continue;
        }
        if count.weight > best_weight {
            best = id;
            best_weight = count.weight;
        }
    }
    if best_weight <= 0.0 {
        return document
            .elements_named("body")
            .next()
            .map_or(0, |(id, _)| id);
    }
    let marked = (1..counts.len()).find(|&id| {
        !removed[id]
            && document.element(id).is_some_and(is_content_container)
            && counts[id].weight >= 0.7 * best_weight
    });
    if let Some(marked) = marked {
        return marked;
    }
    // Climbing to a parent that adds only a little weight (teasers with a sentence of text, a
    // promo box) costs more precision than it gains recall: take the deepest descendant that
    // still holds most of the weight.
    let mut chosen = best;
    let mut chosen_depth = 0;
    let mut id = best + 1;
    while id < counts.len() && is_inside(document, id, best) {
        if !removed[id]
            && document.element(id).is_some()
            && counts[id].weight >= DEEPEST_SHARE * best_weight
        {
            let depth = depth_below(document, id, best);
            if depth > chosen_depth {
                chosen = id;
                chosen_depth = depth;
            }
        }
        id += 1;
    }
    chosen
}

/// Paragraph letters that make a hidden element count as content.
const HIDDEN_KEEP_CHARS: usize = 150;

/// Share of the best subtree's weight that a descendant must hold to be chosen instead.
const DEEPEST_SHARE: f64 = 0.88;

/// True if `ancestor` is `id` or one of its ancestors.
fn is_inside(document: &Document, id: NodeId, ancestor: NodeId) -> bool {
    depth_below(document, id, ancestor) < usize::MAX
}

/// Number of steps from `id` up to `ancestor`, or `usize::MAX` if it is not an ancestor.
fn depth_below(document: &Document, id: NodeId, ancestor: NodeId) -> usize {
    let mut current = id;
    let mut depth = 0;
    while current != ancestor {
        match document.nodes[current].parent {
            Some(parent) => current = parent,
            None => return usize::MAX,
        }
        depth += 1;
    }
    depth
}

/// Renders a subtree as blocks of text.
struct Renderer<'doc> {
    document: &'doc Document,
    removed: &'doc [bool],
    counts: &'doc [Counts],
    title: Option<&'doc str>,
    blocks: Vec<String>,
    /// Lines of the block being built (split by `<br>`).
    lines: Vec<String>,
}

impl Renderer<'_> {
    /// True for a heading that opens the page's tail ("You might also like", "Leave a reply"):
    /// it and everything after it in the same parent are left out.
    fn ends_article(&self, id: NodeId) -> bool {
        if !matches!(self.document.name(id), "h2" | "h3" | "h4" | "h5" | "h6") {
            return false;
        }
        let Some(text) = self.document.short_text_of(id, 16) else {
            return false;
        };
        let key = text
            .to_lowercase()
            .trim_matches(|character: char| !character.is_alphanumeric())
            .to_owned();
        TAIL_HEADINGS.contains(&key.as_str())
            || TAIL_HEADING_PREFIXES
                .iter()
                .any(|prefix| key.starts_with(prefix))
    }

    fn flush(&mut self) {
        let lines: Vec<String> = self
            .lines
            .iter()
            .map(|line| crate::html::collapse_whitespace(line))
            .filter(|line| !line.is_empty())
            .collect();
        self.lines = vec![String::new()];
        if lines.is_empty() {
            return;
        }
        let block = lines.join("\n");
        let key: String = block
            .to_lowercase()
            .trim_matches(|character: char| !character.is_alphanumeric())
            .to_owned();
        if FURNITURE_LINES.contains(&key.as_str()) {
            return;
        }
        self.blocks.push(block);
    }

    fn push_text(&mut self, text: &str) {
        if let Some(line) = self.lines.last_mut() {
            line.push_str(text);
        }
    }

    fn render(&mut self, id: NodeId, depth: usize) {
        if self.removed[id] || depth > crate::html::MAX_DEPTH + 2 {
            return;
        }
        let document = self.document;
        let node = &document.nodes[id];
        let element = match &node.data {
            NodeData::Text(text) => {
                self.push_text(text);
                return;
            }
            NodeData::Root => None,
            NodeData::Element(element) => Some(element),
        };
        let name = element.map_or("", |element| element.name.as_str());
        match name {
            "br" => {
                self.lines.push(String::new());
                return;
            }
            "img" | "picture" | "source" => return,
            "h1" => {
                if let Some(title) = self.title {
                    if document.short_text_of(id, 64).as_deref() == Some(title) {
                        return;
                    }
                }
            }
            "td" | "th" => self.push_text(" "),
            _ => {}
        }
        let counts = self.counts[id];
        if depth > 0
            && is_block(name)
            && !matches!(name, "p" | "li" | "tr" | "td")
            && counts.chars > 0
        {
            // A link list inside the article (related links, tag clouds) is left out.
            let link_density = counts.link_chars as f64 / counts.chars as f64;
            if link_density > 0.6 && counts.chars < 2000 {
                return;
            }
        }
        let block = is_block(name);
        if block {
            self.flush();
        }
        if name == "pre" {
            let text = document.text_of_preformatted(id);
            for line in text.lines() {
                self.push_text(line);
                self.lines.push(String::new());
            }
        } else {
            for &child in &node.children {
                if self.ends_article(child) {
                    break;
                }
                self.render(child, depth + 1);
            }
        }
        if block {
            self.flush();
        }
    }
}

impl Document {
    /// Text of a `<pre>` element with its line breaks kept.
    fn text_of_preformatted(&self, id: NodeId) -> String {
        let mut out = String::new();
        for node in self.descendants(id) {
            match &self.nodes[node].data {
                NodeData::Text(text) => out.push_str(text),
                NodeData::Element(element) if element.name == "br" => out.push('\n'),
                _ => {}
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(html: &str, expected: &str) {
        let document = Document::parse(html);
        let found = main_text(&document, Some("Headline"));
        assert_eq!(found.text, expected, "html: {html}");
    }

    const PARAGRAPH_A: &str = "The council voted on Tuesday to approve the new budget, which raises spending on schools and roads.";
    const PARAGRAPH_B: &str = "Opponents said the plan, drafted in a hurry, leaves too little for the city's ageing water network.";

    #[test]
    fn article_between_navigation_and_footer() {
        let html = format!(
            "<body><div class=menu><a href=/>Home</a> <a href=/n>News</a></div>\
             <div class=main><h1>Headline</h1><p>{PARAGRAPH_A}<p>{PARAGRAPH_B}<h2>Next steps</h2>\
             <ul><li>Vote in May<li>Review in June</ul>\
             <div class=share><a href=#>Share on X</a></div></div>\
             <div id=comments><p>Great article, thanks for sharing this with all of us here.</p></div>\
             <footer>© 2024 Example Media. All rights reserved.</footer></body>"
        );
        check(
            &html,
            &format!(
                "{PARAGRAPH_A}\n\n{PARAGRAPH_B}\n\nNext steps\n\nVote in May\n\nReview in June"
            ),
        );
    }

    #[test]
    fn line_breaks_and_furniture_lines() {
        let html = format!("<article><p>{PARAGRAPH_A}<br>Second line.</p><p>Advertisement</p><p>{PARAGRAPH_B}</p></article>");
        check(
            &html,
            &format!("{PARAGRAPH_A}\nSecond line.\n\n{PARAGRAPH_B}"),
        );
    }

    #[test]
    fn related_links_inside_body_are_dropped() {
        let html = format!(
            "<div itemprop=articleBody><p>{PARAGRAPH_A}</p><div><a href=/1>Another story about budgets</a><br>\
             <a href=/2>And one more about roads</a></div><p>{PARAGRAPH_B}</p></div>"
        );
        check(&html, &format!("{PARAGRAPH_A}\n\n{PARAGRAPH_B}"));
    }

    #[test]
    fn empty_page() {
        check("", "");
        check("<html><body><nav>Home</nav></body></html>", "");
    }
}
