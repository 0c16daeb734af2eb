//! JSONL reader: one JSON object per line → one [`RawArticle`] per line.
//!
//! [`JsonlSource`] pulls lines from a (possibly gzip-decoded) stream into one reused
//! buffer, parses each with serde_json and hands articles and diagnostics to the [`Sink`].
//!
//! Field rules: `id`, `title`, `date`, `url`, `source` may be strings, numbers or booleans
//! (numbers and booleans are stringified, `null` and empty strings count as absent); an
//! object or array there gets a warning and is kept in `extra` under its own key. The body
//! is `text` if it holds more than whitespace, else `html`; when both are present the one not
//! used stays in `extra`. Every other field goes to `extra` untouched. Control bytes around
//! a line, and the brackets and commas of an array written one object per line, are
//! ignored.

use std::io::BufRead;

use serde_json::{Map, Value};
use storyline_core::{RawArticle, RawBody, SourcePos};

use crate::lines::{read_line_prefix, LinePrefix};
use crate::long_line::parse_long_line;
use crate::sink::Sink;
use crate::text::{
    decode_text, decoding_warning, is_blank, strip_bom, truncate_bytes, truncate_text,
};
use crate::IngestConfig;

/// Buffers larger than this are released after the line that needed them.
const KEEP_BUFFER_BYTES: usize = 4 << 20;

/// A JSONL stream being read line by line.
pub(crate) struct JsonlSource {
    reader: Box<dyn BufRead + Send>,
    file: String,
    stem: String,
    line_number: u64,
    buffer: Vec<u8>,
}

impl std::fmt::Debug for JsonlSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JsonlSource")
            .field("file", &self.file)
            .field("line", &self.line_number)
            .finish()
    }
}

impl JsonlSource {
    pub(crate) fn new(reader: Box<dyn BufRead + Send>, file: String, stem: String) -> JsonlSource {
        JsonlSource {
            reader,
            file,
            stem,
            line_number: 0,
            buffer: Vec::with_capacity(64 << 10),
        }
    }

    /// Reads one line and queues what it holds. Returns false at the end of the stream
    /// (or after a read error, which is reported).
    pub(crate) fn step(&mut self, config: &IngestConfig, sink: &mut Sink) -> bool {
        self.line_number += 1;
        let pos = SourcePos {
            file: self.file.clone(),
            line: Some(self.line_number),
            offset: None,
        };
        let status = read_line_prefix(&mut self.reader, &mut self.buffer, config.max_line_bytes);
        let more = match status {
            Ok(LinePrefix::Eof) => false,
            Ok(LinePrefix::Line) => {
                let line = if self.line_number == 1 {
                    strip_bom(&self.buffer)
                } else {
                    &self.buffer
                };
                parse_line(line, pos, &self.stem, config, sink);
                true
            }
            Ok(LinePrefix::Partial) => {
                // Too long to hold: parse the rest straight from the stream.
                let head = if self.line_number == 1 {
                    strip_bom(&self.buffer)
                } else {
                    &self.buffer
                };
                parse_long_line(head, &mut *self.reader, pos, &self.stem, config, sink);
                true
            }
            Err(error) => {
                sink.error(
                    pos,
                    "read_error",
                    format!("could not read further: {error}; rest of file skipped"),
                );
                false
            }
        };
        if self.buffer.capacity() > KEEP_BUFFER_BYTES {
            self.buffer = Vec::with_capacity(64 << 10);
        }
        more
    }
}

/// Parses one JSONL line and queues its article and diagnostics. Blank lines are ignored.
pub(crate) fn parse_line(
    line: &[u8],
    pos: SourcePos,
    stem: &str,
    config: &IngestConfig,
    sink: &mut Sink,
) {
    // Control bytes around a record (a stray NUL or form feed from concatenated files) are
    // never valid JSON there, so they are dropped rather than costing the record.
    let start = line
        .iter()
        .position(|&byte| byte > b' ')
        .unwrap_or(line.len());
    let end = line
        .iter()
        .rposition(|&byte| byte > b' ')
        .map_or(start, |last| last + 1);
    let line = strip_array_punctuation(&line[start..end.max(start)]);
    if line.is_empty() {
        return;
    }
    let value = match serde_json::from_slice::<Value>(line) {
        Ok(value) => value,
        Err(error) => match repair_json(line) {
            Some(repaired) => {
                repaired.report(&pos, sink);
                repaired.value
            }
            None => {
                sink.error(
                    pos,
                    "invalid_json",
                    format!("not valid JSON ({error}); line skipped"),
                );
                return;
            }
        },
    };
    let Value::Object(fields) = value else {
        let kind = json_kind(&value);
        sink.error(
            pos,
            "not_an_object",
            format!("line is a JSON {kind}, not an object; skipped"),
        );
        return;
    };
    build_article(fields, BodyLengths::default(), pos, stem, config, sink);
}

