//! WARC reader (WARC/1.0 and 1.1, plain or gzipped): HTML `response` records → articles.
//!
//! [`WarcSource`] streams one record at a time from a [`PushbackReader`] over the
//! (decompressed) file: it reads the header block, keeps at most the article limit of the
//! content block in memory, checks that the record ends where its `Content-Length` says and
//! resynchronises on the next `WARC/1.` line when it does not. Turning a record into an
//! article is in `warc/record.rs`, HTTP parsing in `http.rs`.
//!
//! What becomes an article: `response` records holding an HTTP 200 response whose payload is
//! HTML (by `Content-Type`, or sniffed when the type is missing or generic), and `resource`
//! records of type HTML. Requests, metadata, warcinfo and revisit records are skipped
//! silently and counted, as are non-HTML responses and redirects (3xx); other statuses are
//! skipped with a warning. `SourcePos::offset` is the record's byte offset in the
//! decompressed stream.

use std::io::{self, BufRead};

use storyline_core::SourcePos;

use crate::gzip::is_corrupt_member;
use crate::lines::{read_line_bounded, LineRead};
use crate::pushback::PushbackReader;
use crate::sink::Sink;
use crate::IngestConfig;

mod record;

/// Longest WARC header line kept; longer ones make the record malformed.
const MAX_HEADER_LINE_BYTES: usize = 64 << 10;
/// More header lines than this make the record malformed.
const MAX_HEADER_LINES: usize = 1024;
/// Room for the HTTP status line and headers on top of the article limit.
const HTTP_HEAD_ALLOWANCE: usize = 64 << 10;
/// How much of a record that is not an article is kept, to find a record start inside it
/// when its `Content-Length` turns out too long.
const SKIPPED_BLOCK_KEEP: usize = 64 << 10;
const RECORD_START: &[u8] = b"WARC/1.";
/// A file with more damaged gzip members than this is not worth reading on.
const MAX_CORRUPT_MEMBERS: u32 = 10_000;

/// A WARC stream being read record by record.
#[derive(Debug)]
pub(crate) struct WarcSource {
    input: PushbackReader,
    file: String,
    stem: String,
    line: Vec<u8>,
    /// The previous record was reported broken, so bytes skipped to the next record start
    /// need no second diagnostic.
    resyncing: bool,
    /// Damaged gzip members met so far; past a bound the file is given up.
    n_corrupt_members: u32,
}

/// How reading a content block ended.
#[derive(Debug)]
enum BlockEnd {
    Complete,
    Eof,
    Error(io::Error),
}

/// Where a record's content block lies and how much of it was kept.
#[derive(Debug, Clone, Copy)]
struct BlockSpan {
    /// Byte offset of the record (its version line) in the stream.
    offset: u64,
    /// The declared `Content-Length`.
    length: u64,
    /// How many block bytes may be kept in memory.
    keep: usize,
    /// More bytes were read than kept.
    cut: bool,
}

/// A record's header fields, names lowercased.
#[derive(Debug, Default)]
struct WarcHeaders {
    fields: Vec<(String, String)>,
}

impl WarcHeaders {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

impl WarcSource {
    pub(crate) fn new(reader: Box<dyn BufRead + Send>, file: String, stem: String) -> WarcSource {
        WarcSource {
            input: PushbackReader::new(reader),
            file,
            stem,
            line: Vec::new(),
            resyncing: false,
            n_corrupt_members: 0,
        }
    }

    fn pos(&self, offset: u64) -> SourcePos {
        SourcePos {
            file: self.file.clone(),
            line: None,
            offset: Some(offset),
        }
    }

    /// Reads one record and queues what it holds. Returns false at the end of the stream.
    pub(crate) fn step(&mut self, config: &IngestConfig, sink: &mut Sink) -> bool {
        match self.read_record(config, sink) {
            Ok(more) => more,
            Err(error)
                if is_corrupt_member(&error) && self.n_corrupt_members < MAX_CORRUPT_MEMBERS =>
            {
                // The decoder has skipped to the next gzip member; the records there are
                // still good.
                self.n_corrupt_members += 1;
                sink.error(
                    self.pos(self.input.offset()),
                    "corrupt_gzip",
                    format!("{error}; the record there is lost"),
                );
                self.resyncing = true;
                true
            }
            Err(error) => {
                let pos = self.pos(self.input.offset());
                let message = format!("could not read further ({error}): archive truncated or corrupt; rest of file skipped");
                sink.error(pos, "read_error", message);
                false
            }
        }
    }

