//! HTTP response parsing for WARC `response` records: status line, headers, and the
//! payload with chunked transfer-encoding and gzip/deflate content-encoding undone.
//!
//! [`parse_response`] reads a record block held in memory; [`decode_payload`] turns its
//! body into the page bytes, never producing more than a given limit.

use std::io::Read;

use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};

/// The parts of an HTTP response that ingest needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HttpResponse<'a> {
    /// Status code, `None` when the status line is not `HTTP/x.y NNN …`.
    pub(crate) status: Option<u16>,
    /// Header names lowercased, values trimmed; in order.
    pub(crate) headers: Vec<(String, String)>,
    /// Bytes after the blank line that ends the headers.
    pub(crate) body: &'a [u8],
}

impl HttpResponse<'_> {
    /// The first value of a header (`name` in lowercase).
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The media type of `Content-Type`, lowercased, without parameters.
    pub(crate) fn mime_type(&self) -> Option<String> {
        let value = self.header("content-type")?;
        let mime = value
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        (!mime.is_empty()).then_some(mime)
    }

    /// The `charset` parameter of `Content-Type`, as declared (quotes removed).
    pub(crate) fn charset(&self) -> Option<String> {
        charset_of(self.header("content-type")?)
    }
}

/// The `charset=` parameter of a `Content-Type` value.
pub(crate) fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        (!value.is_empty()).then(|| value.to_owned())
    })
}

/// Splits an HTTP response into status, headers and body. `None` when the block does not
/// start with an HTTP status line.
pub(crate) fn parse_response(block: &[u8]) -> Option<HttpResponse<'_>> {
    let start = block
        .iter()
        .position(|byte| !matches!(byte, b'\r' | b'\n'))
        .unwrap_or(block.len());
    let block = &block[start..];
    if !block.starts_with(b"HTTP/") {
        return None;
    }
    let (head, body) = split_head(block);
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse::<u16>().ok());
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.starts_with([' ', '\t']) {
            // An obsolete folded header line continues the previous value.
            if let Some((_, value)) = headers.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
            continue;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    Some(HttpResponse {
        status,
        headers,
        body,
    })
}

/// Splits at the first blank line (`\r\n\r\n` or `\n\n`); without one, all is head.
fn split_head(block: &[u8]) -> (&[u8], &[u8]) {
    let crlf = memchr::memmem::find(block, b"\r\n\r\n").map(|at| (at, at + 4));
    let lf = memchr::memmem::find(block, b"\n\n").map(|at| (at, at + 2));
    let end = match (crlf, lf) {
        (Some(crlf), Some(lf)) => Some(if lf.0 < crlf.0 { lf } else { crlf }),
        (one, other) => one.or(other),
    };
    match end {
        Some((head_end, body_start)) => (&block[..head_end], &block[body_start..]),
        None => (block, &[]),
    }
}

/// What decoding a payload produced, with the problems met on the way.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct DecodedPayload {
    pub(crate) bytes: Vec<u8>,
    /// Human-readable notes on framing or compression problems; the bytes are then what
    /// could be recovered.
    pub(crate) problems: Vec<String>,
    /// The content-encoding is one we cannot decode (e.g. brotli): `bytes` are unusable.
    pub(crate) unsupported_encoding: Option<String>,
}

/// Undoes transfer- and content-encoding of an HTTP body, producing at most `limit` bytes.
pub(crate) fn decode_payload(response: &HttpResponse<'_>, limit: usize) -> DecodedPayload {
    let mut decoded = DecodedPayload::default();
    let chunked = response
        .header("transfer-encoding")
        .is_some_and(|value| value.to_ascii_lowercase().contains("chunked"));
    let body: Vec<u8> = if chunked {
        match dechunk(response.body) {
            Ok(body) => body,
            Err(body) => {
                decoded
                    .problems
                    .push("malformed chunked transfer-encoding; kept the chunks read".to_owned());
                body
            }
        }
    } else {
        response.body.to_vec()
    };
    let encoding = response
        .header("content-encoding")
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    decoded.bytes = match encoding.as_str() {
        "" | "identity" | "none" => body,
        "gzip" | "x-gzip" => inflate(
            MultiGzDecoder::new(body.as_slice()),
            limit,
            "gzip",
            &mut decoded.problems,
        ),
        "deflate" => {
            // Servers send both zlib-wrapped and raw deflate under this name.
            let mut problems = Vec::new();
            let zlib = inflate(
                ZlibDecoder::new(body.as_slice()),
                limit,
                "deflate",
                &mut problems,
            );
            if problems.is_empty() {
                zlib
            } else {
                inflate(
                    DeflateDecoder::new(body.as_slice()),
                    limit,
                    "deflate",
                    &mut decoded.problems,
                )
            }
        }
        other => {
            decoded.unsupported_encoding = Some(other.to_owned());
            Vec::new()
        }
    };
    decoded
}

