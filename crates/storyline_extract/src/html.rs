//! A small, forgiving HTML parser: decoded page text → [`Document`], a tree of elements and text.
//!
//! It is not the HTML5 algorithm, but it mends what matters for reading articles: void elements,
//! implied ends (`<p>` closed by a block, `<li>` by the next `<li>`, table cells), end tags that
//! skip unclosed children, raw text in `<script>`/`<style>`, and character references. Script
//! bodies are dropped except JSON-LD (read by [`crate::metadata`]); `<style>`, `<noscript>` and
//! `<template>` bodies are dropped. Nesting is capped at [`MAX_DEPTH`] so that later tree walks
//! stay bounded on pathological pages. Tokens come from [`crate::tokenizer`]; this module builds
//! the tree. Output goes to [`crate::content`] and [`crate::metadata`].

use crate::tokenizer::Tokenizer;

/// Index of a node in [`Document::nodes`].
pub(crate) type NodeId = usize;

/// Deeper elements are attached to the element at this depth instead of nesting further.
pub(crate) const MAX_DEPTH: usize = 200;

/// One element's tag name (lower-case) and attributes (names lower-case, values decoded).
#[derive(Debug, Clone)]
pub(crate) struct Element {
    pub(crate) name: String,
    pub(crate) attrs: Vec<(String, String)>,
}

impl Element {
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(attr_name, _)| attr_name == name)
            .map(|(_, value)| value.as_str())
    }
}

#[derive(Debug, Clone)]
pub(crate) enum NodeData {
    Root,
    Element(Element),
    Text(String),
}

#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub(crate) parent: Option<NodeId>,
    pub(crate) children: Vec<NodeId>,
    pub(crate) data: NodeData,
}

/// A parsed page; node 0 is the root.
#[derive(Debug)]
pub(crate) struct Document {
    pub(crate) nodes: Vec<Node>,
}

const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "basefont", "frame",
];

/// Elements whose start closes an open `<p>` (HTML's "close a p element" list).
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
    "dd",
    "dt",
];

/// Elements that may stand in `<head>`.
const HEAD_ELEMENTS: &[&str] = &[
    "head", "meta", "link", "title", "script", "style", "base", "noscript", "template", "html",
];

/// Heading elements: one ends another, and any heading end tag ends the open one.
const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// Phrasing elements: an open `<p>` is still "in scope" above them.
const PHRASING: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "big",
    "strike", "tt", "label",
];

impl Document {
    /// Parses `html`; never fails, whatever the input.
    pub(crate) fn parse(html: &str) -> Document {
        let mut builder = TreeBuilder::new(html.len());
        Tokenizer::new(html).run(&mut builder);
        Document {
            nodes: builder.nodes,
        }
    }

    pub(crate) fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes[id].data {
            NodeData::Element(element) => Some(element),
            _ => None,
        }
    }

    /// Name of element `id`, or "" for text and the root.
    pub(crate) fn name(&self, id: NodeId) -> &str {
        self.element(id).map_or("", |element| element.name.as_str())
    }

    /// All descendants of `id` (not `id` itself) in document order.
    pub(crate) fn descendants(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack: Vec<NodeId> = self.nodes[id].children.iter().rev().copied().collect();
        while let Some(node) = stack.pop() {
            out.push(node);
            stack.extend(self.nodes[node].children.iter().rev().copied());
        }
        out
    }

    /// Elements named `name` in document order.
    pub(crate) fn elements_named<'doc>(
        &'doc self,
        name: &'doc str,
    ) -> impl Iterator<Item = (NodeId, &'doc Element)> + 'doc {
        self.nodes
            .iter()
            .enumerate()
            .filter_map(move |(id, node)| match &node.data {
                NodeData::Element(element) if element.name == name => Some((id, element)),
                _ => None,
            })
    }

    /// Number of nodes in the subtree of `id`, itself included. Subtrees are contiguous in
    /// `nodes` (children are created after their parent and before its next sibling), so this
    /// costs one walk down the last children.
    pub(crate) fn subtree_len(&self, id: NodeId) -> usize {
        let mut last = id;
        while let Some(&child) = self.nodes[last].children.last() {
            last = child;
        }
        last - id + 1
    }

    /// Text under `id` like [`Document::text_of`], or `None` when the subtree has more than
    /// `max_nodes` nodes: callers that look at many small elements (bylines, dates) stay linear
    /// on pages where such an element was never closed and holds the rest of the page.
    pub(crate) fn short_text_of(&self, id: NodeId, max_nodes: usize) -> Option<String> {
        (self.subtree_len(id) <= max_nodes).then(|| self.text_of(id))
    }

    /// Text under `id` with whitespace collapsed to single spaces.
    pub(crate) fn text_of(&self, id: NodeId) -> String {
        let mut raw = String::new();
        if let NodeData::Text(text) = &self.nodes[id].data {
            raw.push_str(text);
        }
        for node in self.descendants(id) {
            match &self.nodes[node].data {
                NodeData::Text(text) => raw.push_str(text),
                NodeData::Element(element) if element.name == "br" => raw.push(' '),
                _ => {}
            }
        }
        collapse_whitespace(&raw)
    }

    /// True if some ancestor of `id` (or `id` itself) is named one of `names`.
    pub(crate) fn has_ancestor_named(&self, id: NodeId, names: &[&str]) -> bool {
        let mut current = Some(id);
        while let Some(node) = current {
            if names.contains(&self.name(node)) {
                return true;
            }
            current = self.nodes[node].parent;
        }
        false
    }
}

