//! Bounded-memory parsing of JSONL lines too long to hold: a small pull parser that reads
//! one top-level JSON object straight from the stream.
//!
//! [`parse_long_line`] is called by the JSONL reader when a line outgrows `max_line_bytes`.
//! String fields keep at most their size limit (the rest is decoded and dropped), other
//! values are captured raw up to a bound and handed to serde_json. The resulting field map
//! goes through the same article building as ordinary lines, so the rules are the same.
//! Nesting is tracked with a counter, never recursion.

use std::io::{self, BufRead};

use serde_json::{Map, Value};
use storyline_core::SourcePos;

use crate::jsonl::{build_article, BodyLengths};
use crate::lines::skip_rest_of_line;
use crate::sink::Sink;
use crate::text::{decode_lossy, decode_text, decoding_warning, truncate_bytes};
use crate::IngestConfig;

/// Largest non-string value (object, array) kept from a long line; bigger ones are dropped.
const MAX_RAW_VALUE_BYTES: usize = 1 << 20;

/// Why a long line could not be parsed.
#[derive(Debug)]
enum LongLineError {
    Io(io::Error),
    Syntax(String),
}

impl From<io::Error> for LongLineError {
    fn from(error: io::Error) -> LongLineError {
        LongLineError::Io(error)
    }
}

/// The rest of one line: first the bytes already buffered, then the stream up to `\n`.
struct LineCursor<'a> {
    head: &'a [u8],
    reader: &'a mut (dyn BufRead + Send),
    line_done: bool,
    /// Bytes at the front of the reader's buffer known to hold no newline.
    clear: usize,
}

impl LineCursor<'_> {
    /// The next bytes of the line (empty at its end), without consuming them.
    fn chunk(&mut self) -> io::Result<&[u8]> {
        if !self.head.is_empty() {
            return Ok(self.head);
        }
        if self.line_done {
            return Ok(&[]);
        }
        if self.clear == 0 {
            // Search the buffer for the newline once per fill, not once per call: the
            // string reader calls this for every escape.
            let (length, newline) = {
                let available = self.reader.fill_buf()?;
                (available.len(), memchr::memchr(b'\n', available))
            };
            if length == 0 || newline == Some(0) {
                if newline == Some(0) {
                    self.reader.consume(1);
                }
                self.line_done = true;
                return Ok(&[]);
            }
            self.clear = newline.unwrap_or(length);
        }
        let clear = self.clear;
        Ok(&self.reader.fill_buf()?[..clear])
    }

    fn consume(&mut self, n: usize) {
        if self.head.is_empty() {
            let n = n.min(self.clear);
            self.reader.consume(n);
            self.clear -= n;
        } else {
            self.head = &self.head[n.min(self.head.len())..];
        }
    }

    fn peek(&mut self) -> io::Result<Option<u8>> {
        Ok(self.chunk()?.first().copied())
    }

    fn next_byte(&mut self) -> io::Result<Option<u8>> {
        let byte = self.peek()?;
        if byte.is_some() {
            self.consume(1);
        }
        Ok(byte)
    }

    fn skip_whitespace(&mut self) -> io::Result<Option<u8>> {
        loop {
            match self.peek()? {
                Some(byte) if byte.is_ascii_whitespace() => self.consume(1),
                other => return Ok(other),
            }
        }
    }

    fn expect(&mut self, wanted: u8) -> Result<(), LongLineError> {
        match self.skip_whitespace()? {
            Some(byte) if byte == wanted => {
                self.consume(1);
                Ok(())
            }
            Some(byte) => Err(LongLineError::Syntax(format!(
                "expected '{}', found '{}'",
                wanted as char,
                byte.escape_ascii()
            ))),
            None => Err(LongLineError::Syntax(format!(
                "line ends where '{}' was expected",
                wanted as char
            ))),
        }
    }

    /// Reads the rest of the line to its newline.
    fn finish(&mut self) -> io::Result<()> {
        self.head = &[];
        if !self.line_done {
            skip_rest_of_line(self.reader)?;
            self.line_done = true;
        }
        Ok(())
    }
}