/// JSON that strict parsing refused, read after repairs.
pub(crate) struct Repaired {
    pub(crate) value: Value,
    /// Set when the bytes were not UTF-8 and were decoded leniently.
    decoding_warning: Option<&'static str>,
    /// Whether a `\u` escape of half a surrogate pair was replaced.
    lone_surrogate: bool,
}

impl Repaired {
    /// The warnings that say what was repaired, at `pos`.
    pub(crate) fn report(&self, pos: &SourcePos, sink: &mut Sink) {
        if let Some(message) = self.decoding_warning {
            sink.warning(pos.clone(), "invalid_utf8", message);
        }
        if self.lone_surrogate {
            sink.warning(
                pos.clone(),
                "lone_surrogate",
                "a \\u escape is half of a surrogate pair; replaced by U+FFFD",
            );
        }
    }
}

/// Reads JSON (a line, or a whole document) that strict parsing refused: bytes that are
/// not UTF-8 are decoded leniently, and then half a surrogate pair ("\ud83d" of an emoji
/// cut in two, as JavaScript and Python write it) becomes U+FFFD, so that a record costs
/// only its broken characters. `None` when it is not JSON even so.
pub(crate) fn repair_json(json: &[u8]) -> Option<Repaired> {
    let (text, decoding_warning) = if std::str::from_utf8(json).is_ok() {
        (None, None)
    } else {
        let (text, decoding) = decode_text(json.to_vec());
        (Some(text), decoding_warning(decoding))
    };
    let bytes = text.as_deref().map_or(json, str::as_bytes);
    let strict = text
        .is_some()
        .then(|| serde_json::from_slice::<Value>(bytes).ok())
        .flatten();
    let (value, lone_surrogate) = match strict {
        Some(value) => (value, false),
        None => {
            let repaired = replace_lone_surrogates(bytes)?;
            (serde_json::from_slice::<Value>(&repaired).ok()?, true)
        }
    };
    Some(Repaired {
        value,
        decoding_warning,
        lone_surrogate,
    })
}

/// `line` with every `\u` escape of a lone surrogate (a high one not followed by a low
/// one, or a low one alone) replaced by `\uFFFD`; `None` when it has none. Escapes are read
/// in turn, so the `u` after an escaped backslash (`\\u`) is left alone.
fn replace_lone_surrogates(line: &[u8]) -> Option<Vec<u8>> {
    let unit_at = |at: usize| -> Option<u16> {
        let escape = line.get(at..at + 6)?;
        if escape[0] != b'\\' || escape[1] != b'u' {
            return None;
        }
        let hex = std::str::from_utf8(&escape[2..]).ok()?;
        u16::from_str_radix(hex, 16).ok()
    };
    let is_high = |unit: u16| (0xD800..0xDC00).contains(&unit);
    let is_low = |unit: u16| (0xDC00..0xE000).contains(&unit);
    let mut repaired: Option<Vec<u8>> = None;
    let mut copied = 0;
    let mut at = 0;
    while at < line.len() {
        if line[at] != b'\\' {
            at += 1;
            continue;
        }
        let Some(unit) = unit_at(at) else {
            // Any other escape: its backslash and the byte after it.
            at += 2;
            continue;
        };
        if is_high(unit) && unit_at(at + 6).is_some_and(is_low) {
            at += 12;
            continue;
        }
        if is_high(unit) || is_low(unit) {
            let out = repaired.get_or_insert_with(|| Vec::with_capacity(line.len()));
            out.extend_from_slice(&line[copied..at]);
            out.extend_from_slice(b"\\uFFFD");
            copied = at + 6;
        }
        at += 6;
    }
    let mut repaired = repaired?;
    repaired.extend_from_slice(&line[copied..]);
    Some(repaired)
}

