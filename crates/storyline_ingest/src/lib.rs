//! Ingest: files, directories, JSONL, stdin, HTML pages and WARC archives → a stream of
//! [`Record`]s: articles in input order, interleaved with diagnostics for what could not be read.
//!
//! CONTRACT (used by storyline_pipeline; keep the signatures):
//! `read_inputs(&inputs, &config)` returns a [`Reader`], an iterator of `Record`. Directories
//! are walked in sorted order; `-` is JSONL on stdin. Nothing here panics on any input: every
//! problem becomes a [`Diagnostic`] naming the file and line (or byte offset) and the stream
//! goes on.
//!
//! | input | articles |
//! |---|---|
//! | `.txt` | one per file, id = file stem |
//! | `.jsonl`, `.json`, `.ndjson` (`.gz` too), `-` | one per line: `id`, `text` or `html`, `title`, `date`, `url`, `source`; other fields in `extra` |
//! | `.json` holding an array or a pretty-printed object | one per object (whole file read if under `max_line_bytes`, else line by line) |
//! | `.html`, `.htm` (`.gz` too) | one per file, id = file stem, body [`RawBody::Html`] |
//! | `.warc`, `.warc.gz` | one per HTML `response` record, id = `WARC-Record-ID` |
//!
//! Diagnostic codes (severity: **E** = record or file skipped, **W** = kept, repaired or
//! counted):
//!
//! | code | sev. | meaning |
//! |---|---|---|
//! | `missing_path`, `unreadable_file`, `unreadable_directory`, `read_error` | E | I/O problems; a read error ends that file |
//! | `binary_file` | E | a text-format file whose first KB holds NUL or many control bytes |
//! | `unknown_extension`, `not_a_file`, `directory_loop` | W | skipped while walking a directory |
//! | `invalid_json`, `not_an_object`, `missing_body` | E | JSONL line (or `.json` element) skipped |
//! | `invalid_utf8` | W | lossy UTF-8, or Windows-1252 when no byte sequence is UTF-8 |
//! | `lone_surrogate` | W | a JSON `\u` escape of half a surrogate pair, replaced by U+FFFD (strict JSON refuses the line) |
//! | `invalid_field`, `field_too_large` | W | a field that is not a string (kept in `extra`) or too big to keep |
//! | `missing_id`, `duplicate_id` | W | id made up (`<stem>:<line>`, `<stem>@<offset>`) or suffixed `#2`, `#3`… |
//! | `truncated`, `empty_article` | W | body cut to the limit at a char boundary; empty body kept |
//! | `warc_bad_header`, `truncated_record`, `corrupt_gzip` | E | WARC record lost (partial bodies are kept with a W) |
//! | `warc_bad_length`, `warc_garbage` | W | wrong `Content-Length` or junk between records, resynchronised |
//! | `http_status`, `bad_http`, `bad_http_encoding`, `unsupported_encoding`, `binary_payload` | W | WARC response skipped or repaired |
//!
//! Gzip is recognised by its magic bytes whatever the name says; WARC gzip members are
//! decoded one by one, so a damaged member costs only its own record. Text that is not
//! UTF-8 is decoded leniently (see `invalid_utf8`), UTF-16 text files with a BOM properly.
//! Diagnostics about an article come just before it in the stream.
//!
//! Memory is bounded: files are streamed, one record at a time, and duplicate-id detection
//! keeps a 64-bit hash per id rather than the ids.
//!
//! ```
//! use std::io::Write;
//! use storyline_ingest::{read_inputs, IngestConfig, Record};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let path = dir.path().join("articles.jsonl");
//! let mut file = std::fs::File::create(&path).unwrap();
//! writeln!(file, r#"{{"id": "a1", "text": "Parliament met today.", "lang": "en"}}"#).unwrap();
//! writeln!(file, r#"{{"id": "a2", "text": "#).unwrap(); // truncated line
//! writeln!(file, r#"{{"id": "a1", "text": "Same id again."}}"#).unwrap();
//!
//! let mut ids = Vec::new();
//! let mut codes = Vec::new();
//! for record in read_inputs(&[path], &IngestConfig::default()) {
//!     match record {
//!         Record::Article(article) => ids.push(article.id),
//!         Record::Diagnostic(diagnostic) => codes.push(diagnostic.code),
//!     }
//! }
//! assert_eq!(ids, ["a1", "a1#2"]);
//! assert_eq!(codes, ["invalid_json", "duplicate_id"]);
//! ```

mod document;
mod format;
mod gzip;
mod http;
mod ids;
mod jsonl;
mod lines;
mod long_line;
mod pushback;
mod reader;
mod sink;
mod text;
mod warc;

use std::path::PathBuf;

pub use reader::Reader;
pub use storyline_core::RawBody;
use storyline_core::{Diagnostic, RawArticle};

/// Limits and switches for reading.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    /// Article bodies longer than this are truncated (with a diagnostic).
    pub max_article_bytes: usize,
    /// HTML pages longer than this are truncated (with a diagnostic). Separate from
    /// `max_article_bytes` because markup and inline scripts make pages several times larger
    /// than their text: 1.3% of the WCXB dev pages exceed 1 MiB, none exceeds 2 MiB.
    pub max_html_bytes: usize,
    /// JSONL lines up to this size are read into memory and parsed with serde_json; longer
    /// lines are parsed straight from the stream, keeping only what the limits allow
    /// (string fields up to their body limit, other values up to 1 MiB each). So this
    /// bounds the memory one record can cost.
    pub max_line_bytes: usize,
}

impl Default for IngestConfig {
    fn default() -> Self {
        IngestConfig {
            max_article_bytes: 1 << 20,
            max_html_bytes: 8 << 20,
            max_line_bytes: 16 << 20,
        }
    }
}

/// One item of the input stream.
#[derive(Debug)]
pub enum Record {
    /// An article as read; its `pos` names the file and line or record offset.
    Article(Box<RawArticle>),
    /// A problem with the input, with what the reader did about it.
    Diagnostic(Diagnostic),
}

/// Counts of what a [`Reader`] has read and skipped so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct IngestStats {
    /// Files (and stdin) opened for reading.
    pub files: u64,
    /// Files skipped whole: unknown extension, binary, unreadable.
    pub skipped_files: u64,
    /// Articles emitted.
    pub articles: u64,
    /// Warning diagnostics emitted.
    pub warnings: u64,
    /// Error diagnostics emitted.
    pub errors: u64,
    /// WARC records seen, of any type.
    pub warc_records: u64,
    /// WARC records skipped because they are not `response` records (request, metadata…).
    pub warc_non_response: u64,
    /// WARC responses skipped because their payload is not HTML.
    pub warc_non_html: u64,
    /// WARC responses skipped because they are HTTP redirects (3xx).
    pub warc_redirects: u64,
}

/// Reads every input in order: files, directories (walked recursively in sorted byte order,
/// hidden entries skipped) and `-` (JSONL on stdin).
pub fn read_inputs(inputs: &[PathBuf], config: &IngestConfig) -> Reader {
    Reader::new(inputs, config)
}