/// Parses one JSONL line of which `head` was already read (the rest is in `reader`) and
/// queues its article and diagnostics. Consumes the line to its newline whatever happens.
pub(crate) fn parse_long_line(
    head: &[u8],
    reader: &mut (dyn BufRead + Send),
    pos: SourcePos,
    stem: &str,
    config: &IngestConfig,
    sink: &mut Sink,
) {
    let mut cursor = LineCursor {
        head,
        reader,
        line_done: false,
        clear: 0,
    };
    let parsed = parse_object(&mut cursor, config, &pos, sink);
    if let Err(error) = cursor.finish() {
        sink.error(
            pos,
            "read_error",
            format!("could not read the rest of a long line: {error}"),
        );
        return;
    }
    match parsed {
        Ok((fields, lengths)) => build_article(fields, lengths, pos, stem, config, sink),
        Err(LongLineError::Io(error)) => sink.error(
            pos,
            "read_error",
            format!("could not read a long line: {error}; skipped"),
        ),
        Err(LongLineError::Syntax(message)) => sink.error(
            pos,
            "invalid_json",
            format!("not valid JSON ({message}); line skipped"),
        ),
    }
}

fn parse_object(
    cursor: &mut LineCursor<'_>,
    config: &IngestConfig,
    pos: &SourcePos,
    sink: &mut Sink,
) -> Result<(Map<String, Value>, BodyLengths), LongLineError> {
    let mut fields = Map::new();
    let mut lengths = BodyLengths::default();
    // Leading control bytes are tolerated, as for ordinary lines.
    while cursor.peek()?.is_some_and(|byte| byte <= b' ') {
        cursor.consume(1);
    }
    cursor.expect(b'{')?;
    if cursor.skip_whitespace()? == Some(b'}') {
        cursor.consume(1);
        return finish_object(cursor, fields).map(|fields| (fields, lengths));
    }
    loop {
        cursor.expect(b'"')?;
        let mut key_bytes = Vec::new();
        read_string(cursor, 4096, &mut key_bytes)?;
        let (key, _) = decode_lossy(key_bytes);
        cursor.expect(b':')?;
        let value = match cursor.skip_whitespace()? {
            Some(b'"') => {
                cursor.consume(1);
                let body_field = key == "text" || key == "html";
                let limit = match key.as_str() {
                    "html" => config.max_html_bytes,
                    "text" => config.max_article_bytes,
                    _ => MAX_RAW_VALUE_BYTES,
                };
                let mut bytes = Vec::new();
                let total = read_string(cursor, limit.saturating_add(4), &mut bytes)?;
                if body_field {
                    // Reported by the article builder, once the body is chosen.
                    lengths.record(&key, total);
                }
                if total > limit as u64 && !body_field {
                    let message =
                        format!("field \"{key}\" of {total} bytes is too large to keep; dropped");
                    sink.warning(pos.clone(), "field_too_large", message);
                    None
                } else {
                    truncate_bytes(&mut bytes, limit);
                    let (text, decoding) = decode_text(bytes);
                    if let Some(message) = decoding_warning(decoding) {
                        sink.warning(pos.clone(), "invalid_utf8", format!("\"{key}\": {message}"));
                    }
                    Some(Value::String(text))
                }
            }
            Some(_) => {
                let mut raw = Vec::new();
                let total = capture_value(cursor, MAX_RAW_VALUE_BYTES, &mut raw)?;
                if total > MAX_RAW_VALUE_BYTES as u64 {
                    let message =
                        format!("field \"{key}\" of {total} bytes is too large to keep; dropped");
                    sink.warning(pos.clone(), "field_too_large", message);
                    None
                } else {
                    let value = serde_json::from_slice::<Value>(&raw).map_err(|error| {
                        LongLineError::Syntax(format!("field \"{key}\": {error}"))
                    })?;
                    Some(value)
                }
            }
            None => {
                return Err(LongLineError::Syntax(
                    "line ends inside the object".to_owned(),
                ))
            }
        };
        if let Some(value) = value {
            fields.insert(key, value);
        }
        match cursor.skip_whitespace()? {
            Some(b',') => cursor.consume(1),
            Some(b'}') => {
                cursor.consume(1);
                return finish_object(cursor, fields).map(|fields| (fields, lengths));
            }
            Some(byte) => {
                return Err(LongLineError::Syntax(format!(
                    "expected ',' or '}}', found '{}'",
                    byte.escape_ascii()
                )))
            }
            None => {
                return Err(LongLineError::Syntax(
                    "line ends inside the object".to_owned(),
                ))
            }
        }
    }
}

