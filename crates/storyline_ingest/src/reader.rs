//! The [`Reader`] iterator: walks the inputs in order and dispatches each file to its
//! format reader, yielding articles and diagnostics as they are read.
//!
//! Inputs come from the command line (files, directories, `-` for stdin); directories are
//! expanded lazily, entries in sorted byte order with hidden names skipped. Records go out
//! through the [`Sink`] queue; at most one file is open at a time.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use flate2::read::MultiGzDecoder;
use rustc_hash::FxHashSet;
use storyline_core::{RawArticle, RawBody, SourcePos};

use crate::document::{is_json_document, read_json_document, DocumentOutcome};
use crate::format::{classify, file_stem, sniff, FileKind, Format};
use crate::gzip::GzipMembers;
use crate::jsonl::{finish_article, JsonlSource};
use crate::sink::Sink;
use crate::text::{
    decode_text, decoding_warning, looks_binary, strip_bom, truncate_bytes, utf16_bom,
};
use crate::warc::WarcSource;
use crate::{IngestConfig, IngestStats, Record};

/// Read buffer per open file: large enough that syscalls are not the cost.
const READ_BUFFER_BYTES: usize = 256 << 10;

/// Streaming reader over all inputs of a run; created by [`crate::read_inputs`].
///
/// Yields [`Record`]s in input order; the warnings about an article come just before it.
/// Memory is bounded by one record (a JSONL line up to `max_line_bytes`, longer lines and
/// other formats up to `max_article_bytes` / `max_html_bytes` per body) plus about 16 bytes
/// per distinct article id for duplicate detection.
#[derive(Debug)]
pub struct Reader {
    config: IngestConfig,
    pending: VecDeque<PendingInput>,
    current: Option<Source>,
    sink: Sink,
    /// Canonical paths of directories already walked, so symlink loops end.
    visited_dirs: FxHashSet<PathBuf>,
}

#[derive(Debug)]
struct PendingInput {
    path: PathBuf,
    /// Named on the command line (not found inside a directory).
    explicit: bool,
}

/// A multi-record file being read.
#[derive(Debug)]
enum Source {
    Jsonl(JsonlSource),
    Warc(WarcSource),
}

impl Reader {
    pub(crate) fn new(inputs: &[PathBuf], config: &IngestConfig) -> Reader {
        Reader {
            config: config.clone(),
            pending: inputs
                .iter()
                .map(|path| PendingInput {
                    path: path.clone(),
                    explicit: true,
                })
                .collect(),
            current: None,
            sink: Sink::default(),
            visited_dirs: FxHashSet::default(),
        }
    }

    /// Counts of what was read and skipped so far.
    pub fn stats(&self) -> &IngestStats {
        &self.sink.stats
    }