/// Sizes of the `text` and `html` strings in the input, when a reader cut them while
/// reading (long lines); the article builder reports the truncation of the one it uses.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct BodyLengths {
    text: Option<u64>,
    html: Option<u64>,
}

impl BodyLengths {
    pub(crate) fn record(&mut self, key: &str, length: u64) {
        match key {
            "text" => self.text = Some(length),
            "html" => self.html = Some(length),
            _ => {}
        }
    }
}

/// Lets a JSON array written one object per line (`[{…},` / `{…},` / `{…}]`) read as JSON
/// lines: the brackets and separating commas around an object are dropped, and a line
/// holding only a bracket is blank. Such lines are invalid JSON otherwise, so nothing
/// valid changes meaning.
fn strip_array_punctuation(line: &[u8]) -> &[u8] {
    if matches!(line, b"[" | b"]" | b"]," | b"[]") {
        return &[];
    }
    let mut line = line;
    if let Some(rest) = line.strip_prefix(b"[") {
        let rest = rest.trim_ascii_start();
        if rest.first() == Some(&b'{') {
            line = rest;
        }
    }
    if line.first() != Some(&b'{') {
        return line;
    }
    if let Some(rest) = line.strip_suffix(b",") {
        line = rest.trim_ascii_end();
    }
    if let Some(rest) = line.strip_suffix(b"]") {
        line = rest.trim_ascii_end();
    }
    line
}

pub(crate) fn build_article(
    mut fields: Map<String, Value>,
    lengths: BodyLengths,
    pos: SourcePos,
    stem: &str,
    config: &IngestConfig,
    sink: &mut Sink,
) {
    let mut extra = Map::new();
    let id = take_string_field(&mut fields, "id", &mut extra, &pos, sink);
    let title = take_string_field(&mut fields, "title", &mut extra, &pos, sink);
    let date = take_string_field(&mut fields, "date", &mut extra, &pos, sink);
    let url = take_string_field(&mut fields, "url", &mut extra, &pos, sink);
    let source = take_string_field(&mut fields, "source", &mut extra, &pos, sink);
    let text = take_body_field(&mut fields, "text", &mut extra, &pos, sink);
    let html = take_body_field(&mut fields, "html", &mut extra, &pos, sink);

    let body = match (text, html) {
        (Some(text), Some(html)) if is_blank(&text) && !html.is_empty() => RawBody::Html {
            bytes: html.into_bytes(),
            declared_charset: None,
        },
        (Some(text), html) => {
            if let Some(html) = html {
                extra.insert("html".to_owned(), Value::String(html));
            }
            RawBody::Text(text)
        }
        (None, Some(html)) => RawBody::Html {
            bytes: html.into_bytes(),
            declared_charset: None,
        },
        (None, None) => {
            sink.error(
                pos,
                "missing_body",
                "record has neither a \"text\" nor an \"html\" string; skipped",
            );
            return;
        }
    };
    extra.append(&mut fields);

    let id = match id {
        Some(id) => id,
        None => {
            let line = pos.line.unwrap_or(0);
            let synthesized = format!("{stem}:{line}");
            sink.warning(
                pos.clone(),
                "missing_id",
                format!("record has no \"id\"; using {synthesized:?}"),
            );
            synthesized
        }
    };
    let article = RawArticle {
        id,
        title,
        date,
        url,
        source,
        body,
        extra,
        pos,
    };
    let read_len = match article.body {
        RawBody::Text(_) => lengths.text,
        RawBody::Html { .. } => lengths.html,
    };
    finish_article(article, read_len, config, sink);
}