/// Only whitespace (or control bytes) may follow the object on its line.
fn finish_object(
    cursor: &mut LineCursor<'_>,
    fields: Map<String, Value>,
) -> Result<Map<String, Value>, LongLineError> {
    loop {
        match cursor.next_byte()? {
            None => return Ok(fields),
            Some(byte) if byte <= b' ' => {}
            Some(byte) => {
                return Err(LongLineError::Syntax(format!(
                    "trailing characters after the object ('{}')",
                    byte.escape_ascii()
                )))
            }
        }
    }
}

/// Reads a JSON string body (after its opening quote) through its closing quote, decoding
/// escapes and keeping at most `limit` bytes in `out`. Returns the decoded length.
fn read_string(
    cursor: &mut LineCursor<'_>,
    limit: usize,
    out: &mut Vec<u8>,
) -> Result<u64, LongLineError> {
    let mut total: u64 = 0;
    let mut push = |out: &mut Vec<u8>, bytes: &[u8]| {
        let room = limit.saturating_sub(out.len());
        out.extend_from_slice(&bytes[..bytes.len().min(room)]);
        total += bytes.len() as u64;
    };
    loop {
        let chunk = cursor.chunk()?;
        if chunk.is_empty() {
            return Err(LongLineError::Syntax(
                "line ends inside a string".to_owned(),
            ));
        }
        let Some(special) = memchr::memchr2(b'"', b'\\', chunk) else {
            let n = chunk.len();
            push(out, chunk);
            cursor.consume(n);
            continue;
        };
        push(out, &chunk[..special]);
        let quote = chunk[special] == b'"';
        cursor.consume(special + 1);
        if quote {
            return Ok(total);
        }
        let escaped = cursor
            .next_byte()?
            .ok_or_else(|| LongLineError::Syntax("line ends inside an escape".to_owned()))?;
        let simple = match escaped {
            b'"' => Some(b'"'),
            b'\\' => Some(b'\\'),
            b'/' => Some(b'/'),
            b'b' => Some(0x08),
            b'f' => Some(0x0c),
            b'n' => Some(b'\n'),
            b'r' => Some(b'\r'),
            b't' => Some(b'\t'),
            b'u' => None,
            other => {
                return Err(LongLineError::Syntax(format!(
                    "invalid escape '\\{}'",
                    other.escape_ascii()
                )))
            }
        };
        if let Some(byte) = simple {
            push(out, &[byte]);
            continue;
        }
        let unit = read_hex4(cursor)?;
        let character = if (0xD800..0xDC00).contains(&unit) && cursor.peek()? == Some(b'\\') {
            // A surrogate pair spells one character outside the basic plane.
            cursor.consume(1);
            if cursor.next_byte()? != Some(b'u') {
                return Err(LongLineError::Syntax(
                    "invalid escape after a high surrogate".to_owned(),
                ));
            }
            let low = read_hex4(cursor)?;
            let combined = 0x10000 + ((unit - 0xD800) << 10) + low.wrapping_sub(0xDC00);
            if (0xDC00..0xE000).contains(&low) {
                char::from_u32(combined)
            } else {
                None
            }
        } else {
            char::from_u32(unit)
        };
        let mut encoded = [0u8; 4];
        push(
            out,
            character
                .unwrap_or('\u{FFFD}')
                .encode_utf8(&mut encoded)
                .as_bytes(),
        );
    }
}

fn read_hex4(cursor: &mut LineCursor<'_>) -> Result<u32, LongLineError> {
    let mut unit = 0u32;
    for _ in 0..4 {
        let digit = cursor
            .next_byte()?
            .and_then(|byte| (byte as char).to_digit(16))
            .ok_or_else(|| LongLineError::Syntax("invalid \\u escape".to_owned()))?;
        unit = unit * 16 + digit;
    }
    Ok(unit)
}

