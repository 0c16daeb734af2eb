//! Test helpers shared by the integration tests: run the reader over paths and render
//! what came out as short strings, and write WARC files ([`WarcWriter`]).

#![allow(dead_code, unreachable_pub, unused_imports)]

pub mod warc_writer;

use std::path::{Path, PathBuf};

use storyline_ingest::{read_inputs, IngestConfig, RawBody, Record};

pub use warc_writer::{gzip, http_response, WarcRecord, WarcWriter};

/// Reads `inputs` and renders each record as one line:
/// `article <id> <file>[:line][@offset] <text|html>:<first 40 chars>` or
/// `<Warning|Error> <code> <file>[:line][@offset]`.
pub fn run(inputs: &[PathBuf], config: &IngestConfig) -> Vec<String> {
    read_inputs(inputs, config)
        .map(|record| render(&record))
        .collect()
}

pub fn render(record: &Record) -> String {
    match record {
        Record::Article(article) => {
            let body = match &article.body {
                RawBody::Text(text) => {
                    format!("text:{}", text.chars().take(40).collect::<String>())
                }
                RawBody::Html {
                    bytes,
                    declared_charset,
                } => {
                    let shown: String = String::from_utf8_lossy(bytes).chars().take(40).collect();
                    match declared_charset {
                        Some(charset) => format!("html({charset}):{shown}"),
                        None => format!("html:{shown}"),
                    }
                }
            };
            format!("article {} {} {}", article.id, article.pos, body)
        }
        Record::Diagnostic(diagnostic) => {
            format!(
                "{:?} {} {}",
                diagnostic.severity, diagnostic.code, diagnostic.pos
            )
        }
    }
}

/// Writes a file (creating parent directories) and returns its path.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Replaces the temp dir prefix in rendered lines so expectations can be literal.
pub fn relative(lines: Vec<String>, dir: &Path) -> Vec<String> {
    let prefix = format!("{}/", dir.display());
    lines
        .into_iter()
        .map(|line| line.replace(&prefix, ""))
        .collect()
}