/// Collapses runs of whitespace (including no-break spaces) to one space and trims.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|character: char| character.is_whitespace()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

pub(crate) struct TreeBuilder {
    nodes: Vec<Node>,
    /// Open elements, root first.
    open: Vec<NodeId>,
}

impl TreeBuilder {
    fn new(input_len: usize) -> TreeBuilder {
        let mut nodes = Vec::with_capacity(input_len / 40 + 1);
        nodes.push(Node {
            parent: None,
            children: Vec::new(),
            data: NodeData::Root,
        });
        TreeBuilder {
            nodes,
            open: vec![0],
        }
    }

    fn current(&self) -> NodeId {
        self.open.last().copied().unwrap_or(0)
    }

    fn append(&mut self, data: NodeData) -> NodeId {
        let parent = self.current();
        let id = self.nodes.len();
        self.nodes.push(Node {
            parent: Some(parent),
            children: Vec::new(),
            data,
        });
        self.nodes[parent].children.push(id);
        id
    }

    pub(crate) fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let parent = self.current();
        if let Some(&last) = self.nodes[parent].children.last() {
            if let NodeData::Text(existing) = &mut self.nodes[last].data {
                existing.push_str(text);
                return;
            }
        }
        self.append(NodeData::Text(text.to_owned()));
    }

    fn open_name(&self, depth: usize) -> &str {
        match &self.nodes[self.open[depth]].data {
            NodeData::Element(element) => &element.name,
            _ => "",
        }
    }

    /// Pops the open elements down to and including the innermost one named in `targets`,
    /// searching no further than an element named in `boundaries`.
    fn close_implied(&mut self, targets: &[&str], boundaries: &[&str]) {
        for depth in (1..self.open.len()).rev() {
            let name = self.open_name(depth);
            if targets.contains(&name) {
                self.open.truncate(depth);
                return;
            }
            if boundaries.contains(&name) {
                return;
            }
        }
    }

    pub(crate) fn start_tag(&mut self, element: Element, self_closing: bool) {
        let name = element.name.as_str();
        if CLOSES_P.contains(&name) {
            // A `<p>` is closed only when everything above it is phrasing content.
            for depth in (1..self.open.len()).rev() {
                let open_name = self.open_name(depth);
                if open_name == "p" {
                    self.open.truncate(depth);
                    break;
                }
                if !PHRASING.contains(&open_name) {
                    break;
                }
            }
        }
        // Any element that does not belong in `<head>` ends it (pages often omit `</head>`).
        // `<head>` sits at most two levels down (root › html › head).
        if !HEAD_ELEMENTS.contains(&name)
            && self
                .open
                .iter()
                .take(3)
                .any(|&id| self.nodes[id].data_name() == "head")
        {
            self.close_implied(&["head"], &[]);
        }
        // A heading cannot hold another: browsers end the open one (`<h1>Title<h3>Date</h3>`).
        if HEADINGS.contains(&name) && HEADINGS.contains(&self.open_name_of(self.current())) {
            self.open.pop();
        }
        match name {
            "li" => self.close_implied(&["li"], &["ul", "ol", "menu", "table", "div", "nav"]),
            "dt" | "dd" => self.close_implied(&["dt", "dd"], &["dl", "table", "div"]),
            "td" | "th" => self.close_implied(&["td", "th"], &["tr", "table"]),
            "tr" => self.close_implied(&["tr"], &["table", "tbody", "thead", "tfoot"]),
            "tbody" | "thead" | "tfoot" => {
                self.close_implied(&["tbody", "thead", "tfoot"], &["table"])
            }
            "option" => self.close_implied(&["option"], &["select", "datalist"]),
            // Repeated structural tags are merged into the existing ones by browsers; here we
            // only keep them from nesting the rest of the page under a second copy.
            "body" | "html" | "head"
                if self
                    .open
                    .iter()
                    .any(|&id| self.nodes[id].data_name() == name) =>
            {
                return;
            }
            _ => {}
        }
        let is_void = VOID_ELEMENTS.contains(&name) || self_closing && name != "script";
        let id = self.append(NodeData::Element(element));
        if !is_void && self.open.len() < MAX_DEPTH {
            self.open.push(id);
        }
    }

    pub(crate) fn end_tag(&mut self, name: &str) {
        // Browsers put anything after `</body>` or `</html>` back into the body, and pages do
        // carry content there (or close the body early by mistake).
        if name == "body" || name == "html" {
            return;
        }
        if name == "br" {
            self.append(NodeData::Element(Element {
                name: "br".to_owned(),
                attrs: Vec::new(),
            }));
            return;
        }
        // Any heading end tag ends the innermost open heading, whatever its level
        // (`<h1>Title</h2>`), as browsers do.
        let targets: &[&str] = if HEADINGS.contains(&name) {
            HEADINGS
        } else {
            &[name]
        };
        for depth in (1..self.open.len()).rev() {
            if targets.contains(&self.open_name(depth)) {
                self.open.truncate(depth);
                return;
            }
        }
    }

    fn open_name_of(&self, id: NodeId) -> &str {
        self.nodes[id].data_name()
    }
}