/// Copies one JSON value verbatim (at most `limit` bytes kept) and returns its length.
/// Objects and arrays are followed with a depth counter; strings inside them with their
/// escapes, so that brackets in strings do not count.
fn capture_value(
    cursor: &mut LineCursor<'_>,
    limit: usize,
    out: &mut Vec<u8>,
) -> Result<u64, LongLineError> {
    let mut total: u64 = 0;
    let mut depth: u64 = 0;
    let mut in_string = false;
    let mut escaped = false;
    loop {
        let Some(byte) = cursor.peek()? else {
            return if depth == 0 && !in_string {
                Ok(total)
            } else {
                Err(LongLineError::Syntax("line ends inside a value".to_owned()))
            };
        };
        if !in_string
            && depth == 0
            && total > 0
            && matches!(byte, b',' | b'}' | b']' | b' ' | b'\t' | b'\r')
        {
            return Ok(total);
        }
        cursor.consume(1);
        if out.len() < limit {
            out.push(byte);
        }
        total += 1;
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
        } else {
            match byte {
                b'"' => in_string = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        if depth == 0 && !in_string && matches!(byte, b'}' | b']' | b'"') {
            return Ok(total);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Record;
    use storyline_core::RawBody;

    /// Parses `line` with only its first `head_len` bytes pre-read, and renders the output.
    fn check(line: &str, head_len: usize, expected: &[&str]) {
        let config = IngestConfig {
            max_article_bytes: 8,
            max_html_bytes: 8,
            ..IngestConfig::default()
        };
        let bytes = format!("{line}\nNEXT").into_bytes();
        let head_len = head_len.min(line.len());
        let (head, rest) = bytes.split_at(head_len);
        let mut reader: Box<dyn BufRead + Send> = Box::new(io::BufReader::with_capacity(
            5,
            io::Cursor::new(rest.to_vec()),
        ));
        let mut sink = Sink::default();
        let pos = SourcePos {
            file: "f".to_owned(),
            line: Some(1),
            offset: None,
        };
        parse_long_line(head, &mut *reader, pos, "f", &config, &mut sink);
        let mut rest_of_stream = String::new();
        io::Read::read_to_string(&mut reader, &mut rest_of_stream).unwrap();
        assert_eq!(
            rest_of_stream, "NEXT",
            "the line must be consumed to its newline"
        );
        let found: Vec<String> = sink
            .queue
            .iter()
            .map(|record| match record {
                Record::Article(article) => {
                    let body = match &article.body {
                        RawBody::Text(text) => text.clone(),
                        RawBody::Html { bytes, .. } => String::from_utf8_lossy(bytes).into_owned(),
                    };
                    format!(
                        "{} {body:?} {}",
                        article.id,
                        Value::Object(article.extra.clone())
                    )
                }
                Record::Diagnostic(diagnostic) => diagnostic.code.clone(),
            })
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn parses_and_truncates_fields() {
        let line = r#"{"id":"a","text":"0123456789abc","tags":["x","]"],"n":12,"ok":true}"#;
        for head_len in [0, 3, 20, 1000] {
            check(
                line,
                head_len,
                &[
                    "truncated",
                    r#"a "01234567" {"n":12,"ok":true,"tags":["x","]"]}"#,
                ],
            );
        }
    }

    #[test]
    fn decodes_escapes() {
        check(
            r#" {"id":"\u00e9\ud83d\ude00","text":"a\"\n\\"}  "#,
            4,
            &["é😀 \"a\\\"\\n\\\\\" {}"],
        );
        check(
            r#"{"id":"x","text":"€€€€"}"#,
            0,
            &["truncated", r#"x "€€" {}"#],
        );
    }

    #[test]
    fn reports_broken_lines_and_still_consumes_them() {
        check(r#"{"id":"a","text":"never closed"#, 5, &["invalid_json"]);
        check(r#"{"id":"a" "text":"x"}"#, 5, &["invalid_json"]);
        check(r#"{"id":"a","text":"x"} trailing"#, 5, &["invalid_json"]);
        check(r#"[1,2]"#, 0, &["invalid_json"]);
        check(r#"{"id":"a","n":[1,}"#, 0, &["invalid_json"]);
    }
}