    fn open_next_input(&mut self, input: PendingInput) {
        if input.explicit && input.path.as_os_str() == "-" {
            self.sink.stats.files += 1;
            let reader: Box<dyn BufRead + Send> =
                Box::new(BufReader::with_capacity(READ_BUFFER_BYTES, io::stdin()));
            self.current = Some(Source::Jsonl(JsonlSource::new(
                reader,
                "-".to_owned(),
                "stdin".to_owned(),
            )));
            return;
        }
        let file = input.path.display().to_string();
        let pos = SourcePos {
            file: file.clone(),
            line: None,
            offset: None,
        };
        let metadata = match std::fs::metadata(&input.path) {
            Ok(metadata) => metadata,
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                self.sink
                    .error(pos, "missing_path", "no such file or directory");
                return;
            }
            Err(error) => {
                self.sink
                    .error(pos, "unreadable_file", format!("cannot read: {error}"));
                return;
            }
        };
        if metadata.is_dir() {
            self.expand_directory(&input.path, pos);
            return;
        }
        if !input.explicit && !metadata.is_file() {
            self.sink.stats.skipped_files += 1;
            self.sink
                .warning(pos, "not_a_file", "not a regular file; skipped");
            return;
        }
        let known_kind = classify(&input.path);
        if known_kind.is_none() && !input.explicit {
            self.sink.stats.skipped_files += 1;
            self.sink.warning(
                pos,
                "unknown_extension",
                "file extension is not one ingest reads; skipped",
            );
            return;
        }
        match self.open_file(&input.path, known_kind) {
            Ok((reader, kind)) => self.start_file(&input.path, reader, kind, pos),
            Err(error) => {
                self.sink.stats.skipped_files += 1;
                self.sink
                    .error(pos, "unreadable_file", format!("cannot read: {error}"));
            }
        }
    }

    /// Opens a file (decompressing gzip) and settles its kind, sniffing when it is unknown.
    fn open_file(
        &self,
        path: &Path,
        known_kind: Option<FileKind>,
    ) -> io::Result<(Box<dyn BufRead + Send>, FileKind)> {
        let mut raw = BufReader::with_capacity(READ_BUFFER_BYTES, File::open(path)?);
        // The bytes decide, not the name: crawls hold `.warc` files that are gzipped and
        // `.gz` files that are not.
        let gzip = raw.fill_buf()?.starts_with(&[0x1f, 0x8b]);
        let is_warc = known_kind.is_some_and(|kind| kind.format == Format::Warc);
        let mut reader: Box<dyn BufRead + Send> = if gzip && is_warc {
            // One member per record: a damaged member must not cost the records after it.
            Box::new(BufReader::with_capacity(
                READ_BUFFER_BYTES,
                GzipMembers::new(raw),
            ))
        } else if gzip {
            Box::new(BufReader::with_capacity(
                READ_BUFFER_BYTES,
                MultiGzDecoder::new(raw),
            ))
        } else {
            Box::new(raw)
        };
        let format = match known_kind {
            Some(kind) => kind.format,
            None => sniff(reader.fill_buf()?),
        };
        Ok((reader, FileKind { format, gzip }))
    }

    fn start_file(
        &mut self,
        path: &Path,
        mut reader: Box<dyn BufRead + Send>,
        kind: FileKind,
        pos: SourcePos,
    ) {
        self.sink.stats.files += 1;
        if kind.format != Format::Warc {
            match reader.fill_buf() {
                Ok(prefix)
                    if looks_binary(prefix)
                        && !(kind.format == Format::Jsonl && holds_json_object(prefix))
                        && !(kind.format != Format::Jsonl && utf16_bom(prefix).is_some()) =>
                {
                    self.sink.stats.skipped_files += 1;
                    self.sink.error(
                        pos,
                        "binary_file",
                        "file looks binary (NUL or control bytes), not text; skipped",
                    );
                    return;
                }
                Ok(_) => {}
                Err(error) => {
                    self.sink.error(
                        pos,
                        "read_error",
                        format!("could not read: {error}; file skipped"),
                    );
                    return;
                }
            }
        }
        let stem = file_stem(path);
        match kind.format {
            Format::Jsonl
                if is_plain_json_name(path) && reader.fill_buf().is_ok_and(is_json_document) =>
            {
                let outcome =
                    read_json_document(reader, pos.clone(), &stem, &self.config, &mut self.sink);
                if let DocumentOutcome::Lines(reader) = outcome {
                    self.current = Some(Source::Jsonl(JsonlSource::new(reader, pos.file, stem)));
                }
            }
            Format::Jsonl => {
                self.current = Some(Source::Jsonl(JsonlSource::new(reader, pos.file, stem)))
            }
            Format::Warc => {
                self.current = Some(Source::Warc(WarcSource::new(reader, pos.file, stem)))
            }
            Format::Text | Format::Html => self.read_single_article(reader, kind.format, stem, pos),
        }
    }

    /// Reads a file that holds one article (`.txt`, `.html`), keeping at most the article
    /// limit in memory.
    fn read_single_article(
        &mut self,
        mut reader: Box<dyn BufRead + Send>,
        format: Format,
        stem: String,
        pos: SourcePos,
    ) {
        let max = match format {
            Format::Html => self.config.max_html_bytes,
            _ => self.config.max_article_bytes,
        };
        let (mut bytes, total_len) = match read_bounded(&mut reader, max) {
            Ok(read) => read,
            Err((error, bytes)) if !bytes.is_empty() => {
                // A truncated gzip file still holds a usable start of the article.
                let message = format!(
                    "could not read to the end ({error}); kept the first {} bytes",
                    bytes.len()
                );
                self.sink.warning(pos.clone(), "read_error", message);
                let len = bytes.len() as u64;
                (bytes, len)
            }
            Err((error, _)) => {
                self.sink.error(
                    pos,
                    "read_error",
                    format!("could not read: {error}; file skipped"),
                );
                return;
            }
        };
        // Cut before decoding so a character split by the limit is not reported as invalid UTF-8.
        truncate_bytes(&mut bytes, max);
        let body = match format {
            Format::Html => RawBody::Html {
                bytes,
                declared_charset: None,
            },
            _ => {
                if bytes.starts_with(b"\xEF\xBB\xBF") {
                    bytes = strip_bom(&bytes).to_vec();
                }
                let (text, decoding) = decode_text(bytes);
                if let Some(message) = decoding_warning(decoding) {
                    self.sink.warning(pos.clone(), "invalid_utf8", message);
                }
                RawBody::Text(text)
            }
        };
        let article = RawArticle {
            id: stem,
            title: None,
            date: None,
            url: None,
            source: None,
            body,
            extra: serde_json::Map::new(),
            pos,
        };
        finish_article(
            article,
            (total_len > max as u64).then_some(total_len),
            &self.config,
            &mut self.sink,
        );
    }

    fn expand_directory(&mut self, dir: &Path, pos: SourcePos) {
        let canonical = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if !self.visited_dirs.insert(canonical) {
            self.sink.warning(
                pos,
                "directory_loop",
                "directory was already walked (symlink loop?); skipped",
            );
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(error) => {
                self.sink.error(
                    pos,
                    "unreadable_directory",
                    format!("cannot list directory: {error}"),
                );
                return;
            }
        };
        let mut names = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => names.push(entry.file_name()),
                Err(error) => {
                    self.sink.error(
                        pos.clone(),
                        "unreadable_directory",
                        format!("cannot list an entry: {error}"),
                    );
                }
            }
        }
        names.retain(|name| !name.as_encoded_bytes().starts_with(b"."));
        names.sort_unstable_by(|left, right| left.as_encoded_bytes().cmp(right.as_encoded_bytes()));
        for name in names.into_iter().rev() {
            self.pending.push_front(PendingInput {
                path: dir.join(name),
                explicit: false,
            });
        }
    }
}