impl Node {
    fn data_name(&self) -> &str {
        match &self.data {
            NodeData::Element(element) => &element.name,
            _ => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders the tree as `name(children)` with text in quotes, for compact expectations.
    fn outline(document: &Document, id: NodeId) -> String {
        let node = &document.nodes[id];
        let inner: Vec<String> = node
            .children
            .iter()
            .map(|&child| outline(document, child))
            .collect();
        match &node.data {
            NodeData::Root => inner.join(","),
            NodeData::Text(text) => format!("{text:?}"),
            NodeData::Element(element) => format!("{}({})", element.name, inner.join(",")),
        }
    }

    fn check(input: &str, expected: &str) {
        let document = Document::parse(input);
        assert_eq!(outline(&document, 0), expected, "input: {input:?}");
    }

    #[test]
    fn implied_ends() {
        check("<p>a<p>b", r#"p("a"),p("b")"#);
        check("<p>a<div>b</div>", r#"p("a"),div("b")"#);
        check("<p><b>a<div>b</div>", r#"p(b("a")),div("b")"#);
        check("<ul><li>a<li>b</ul>", r#"ul(li("a"),li("b"))"#);
        check(
            "<table><tr><td>a<td>b<tr><td>c</table>",
            r#"table(tr(td("a"),td("b")),tr(td("c")))"#,
        );
        check("<div><span>a</div>b", r#"div(span("a")),"b""#);
        check("a</b>c", r#""ac""#);
        check("<head><meta x=1><div>a</div>", r#"head(meta()),div("a")"#);
        // Headings: a new heading ends an open one; any heading end tag ends the open heading.
        check("<h1>a<h3>b</h3>c", r#"h1("a"),h3("b"),"c""#);
        check("<h1>a</h2><p>b", r#"h1("a"),p("b")"#);
        check("<h2><span>a</span><h2>b</h2>", r#"h2(span("a")),h2("b")"#);
    }

    #[test]
    fn attributes_and_raw_text() {
        let document = Document::parse(
            "<a HREF='/x?a=1&amp;b=2' data-x=y disabled>t</a><script>if (a<b) {}</script>\
             <script type=\"application/ld+json\">{\"a\":1}</script><title>A &amp; B</title>",
        );
        let (_, link) = document.elements_named("a").next().expect("link");
        assert_eq!(link.attr("href"), Some("/x?a=1&b=2"));
        assert_eq!(link.attr("data-x"), Some("y"));
        assert_eq!(link.attr("disabled"), Some(""));
        assert_eq!(
            outline(&document, 0),
            r#"a("t"),script(),script("{\"a\":1}"),title("A & B")"#
        );
    }

    #[test]
    fn broken_input_does_not_panic() {
        for input in [
            "<", "</", "<a", "<a b='", "<!--", "<script>", "<<>>", "</>", "<a =x>", "é<é>",
        ] {
            let _ = Document::parse(input);
        }
        check("<br/>x</br>", r#"br(),"x",br()"#);
        let deep = Document::parse(&"<div>".repeat(1000));
        let max_depth = (0..deep.nodes.len())
            .map(|mut id| {
                let mut depth = 0;
                while let Some(parent) = deep.nodes[id].parent {
                    id = parent;
                    depth += 1;
                }
                depth
            })
            .max();
        assert_eq!(max_depth, Some(MAX_DEPTH));
    }
}