    fn read_record(&mut self, config: &IngestConfig, sink: &mut Sink) -> io::Result<bool> {
        let garbage_start = self.input.offset();
        let (skipped, non_blank) = self.skip_to_record_start(None, 0)?;
        if skipped > 0 && non_blank && !self.resyncing {
            let message = format!("{skipped} bytes that are not a WARC record skipped");
            sink.warning(self.pos(garbage_start), "warc_garbage", message);
        }
        self.resyncing = false;
        if self.input.peek(1)?.is_empty() {
            return Ok(false);
        }
        let offset = self.input.offset();
        let Some(headers) = self.read_headers(offset, sink)? else {
            self.resyncing = true;
            return Ok(true);
        };
        let length = headers
            .get("content-length")
            .and_then(|value| value.trim().parse::<u64>().ok());
        let Some(length) = length else {
            sink.error(
                self.pos(offset),
                "warc_bad_header",
                "missing or invalid Content-Length; record skipped",
            );
            self.resyncing = true;
            return Ok(true);
        };
        sink.stats.warc_records += 1;
        let warc_type = headers
            .get("warc-type")
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        let wanted = matches!(warc_type.as_str(), "response" | "resource");
        if !wanted {
            sink.stats.warc_non_response += 1;
        }
        let keep = if wanted {
            config.max_html_bytes.saturating_add(HTTP_HEAD_ALLOWANCE)
        } else {
            SKIPPED_BLOCK_KEEP
        };
        let mut block = Vec::new();
        let (n_read, end) = self.read_block(length, keep, &mut block);
        let span = BlockSpan {
            offset,
            length,
            keep,
            cut: n_read > block.len() as u64,
        };
        match end {
            BlockEnd::Complete => {
                // A read error past the block (a damaged next gzip member) must not cost
                // this record: emit it first.
                let checked = self.check_record_end(span, false, &mut block, sink);
                if wanted {
                    self.emit(&headers, &warc_type, block, span, config, sink);
                }
                checked.map(|()| true)
            }
            BlockEnd::Eof if !span.cut && find_embedded_record(&block).is_some() => {
                // A Content-Length far too long ran to the end of the file over later
                // records: give them back.
                // A read error past the block (a damaged next gzip member) must not cost
                // this record: emit it first.
                let checked = self.check_record_end(span, true, &mut block, sink);
                if wanted {
                    self.emit(&headers, &warc_type, block, span, config, sink);
                }
                checked.map(|()| true)
            }
            BlockEnd::Eof | BlockEnd::Error(_) => {
                let message = format!("record ends after {n_read} of its {length} bytes");
                if wanted && !block.is_empty() {
                    sink.warning(
                        self.pos(offset),
                        "truncated_record",
                        format!("{message}; kept what was read"),
                    );
                    let span = BlockSpan { cut: true, ..span };
                    self.emit(&headers, &warc_type, block, span, config, sink);
                } else {
                    sink.error(
                        self.pos(offset),
                        "truncated_record",
                        format!("{message}; skipped"),
                    );
                }
                match end {
                    BlockEnd::Error(error) => Err(error),
                    _ => Ok(false),
                }
            }
        }
    }