impl Iterator for Reader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            if let Some(record) = self.sink.queue.pop_front() {
                return Some(record);
            }
            if let Some(source) = &mut self.current {
                let more = match source {
                    Source::Jsonl(jsonl) => jsonl.step(&self.config, &mut self.sink),
                    Source::Warc(warc) => warc.step(&self.config, &mut self.sink),
                };
                if !more {
                    self.current = None;
                }
                continue;
            }
            let input = self.pending.pop_front()?;
            self.open_next_input(input);
        }
    }
}

/// `.json` (or `.json.gz`), as opposed to `.jsonl`/`.ndjson`: may hold a whole document.
fn is_plain_json_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    name.ends_with(".json") || name.ends_with(".json.gz")
}

/// True when the start of a JSONL file holds a JSON object line, or opens one that runs
/// past the sniff window: a stray control byte must not make a whole JSONL file "binary".
fn holds_json_object(prefix: &[u8]) -> bool {
    let prefix = strip_bom(prefix);
    let mut lines = prefix.split(|&byte| byte == b'\n').peekable();
    while let Some(line) = lines.next() {
        let complete = lines.peek().is_some();
        let trimmed = line.trim_ascii_start();
        if complete {
            if matches!(
                serde_json::from_slice::<serde_json::Value>(line),
                Ok(serde_json::Value::Object(_))
            ) {
                return true;
            }
        } else if trimmed.starts_with(b"{\"") && !trimmed.contains(&0) {
            return true;
        }
    }
    false
}

/// Reads up to `max_bytes` (plus a few bytes of slack) and counts the rest without keeping
/// it. Returns the kept bytes and the full length.
/// On an error, returns it with the bytes read before it.
fn read_bounded(
    reader: &mut dyn BufRead,
    max_bytes: usize,
) -> Result<(Vec<u8>, u64), (io::Error, Vec<u8>)> {
    let keep = max_bytes.saturating_add(4);
    let mut bytes = Vec::new();
    let kept = match (&mut *reader).take(keep as u64).read_to_end(&mut bytes) {
        Ok(kept) => kept,
        Err(error) => return Err((error, bytes)),
    };
    match io::copy(reader, &mut io::sink()) {
        Ok(rest) => Ok((bytes, kept as u64 + rest)),
        Err(error) => Err((error, bytes)),
    }
}
