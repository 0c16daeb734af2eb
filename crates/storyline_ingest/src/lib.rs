//! Ingest: files, directories, JSONL, stdin (and later HTML and WARC) → a stream of
//! [`Record`]s: articles in input order, interleaved with diagnostics for what could not be read.
//!
//! CONTRACT (used by storyline_pipeline; keep the signatures):
//! `read_inputs(&inputs, &config)` returns an iterator of `Record`. Directories are walked
//! in sorted order; `-` is JSONL on stdin. Nothing here panics on any input.

use std::path::PathBuf;

use storyline_core::{Diagnostic, RawArticle};

/// Limits and switches for reading.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    /// Article bodies longer than this are truncated (with a diagnostic).
    pub max_article_bytes: usize,
}

impl Default for IngestConfig {
    fn default() -> Self {
        IngestConfig { max_article_bytes: 1 << 20 }
    }
}

/// One item of the input stream.
#[derive(Debug)]
pub enum Record {
    Article(Box<RawArticle>),
    Diagnostic(Diagnostic),
}

/// Reads every input in order. STUB: to be implemented.
pub fn read_inputs(inputs: &[PathBuf], config: &IngestConfig) -> impl Iterator<Item = Record> {
    let _ = (inputs, config);
    std::iter::empty()
}