    /// Reads the version line and header fields. `None` (after a diagnostic) when the
    /// header block is malformed; the caller then resynchronises.
    fn read_headers(&mut self, offset: u64, sink: &mut Sink) -> io::Result<Option<WarcHeaders>> {
        // The version line; skip_to_record_start guaranteed it starts with `WARC/1.`.
        read_line_bounded(&mut self.input, &mut self.line, MAX_HEADER_LINE_BYTES)?;
        let mut headers = WarcHeaders::default();
        loop {
            if headers.fields.len() >= MAX_HEADER_LINES {
                sink.error(
                    self.pos(offset),
                    "warc_bad_header",
                    "too many header lines; record skipped",
                );
                return Ok(None);
            }
            if self
                .input
                .peek(RECORD_START.len())?
                .starts_with(RECORD_START)
            {
                sink.error(
                    self.pos(offset),
                    "warc_bad_header",
                    "header block ends without a blank line; record skipped",
                );
                return Ok(None);
            }
            match read_line_bounded(&mut self.input, &mut self.line, MAX_HEADER_LINE_BYTES)? {
                LineRead::Eof => {
                    sink.error(
                        self.pos(offset),
                        "truncated_record",
                        "file ends inside a record header",
                    );
                    return Ok(None);
                }
                LineRead::Oversized { total_bytes } => {
                    let message = format!("header line of {total_bytes} bytes; record skipped");
                    sink.error(self.pos(offset), "warc_bad_header", message);
                    return Ok(None);
                }
                LineRead::Line if self.line.is_empty() => return Ok(Some(headers)),
                LineRead::Line if glued_record_start(&self.line).is_some() => {
                    // A record cut inside its header, glued to the next record's version
                    // line: give that record back.
                    let start = glued_record_start(&self.line).unwrap_or(0);
                    let mut rest = self.line[start..].to_vec();
                    rest.extend_from_slice(b"\r\n");
                    self.input.unread(&rest);
                    sink.error(
                        self.pos(offset),
                        "warc_bad_header",
                        "header block cut short by the next record; record skipped",
                    );
                    return Ok(None);
                }
                LineRead::Line => {
                    let line = String::from_utf8_lossy(&self.line);
                    if line.starts_with([' ', '\t']) {
                        if let Some((_, value)) = headers.fields.last_mut() {
                            value.push(' ');
                            value.push_str(line.trim());
                        }
                    } else if let Some((name, value)) = line.split_once(':') {
                        headers
                            .fields
                            .push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
                    }
                }
            }
        }
    }

    /// Reads `length` bytes of content block, keeping the first `keep` in `block`.
    /// Returns how many bytes were read and why reading stopped.
    fn read_block(&mut self, length: u64, keep: usize, block: &mut Vec<u8>) -> (u64, BlockEnd) {
        let mut n_read: u64 = 0;
        while n_read < length {
            let available = match self.input.fill_buf() {
                Ok(available) => available,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return (n_read, BlockEnd::Error(error)),
            };
            if available.is_empty() {
                return (n_read, BlockEnd::Eof);
            }
            let take = available
                .len()
                .min(usize::try_from(length - n_read).unwrap_or(usize::MAX));
            let room = keep.saturating_sub(block.len());
            block.extend_from_slice(&available[..take.min(room)]);
            self.input.consume(take);
            n_read += take as u64;
        }
        (n_read, BlockEnd::Complete)
    }

    /// After a block, the stream should hold CR/LFs and then the next record (or nothing).
    /// When it does not, `Content-Length` was wrong: either a record start hides inside the
    /// block (too long: give the rest back) or the block goes on (too short: read on to the
    /// next record start and append).
    fn check_record_end(
        &mut self,
        span: BlockSpan,
        ran_to_eof: bool,
        block: &mut Vec<u8>,
        sink: &mut Sink,
    ) -> io::Result<()> {
        let BlockSpan {
            offset,
            length,
            keep,
            cut,
        } = span;
        if !ran_to_eof {
            let head = self.input.peek(64)?;
            let n_newlines = head
                .iter()
                .take_while(|&&byte| matches!(byte, b'\r' | b'\n'))
                .count();
            let n_line_feeds = head[..n_newlines]
                .iter()
                .filter(|&&byte| byte == b'\n')
                .count();
            let rest = &head[n_newlines..];
            // A proper blank-line separator followed by something else means the length
            // was right and junk follows; the next call reports it as garbage.
            if rest.is_empty() || rest.starts_with(RECORD_START) || n_line_feeds >= 2 {
                self.input.consume(n_newlines);
                return Ok(());
            }
        }
        // The next record's headers may lie partly after the block: look at both.
        let mut probe = block.clone();
        probe.extend_from_slice(self.input.peek(2048)?);
        if let Some(start) = find_embedded_record(&probe).filter(|&start| start < block.len()) {
            self.input.unread(&block[start..]);
            block.truncate(start);
            trim_trailing_newlines(block);
            let message = format!(
                "Content-Length {length} runs past the end of the record; cut where the next record starts (offset {})",
                self.input.offset()
            );
            sink.warning(self.pos(offset), "warc_bad_length", message);
            return Ok(());
        }
        let collect_limit = if cut { block.len() } else { keep };
        let (extra_bytes, _) = self.skip_to_record_start(Some(block), collect_limit)?;
        trim_trailing_newlines(block);
        let message = format!(
            "Content-Length {length} ends before the record does; read {extra_bytes} more bytes up to the next record"
        );
        sink.warning(self.pos(offset), "warc_bad_length", message);
        Ok(())
    }

