//! A small, forgiving HTML parser: decoded page text → [`Document`], a tree of elements and text.
//!
//! It is not the HTML5 algorithm, but it mends what matters for reading articles: void elements,
//! implied ends (`<p>` closed by a block, `<li>` by the next `<li>`, table cells), end tags that
//! skip unclosed children, raw text in `<script>`/`<style>`, and character references. Script
//! bodies are dropped except JSON-LD (read by [`crate::metadata`]); `<style>`, `<noscript>` and
//! `<template>` bodies are dropped. Nesting is capped at [`MAX_DEPTH`] so that later tree walks
//! stay bounded on pathological pages. Output goes to [`crate::content`] and [`crate::metadata`].

use crate::entities::decode_entities;

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
        self.attrs.iter().find(|(attr_name, _)| attr_name == name).map(|(_, value)| value.as_str())
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
const HEAD_ELEMENTS: &[&str] =
    &["head", "meta", "link", "title", "script", "style", "base", "noscript", "template", "html"];

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
        Tokenizer { input: html, position: 0 }.run(&mut builder);
        Document { nodes: builder.nodes }
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
        self.nodes.iter().enumerate().filter_map(move |(id, node)| match &node.data {
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

struct TreeBuilder {
    nodes: Vec<Node>,
    /// Open elements, root first.
    open: Vec<NodeId>,
}

impl TreeBuilder {
    fn new(input_len: usize) -> TreeBuilder {
        let mut nodes = Vec::with_capacity(input_len / 40 + 1);
        nodes.push(Node { parent: None, children: Vec::new(), data: NodeData::Root });
        TreeBuilder { nodes, open: vec![0] }
    }

    fn current(&self) -> NodeId {
        self.open.last().copied().unwrap_or(0)
    }

    fn append(&mut self, data: NodeData) -> NodeId {
        let parent = self.current();
        let id = self.nodes.len();
        self.nodes.push(Node { parent: Some(parent), children: Vec::new(), data });
        self.nodes[parent].children.push(id);
        id
    }

    fn text(&mut self, text: &str) {
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

    fn start_tag(&mut self, element: Element, self_closing: bool) {
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
            && self.open.iter().take(3).any(|&id| self.nodes[id].data_name() == "head")
        {
            self.close_implied(&["head"], &[]);
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
                if self.open.iter().any(|&id| self.nodes[id].data_name() == name) =>
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

    fn end_tag(&mut self, name: &str) {
        // Browsers put anything after `</body>` or `</html>` back into the body, and pages do
        // carry content there (or close the body early by mistake).
        if name == "body" || name == "html" {
            return;
        }
        if name == "br" {
            self.append(NodeData::Element(Element { name: "br".to_owned(), attrs: Vec::new() }));
            return;
        }
        for depth in (1..self.open.len()).rev() {
            if self.open_name(depth) == name {
                self.open.truncate(depth);
                return;
            }
        }
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

struct Tokenizer<'input> {
    input: &'input str,
    position: usize,
}

impl<'input> Tokenizer<'input> {
    fn run(mut self, builder: &mut TreeBuilder) {
        let bytes = self.input.as_bytes();
        while self.position < bytes.len() {
            let rest = &bytes[self.position..];
            let Some(lt) = memchr::memchr(b'<', rest) else {
                builder.text(&decode_entities(&self.input[self.position..]));
                break;
            };
            if lt > 0 {
                let text = &self.input[self.position..self.position + lt];
                builder.text(&decode_entities(text));
                self.position += lt;
            }
            self.markup(builder);
        }
    }

    /// Reads the markup starting at the `<` under `position`.
    fn markup(&mut self, builder: &mut TreeBuilder) {
        let bytes = self.input.as_bytes();
        let start = self.position;
        match bytes.get(start + 1) {
            Some(b'!') => {
                if bytes[start..].starts_with(b"<!--") {
                    let body_start = start + 4;
                    self.position =
                        find(bytes, body_start, b"-->").map_or(bytes.len(), |end| end + 3);
                } else {
                    self.skip_past(b'>', start);
                }
            }
            Some(b'?') => self.skip_past(b'>', start),
            Some(b'/') => {
                let name_start = start + 2;
                if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
                    self.skip_past(b'>', start);
                    return;
                }
                let name_end = scan_name(bytes, name_start);
                let name = self.input[name_start..name_end].to_ascii_lowercase();
                self.skip_past(b'>', name_end);
                builder.end_tag(&name);
            }
            Some(byte) if byte.is_ascii_alphabetic() => self.start_tag(builder),
            _ => {
                builder.text("<");
                self.position = start + 1;
            }
        }
    }

    fn skip_past(&mut self, byte: u8, from: usize) {
        let bytes = self.input.as_bytes();
        self.position = memchr::memchr(byte, &bytes[from.min(bytes.len())..])
            .map_or(bytes.len(), |offset| from + offset + 1);
    }

    fn start_tag(&mut self, builder: &mut TreeBuilder) {
        let bytes = self.input.as_bytes();
        let name_start = self.position + 1;
        let name_end = scan_name(bytes, name_start);
        let name = self.input[name_start..name_end].to_ascii_lowercase();
        let mut attrs: Vec<(String, String)> = Vec::new();
        let mut cursor = name_end;
        let mut self_closing = false;
        loop {
            while cursor < bytes.len()
                && (bytes[cursor].is_ascii_whitespace() || bytes[cursor] == b'/')
            {
                self_closing = bytes[cursor] == b'/';
                cursor += 1;
            }
            match bytes.get(cursor) {
                None => {
                    // A tag cut off by the end of the page: drop it.
                    self.position = bytes.len();
                    return;
                }
                Some(b'>') => {
                    cursor += 1;
                    break;
                }
                Some(_) => {}
            }
            self_closing = false;
            let attr_start = cursor;
            while cursor < bytes.len()
                && !bytes[cursor].is_ascii_whitespace()
                && !matches!(bytes[cursor], b'=' | b'>' | b'/')
            {
                cursor += 1;
            }
            if cursor == attr_start {
                // A stray '=' where a name should be: step over it.
                cursor += 1;
                continue;
            }
            let attr_name = self.input[attr_start..cursor].to_ascii_lowercase();
            let mut lookahead = cursor;
            while lookahead < bytes.len() && bytes[lookahead].is_ascii_whitespace() {
                lookahead += 1;
            }
            let mut value = String::new();
            if bytes.get(lookahead) == Some(&b'=') {
                cursor = lookahead + 1;
                while cursor < bytes.len() && bytes[cursor].is_ascii_whitespace() {
                    cursor += 1;
                }
                let (value_start, value_end, next) = match bytes.get(cursor) {
                    Some(&quote @ (b'"' | b'\'')) => {
                        let value_start = cursor + 1;
                        match memchr::memchr(quote, &bytes[value_start..]) {
                            Some(offset) => {
                                (value_start, value_start + offset, value_start + offset + 1)
                            }
                            None => (value_start, bytes.len(), bytes.len()),
                        }
                    }
                    _ => {
                        let value_start = cursor;
                        let mut end = cursor;
                        while end < bytes.len()
                            && !bytes[end].is_ascii_whitespace()
                            && bytes[end] != b'>'
                        {
                            end += 1;
                        }
                        (value_start, end, end)
                    }
                };
                value = decode_entities(&self.input[value_start..value_end]).into_owned();
                cursor = next;
            }
            if !attrs.iter().any(|(existing, _)| *existing == attr_name) {
                attrs.push((attr_name, value));
            }
        }
        self.position = cursor;
        let element = Element { name, attrs };
        match element.name.as_str() {
            "script" | "style" | "noscript" | "template" | "textarea" | "title" | "xmp"
            | "iframe" | "noembed" | "noframes" => self.raw_text(builder, element, self_closing),
            _ => builder.start_tag(element, self_closing),
        }
    }

    /// Reads the body of an element whose content is not markup, up to its end tag.
    fn raw_text(&mut self, builder: &mut TreeBuilder, element: Element, self_closing: bool) {
        let name = element.name.clone();
        let keep = match name.as_str() {
            "script" => element.attr("type").is_some_and(|kind| kind.contains("ld+json")),
            "title" | "textarea" => true,
            _ => false,
        };
        let decode = matches!(name.as_str(), "title" | "textarea");
        let bytes = self.input.as_bytes();
        if self_closing && name != "script" && name != "title" {
            builder.start_tag(element, true);
            return;
        }
        let body_start = self.position;
        let (body_end, next) = find_end_tag(bytes, body_start, name.as_bytes());
        let body = &self.input[body_start..body_end];
        builder.start_tag(element, false);
        if keep {
            if decode {
                builder.text(&decode_entities(body));
            } else {
                builder.text(body);
            }
        }
        builder.end_tag(&name);
        self.position = next;
    }
}

/// End of a tag or attribute name starting at `start`.
fn scan_name(bytes: &[u8], start: usize) -> usize {
    let mut end = start;
    while end < bytes.len()
        && !bytes[end].is_ascii_whitespace()
        && !matches!(bytes[end], b'/' | b'>')
    {
        end += 1;
    }
    end
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|offset| from + offset)
}

/// Finds `</name` (any case) followed by whitespace, `/` or `>` from `from`: returns where the
/// body ends and where reading resumes.
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> (usize, usize) {
    let mut cursor = from;
    while let Some(offset) = memchr::memmem::find(&bytes[cursor..], b"</") {
        let tag_start = cursor + offset;
        let name_start = tag_start + 2;
        let name_end = name_start + name.len();
        if name_end <= bytes.len()
            && bytes[name_start..name_end].eq_ignore_ascii_case(name)
            && bytes
                .get(name_end)
                .map_or(true, |byte| byte.is_ascii_whitespace() || matches!(byte, b'/' | b'>'))
        {
            let next = memchr::memchr(b'>', &bytes[name_end..])
                .map_or(bytes.len(), |gt| name_end + gt + 1);
            return (tag_start, next);
        }
        cursor = name_start;
    }
    (bytes.len(), bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders the tree as `name(children)` with text in quotes, for compact expectations.
    fn outline(document: &Document, id: NodeId) -> String {
        let node = &document.nodes[id];
        let inner: Vec<String> =
            node.children.iter().map(|&child| outline(document, child)).collect();
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
        assert_eq!(outline(&document, 0), r#"a("t"),script(),script("{\"a\":1}"),title("A & B")"#);
    }

    #[test]
    fn broken_input_does_not_panic() {
        for input in
            ["<", "</", "<a", "<a b='", "<!--", "<script>", "<<>>", "</>", "<a =x>", "é<é>"]
        {
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
