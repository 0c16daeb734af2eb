//! HTML tokenizer: page text → tags, attributes and text, fed to the tree builder.
//!
//! Main type: [`Tokenizer`], driven by [`crate::html::Document::parse`], which owns the
//! [`TreeBuilder`] that receives the tokens. Comments, doctypes and processing instructions are
//! skipped; raw-text elements (`<script>`, `<style>`, `<title>`, `<textarea>` …) are read up to
//! their end tag, and only JSON-LD scripts, titles and text areas keep their bodies. Character
//! references are decoded in text and attribute values ([`crate::entities`]). Every loop moves
//! forward through the input, so the work is linear in the page size.

use crate::entities::decode_entities;
use crate::html::{Element, TreeBuilder};

pub(crate) struct Tokenizer<'input> {
    input: &'input str,
    position: usize,
}

impl<'input> Tokenizer<'input> {
    pub(crate) fn new(input: &'input str) -> Tokenizer<'input> {
        Tokenizer { input, position: 0 }
    }

    /// Feeds every token of the input to `builder`.
    pub(crate) fn run(mut self, builder: &mut TreeBuilder) {
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
            "script" => element
                .attr("type")
                .is_some_and(|kind| kind.contains("ld+json")),
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
            && bytes.get(name_end).map_or(true, |byte| {
                byte.is_ascii_whitespace() || matches!(byte, b'/' | b'>')
            })
        {
            let next = memchr::memchr(b'>', &bytes[name_end..])
                .map_or(bytes.len(), |gt| name_end + gt + 1);
            return (tag_start, next);
        }
        cursor = name_start;
    }
    (bytes.len(), bytes.len())
}
