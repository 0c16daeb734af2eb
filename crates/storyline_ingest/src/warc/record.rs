//! WARC record → article: which records hold an HTML page, and the article fields taken
//! from the WARC and HTTP headers.
//!
//! [`WarcSource::emit`] gets a record's headers and (bounded) content block from the record
//! reader in `warc.rs` and queues an article, a counted skip, or a warning in the [`Sink`].

use serde_json::{Map, Value};
use storyline_core::{RawArticle, RawBody};

use super::{BlockSpan, WarcHeaders, WarcSource};
use crate::format::looks_like_html;
use crate::http::{charset_of, decode_payload, parse_response};
use crate::jsonl::finish_article;
use crate::sink::Sink;
use crate::text::{looks_binary, utf16_bom};
use crate::IngestConfig;

impl WarcSource {
    /// Turns a `response` or `resource` record into an article when it holds an HTML page.
    pub(super) fn emit(
        &self,
        headers: &WarcHeaders,
        warc_type: &str,
        block: Vec<u8>,
        span: BlockSpan,
        config: &IngestConfig,
        sink: &mut Sink,
    ) {
        let BlockSpan { offset, cut, .. } = span;
        let pos = self.pos(offset);
        let record_content_type = headers
            .get("content-type")
            .unwrap_or("")
            .to_ascii_lowercase();
        let (bytes, charset, mime) = if warc_type == "resource" {
            let mime = record_content_type
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_owned();
            (
                block,
                headers.get("content-type").and_then(charset_of),
                mime,
            )
        } else {
            if !record_content_type.is_empty()
                && !record_content_type.starts_with("application/http")
            {
                // e.g. `text/dns` responses: not web pages.
                sink.stats.warc_non_html += 1;
                return;
            }
            let Some(response) = parse_response(&block) else {
                sink.warning(
                    pos,
                    "bad_http",
                    "response record does not hold an HTTP response; skipped",
                );
                return;
            };
            match response.status {
                Some(200) => {}
                Some(300..=399) => {
                    sink.stats.warc_redirects += 1;
                    return;
                }
                Some(status) => {
                    sink.warning(pos, "http_status", format!("HTTP status {status}; skipped"));
                    return;
                }
                None => {
                    sink.warning(pos, "bad_http", "HTTP status line is malformed; skipped");
                    return;
                }
            }
            let payload = decode_payload(&response, config.max_html_bytes);
            if let Some(encoding) = payload.unsupported_encoding {
                sink.warning(
                    pos,
                    "unsupported_encoding",
                    format!("content-encoding {encoding:?} is not supported; skipped"),
                );
                return;
            }
            if !cut {
                // A cut block explains any broken framing; the truncation warning says so.
                for problem in payload.problems {
                    sink.warning(pos.clone(), "bad_http_encoding", problem);
                }
            }
            (
                payload.bytes,
                response.charset(),
                response.mime_type().unwrap_or_default(),
            )
        };
        let is_html = match mime.as_str() {
            "text/html" | "application/xhtml+xml" => true,
            "" | "application/octet-stream" | "text/plain" | "unknown/unknown" => {
                looks_like_html(&bytes)
            }
            _ => false,
        };
        if !is_html {
            sink.stats.warc_non_html += 1;
            return;
        }
        let utf16 = utf16_bom(&bytes).is_some()
            || charset
                .as_deref()
                .is_some_and(|charset| charset.to_ascii_lowercase().starts_with("utf-16"));
        if looks_binary(&bytes) && !utf16 {
            sink.warning(
                pos,
                "binary_payload",
                "payload declared as HTML looks binary; skipped",
            );
            return;
        }
        let id = record_id(headers.get("warc-record-id").unwrap_or(""));
        let id = match id {
            Some(id) => id,
            None => {
                let synthesized = format!("{}@{offset}", self.stem);
                sink.warning(
                    pos.clone(),
                    "missing_id",
                    format!("record has no WARC-Record-ID; using {synthesized:?}"),
                );
                synthesized
            }
        };
        let mut extra = Map::new();
        if let Some(date) = headers.get("warc-date") {
            extra.insert("warc_date".to_owned(), Value::String(date.to_owned()));
        }
        if let Some(digest) = headers.get("warc-payload-digest") {
            extra.insert(
                "warc_payload_digest".to_owned(),
                Value::String(digest.to_owned()),
            );
        }
        let url = headers
            .get("warc-target-uri")
            .map(|uri| {
                uri.trim()
                    .trim_start_matches('<')
                    .trim_end_matches('>')
                    .to_owned()
            })
            .filter(|uri| !uri.is_empty());
        // When the block was cut while reading, the payload size is only known from the record.
        let read_len = cut.then(|| bytes.len() as u64 + 1);
        let article = RawArticle {
            id,
            title: None,
            date: None,
            url,
            source: None,
            body: RawBody::Html {
                bytes,
                declared_charset: charset,
            },
            extra,
            pos,
        };
        finish_article(article, read_len, config, sink);
    }
}

/// `<urn:uuid:ABC>` → `ABC`; other URIs keep their scheme. `None` when empty.
fn record_id(raw: &str) -> Option<String> {
    let id = raw
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim();
    let id = match id.get(..9) {
        Some(prefix) if prefix.eq_ignore_ascii_case("urn:uuid:") => &id[9..],
        _ => id,
    };
    (!id.is_empty()).then(|| id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(raw: &str, expected: Option<&str>) {
        assert_eq!(record_id(raw).as_deref(), expected);
    }

    #[test]
    fn strips_record_ids() {
        check("<urn:uuid:1234-abcd>", Some("1234-abcd"));
        check("<URN:UUID:x>", Some("x"));
        check("<urn:x-ia:42>", Some("urn:x-ia:42"));
        check("  ", None);
        check("<urn:uuid:>", None);
    }
}