/// Reads a decompressor to the end or to `limit` bytes; on a corrupt or truncated stream
/// keeps what came out and notes the problem.
fn inflate(decoder: impl Read, limit: usize, name: &str, problems: &mut Vec<String>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut limited = decoder.take(limit.saturating_add(4) as u64);
    if let Err(error) = limited.read_to_end(&mut out) {
        problems.push(format!(
            "{name} content-encoding could not be fully decoded ({error}); kept {} bytes",
            out.len()
        ));
    }
    out
}

/// Decodes `Transfer-Encoding: chunked`. `Err` carries the data decoded before the
/// framing broke.
fn dechunk(mut body: &[u8]) -> Result<Vec<u8>, Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let Some(line_end) = memchr::memchr(b'\n', body) else {
            return if body.iter().all(u8::is_ascii_whitespace) {
                Ok(out)
            } else {
                Err(out)
            };
        };
        let size_line = String::from_utf8_lossy(&body[..line_end]);
        let size_text = size_line.split(';').next().unwrap_or("").trim();
        body = &body[line_end + 1..];
        if size_text.is_empty() {
            // Tolerate stray blank lines between chunks.
            continue;
        }
        let Ok(size) = usize::from_str_radix(size_text, 16) else {
            return Err(out);
        };
        if size == 0 {
            return Ok(out);
        }
        if size > body.len() {
            out.extend_from_slice(body);
            return Err(out);
        }
        out.extend_from_slice(&body[..size]);
        body = &body[size..];
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))
            .unwrap_or(body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// Parses `block` and renders `status|mime|charset|payload|problems`.
    fn check(block: &[u8], expected: &str) {
        let rendered = match parse_response(block) {
            None => "not http".to_owned(),
            Some(response) => {
                let payload = decode_payload(&response, 1000);
                format!(
                    "{:?}|{}|{}|{}|{}",
                    response.status,
                    response.mime_type().unwrap_or_default(),
                    response.charset().unwrap_or_default(),
                    String::from_utf8_lossy(&payload.bytes),
                    payload.problems.len() + usize::from(payload.unsupported_encoding.is_some()),
                )
            }
        };
        assert_eq!(rendered, expected);
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn parses_plain_responses() {
        check(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"ISO-8859-1\"\r\n\r\n<p>hi</p>",
            "Some(200)|text/html|ISO-8859-1|<p>hi</p>|0",
        );
        check(b"HTTP/1.0 301 Moved\nLocation: /x\n\n", "Some(301)||||0");
        check(b"GET / HTTP/1.1\r\n\r\n", "not http");
        check(b"HTTP/1.1 abc\r\n", "None||||0");
    }

    #[test]
    fn undoes_chunking_and_compression() {
        check(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>a\r\n5;x=1\r\nb</p>\r\n0\r\n\r\n", "Some(200)|||<p>ab</p>|0");
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        block.extend(gzip(b"<html>zipped</html>"));
        check(&block, "Some(200)|||<html>zipped</html>|0");
        let mut cut = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        let zipped = gzip(&b"<html>zipped page</html>".repeat(50));
        cut.extend(&zipped[..zipped.len() / 2]);
        let response = parse_response(&cut).unwrap();
        let payload = decode_payload(&response, 1000);
        assert_eq!(payload.problems.len(), 1);
        check(
            b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx",
            "Some(200)||||1",
        );
    }

    #[test]
    fn keeps_what_broken_chunking_holds() {
        check(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>a\r\nzz\r\nrest",
            "Some(200)|||<p>a|1",
        );
        check(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nff\r\nshort",
            "Some(200)|||short|1",
        );
    }
}