/// Truncates an over-long body and flags an empty one, then queues the article.
/// Shared by every format so that the limits and messages are the same everywhere.
/// `read_len` is the body's size in the input when the reader already cut it while reading.
pub(crate) fn finish_article(
    mut article: RawArticle,
    read_len: Option<u64>,
    config: &IngestConfig,
    sink: &mut Sink,
) {
    let max = match article.body {
        RawBody::Text(_) => config.max_article_bytes,
        RawBody::Html { .. } => config.max_html_bytes,
    };
    let (in_memory_len, mut truncated, blank) = match &mut article.body {
        RawBody::Text(text) => {
            let in_memory_len = text.len();
            let truncated = truncate_text(text, max);
            (in_memory_len, truncated, is_blank(text))
        }
        RawBody::Html { bytes, .. } => {
            let in_memory_len = bytes.len();
            let truncated = truncate_bytes(bytes, max);
            (
                in_memory_len,
                truncated,
                bytes.iter().all(u8::is_ascii_whitespace),
            )
        }
    };
    let original_len = read_len.unwrap_or(0).max(in_memory_len as u64);
    truncated |= original_len > in_memory_len as u64;
    if truncated {
        let message = format!("body of {original_len} bytes truncated to the {max} byte limit");
        sink.warning(article.pos.clone(), "truncated", message);
    }
    if blank {
        sink.warning(
            article.pos.clone(),
            "empty_article",
            "article body is empty; kept so the run can mark it",
        );
    }
    sink.article(article);
}

/// Takes a metadata field as a string, following the module's field rules.
fn take_string_field(
    fields: &mut Map<String, Value>,
    key: &str,
    extra: &mut Map<String, Value>,
    pos: &SourcePos,
    sink: &mut Sink,
) -> Option<String> {
    match fields.remove(key)? {
        Value::String(text) if is_blank(&text) => None,
        Value::String(text) => Some(text),
        Value::Null => None,
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Number(number) => Some(number.to_string()),
        other => {
            let kind = json_kind(&other);
            sink.warning(
                pos.clone(),
                "invalid_field",
                format!("\"{key}\" is a JSON {kind}, not a string; kept in extra"),
            );
            extra.insert(key.to_owned(), other);
            None
        }
    }
}