    /// Consumes bytes up to the next line that starts with `WARC/1.` (or the end), copying
    /// them into `collect` while it holds fewer than `collect_limit` bytes. Returns the number
    /// of bytes consumed and whether any of them was more than a line break.
    fn skip_to_record_start(
        &mut self,
        mut collect: Option<&mut Vec<u8>>,
        collect_limit: usize,
    ) -> io::Result<(u64, bool)> {
        let mut skipped: u64 = 0;
        let mut non_blank = false;
        let mut at_line_start = true;
        loop {
            if at_line_start {
                let head = self.input.peek(RECORD_START.len())?;
                if head.is_empty() || head.starts_with(RECORD_START) {
                    return Ok((skipped, non_blank));
                }
            }
            // The front buffer may hold just a few peeked bytes; look at enough to see a
            // whole `WARC/1.` after a glued prefix.
            let available = if self.input.fill_buf()?.len() < 64 {
                self.input.peek(64)?
            } else {
                self.input.fill_buf()?
            };
            if available.is_empty() {
                return Ok((skipped, non_blank));
            }
            // A record start glued to the end of a broken line (a record cut inside its
            // version line, then the next record) still counts.
            // (At a line start, a record start at 0 was already caught by the peek above.)
            if let Some(start) = memchr::memmem::find(available, RECORD_START) {
                let newline = memchr::memchr(b'\n', &available[..start]);
                if newline.is_none() {
                    non_blank = true;
                    if let Some(out) = collect.as_deref_mut() {
                        let room = collect_limit.saturating_sub(out.len());
                        out.extend_from_slice(&available[..start.min(room)]);
                    }
                    self.input.consume(start);
                    skipped += start as u64;
                    return Ok((skipped, non_blank));
                }
            }
            let (take, ends_line) = match memchr::memchr(b'\n', available) {
                Some(newline) => (newline + 1, true),
                // Keep the last bytes: a `WARC/1.` may straddle the end of the window.
                // (A window shorter than the peek means the stream ends here.)
                None if available.len() >= 64 => {
                    (available.len() - (RECORD_START.len() - 1), false)
                }
                None => (available.len(), false),
            };
            non_blank |= available[..take]
                .iter()
                .any(|byte| !byte.is_ascii_whitespace());
            if let Some(out) = collect.as_deref_mut() {
                let room = collect_limit.saturating_sub(out.len());
                out.extend_from_slice(&available[..take.min(room)]);
            }
            self.input.consume(take);
            skipped += take as u64;
            at_line_start = ends_line;
        }
    }
}

/// Finds a WARC record start inside a block: a short `WARC/1.x` version line (after a line
/// break, or glued to the end of a line that was cut), followed closely by a `WARC-Type` or
/// `WARC-Record-ID` header.
fn find_embedded_record(block: &[u8]) -> Option<usize> {
    memchr::memmem::find_iter(block, RECORD_START).find(|&start| {
        let window = &block[start..block.len().min(start + 2048)];
        let version_line_short =
            memchr::memchr(b'\n', window).is_some_and(|end| end <= RECORD_START.len() + 4);
        version_line_short && memchr::memmem::find(window, b"\nWARC-").is_some()
    })
}

/// Where a `WARC/1.x` version line starts inside a header line (`ContentWARC/1.0`).
fn glued_record_start(line: &[u8]) -> Option<usize> {
    let start = memchr::memmem::find(line, RECORD_START).filter(|&start| start > 0)?;
    // Only a version at the end of the line: `WARC/1.0` inside a header value is data.
    (line.len() - start <= RECORD_START.len() + 3).then_some(start)
}

/// Drops the CR/LF record separator (up to four bytes) from the end of a block.
fn trim_trailing_newlines(block: &mut Vec<u8>) {
    for _ in 0..4 {
        if matches!(block.last(), Some(b'\r' | b'\n')) {
            block.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_embedded_records() {
        let block = b"<html>\r\n\r\nWARC/1.0\r\nWARC-Type: request\r\n";
        assert_eq!(find_embedded_record(block), Some(10));
        assert_eq!(
            find_embedded_record(b"text mentions\nWARC/1.0 format"),
            None
        );
    }
}