/// Takes `text` or `html`: only a string is a body; anything else is kept in `extra`.
fn take_body_field(
    fields: &mut Map<String, Value>,
    key: &str,
    extra: &mut Map<String, Value>,
    pos: &SourcePos,
    sink: &mut Sink,
) -> Option<String> {
    match fields.remove(key)? {
        Value::String(text) => Some(text),
        Value::Null => None,
        other => {
            let kind = json_kind(&other);
            sink.warning(
                pos.clone(),
                "invalid_field",
                format!("\"{key}\" is a JSON {kind}, not a string; kept in extra"),
            );
            extra.insert(key.to_owned(), other);
            None
        }
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Record;

    /// Parses one line and renders what came out, one item per string:
    /// `article id=… body=…` or `<severity> <code>`.
    fn check(line: &str, expected: &[&str]) {
        check_bytes(line.as_bytes(), expected);
    }

    fn check_bytes(line: &[u8], expected: &[&str]) {
        let config = IngestConfig {
            max_article_bytes: 16,
            ..IngestConfig::default()
        };
        let mut sink = Sink::default();
        let pos = SourcePos {
            file: "f.jsonl".to_owned(),
            line: Some(7),
            offset: None,
        };
        parse_line(line, pos, "f", &config, &mut sink);
        let found: Vec<String> = sink.queue.iter().map(render).collect();
        assert_eq!(found, expected);
    }

    fn render(record: &Record) -> String {
        match record {
            Record::Article(article) => {
                let body = match &article.body {
                    RawBody::Text(text) => format!("text:{text}"),
                    RawBody::Html { bytes, .. } => {
                        format!("html:{}", String::from_utf8_lossy(bytes))
                    }
                };
                let mut rendered = format!("article id={} body={body}", article.id);
                for (name, value) in [
                    ("title", &article.title),
                    ("date", &article.date),
                    ("url", &article.url),
                    ("source", &article.source),
                ] {
                    if let Some(value) = value {
                        rendered.push_str(&format!(" {name}={value}"));
                    }
                }
                if !article.extra.is_empty() {
                    rendered.push_str(&format!(" extra={}", Value::Object(article.extra.clone())));
                }
                rendered
            }
            Record::Diagnostic(diagnostic) => {
                format!("{:?} {}", diagnostic.severity, diagnostic.code)
            }
        }
    }

    #[test]
    fn reads_fields() {
        check(
            r#"{"id":"a","text":"Body.","title":"T","date":"2024-06-01","url":"u","source":"s","lang":"en"}"#,
            &[
                r#"article id=a body=text:Body. title=T date=2024-06-01 url=u source=s extra={"lang":"en"}"#,
            ],
        );
        check(
            r#"{"id":"h","html":"<p>x</p>"}"#,
            &["article id=h body=html:<p>x</p>"],
        );
    }

    #[test]
    fn stringifies_numbers_and_keeps_objects_in_extra() {
        check(
            r#"{"id":12,"text":"x","date":20240601}"#,
            &["article id=12 body=text:x date=20240601"],
        );
        check(
            r#"{"id":"a","text":"x","title":{"en":"T"}}"#,
            &[
                "Warning invalid_field",
                r#"article id=a body=text:x extra={"title":{"en":"T"}}"#,
            ],
        );
    }

    #[test]
    fn prefers_text_and_keeps_html() {
        check(
            r#"{"id":"a","text":"x","html":"<p>"}"#,
            &[r#"article id=a body=text:x extra={"html":"<p>"}"#],
        );
        check(
            r#"{"id":"a","text":"  ","html":"<p>"}"#,
            &["article id=a body=html:<p>"],
        );
    }

    #[test]
    fn reads_arrays_written_one_object_per_line() {
        check(r#"[{"id":"a","text":"x"},"#, &["article id=a body=text:x"]);
        check(r#"{"id":"b","text":"y"} ,"#, &["article id=b body=text:y"]);
        check(r#"{"id":"c","text":"z"}]"#, &["article id=c body=text:z"]);
        check("[", &[]);
        check("]", &[]);
    }

    #[test]
    fn reports_bad_lines() {
        check(r#"{"id":"a","text":"x""#, &["Error invalid_json"]);
        check("[1,2]", &["Error not_an_object"]);
        check(r#"{"id":"a"}"#, &["Error missing_body"]);
        check(
            r#"{"id":"a","text":5}"#,
            &["Warning invalid_field", "Error missing_body"],
        );
        check("   ", &[]);
    }

    #[test]
    fn repairs_what_it_can() {
        check(
            r#"{"text":"x"}"#,
            &["Warning missing_id", "article id=f:7 body=text:x"],
        );
        check(
            r#"{"id":"a","text":" "}"#,
            &["Warning empty_article", "article id=a body=text: "],
        );
        check(
            r#"{"id":"a","text":"0123456789abcdefXYZ"}"#,
            &[
                "Warning truncated",
                "article id=a body=text:0123456789abcdef",
            ],
        );
        check_bytes(
            b"{\"id\":\"a\",\"text\":\"x\xFFy\"}",
            &["Warning invalid_utf8", "article id=a body=text:x\u{FF}y"],
        );
        check_bytes(
            b"{\"id\":\"\xC3\xA9\",\"text\":\"x\xFFy\"}",
            &["Warning invalid_utf8", "article id=é body=text:x\u{FFFD}y"],
        );
    }

    #[test]
    fn lone_surrogates_cost_only_their_character() {
        // Half a pair at either end and alone in the middle; a whole pair is decoded.
        check(
            r#"{"id":"a","text":"\ud83dA\udc00B\ud83d\ude00\ud800"}"#,
            &[
                "Warning lone_surrogate",
                "article id=a body=text:\u{FFFD}A\u{FFFD}B\u{1F600}\u{FFFD}",
            ],
        );
        // The `u` after an escaped backslash is text, not an escape.
        check(
            r#"{"id":"a","text":"\\ud800 \ud800"}"#,
            &[
                "Warning lone_surrogate",
                "article id=a body=text:\\ud800 \u{FFFD}",
            ],
        );
        assert_eq!(
            replace_lone_surrogates(br#"{"a":"\\ud800 \ud83d\ude00"}"#),
            None
        );
        // Not UTF-8 as well: both repairs, both warnings.
        check_bytes(
            b"{\"id\":\"a\",\"text\":\"x\xFF \\ud83d\"}",
            &[
                "Warning invalid_utf8",
                "Warning lone_surrogate",
                "article id=a body=text:x\u{FF} \u{FFFD}",
            ],
        );
        // Still broken after the repair: skipped as before.
        check(r#"{"id":"a","text":"\ud800"#, &["Error invalid_json"]);
    }
}
