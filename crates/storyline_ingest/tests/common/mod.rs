//! Test helpers shared by the integration tests: run the reader over paths and render
//! what came out as short strings, and write WARC files ([`WarcWriter`]).

#![allow(dead_code, unreachable_pub, unused_imports)]

pub mod warc_writer;

use std::path::{Path, PathBuf};

use proptest::prelude::*;
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

/// One way to damage a byte string.
#[derive(Debug, Clone)]
pub enum Damage {
    Flip { at: usize, byte: u8 },
    Cut { at: usize },
    Insert { at: usize, bytes: Vec<u8> },
}

pub fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Damage::Flip { at, byte }),
        any::<usize>().prop_map(|at| Damage::Cut { at }),
        (
            any::<usize>(),
            proptest::collection::vec(any::<u8>(), 1..40)
        )
            .prop_map(|(at, bytes)| Damage::Insert { at, bytes }),
    ]
}

/// Applies several damages to `bytes`, never adding or removing a line break so that
/// line-based neighbours stay intact when `keep_newlines` is set.
pub fn apply(bytes: &mut Vec<u8>, damages: &[Damage], keep_newlines: bool) {
    let clean = |byte: u8| {
        if keep_newlines && byte == b'\n' {
            b' '
        } else {
            byte
        }
    };
    for damage in damages {
        if bytes.is_empty() {
            bytes.push(b'x');
        }
        match damage {
            Damage::Flip { at, byte } => {
                let at = at % bytes.len();
                if !(keep_newlines && bytes[at] == b'\n') {
                    bytes[at] = clean(*byte);
                }
            }
            Damage::Cut { at } => {
                let at = at % bytes.len();
                let tail_newline = keep_newlines && bytes.last() == Some(&b'\n');
                bytes.truncate(at);
                if tail_newline {
                    bytes.retain(|&byte| byte != b'\n');
                    bytes.push(b'\n');
                }
            }
            Damage::Insert {
                at,
                bytes: inserted,
            } => {
                // With line breaks kept, insert before the final one, not into the next line.
                let at = if keep_newlines {
                    at % bytes.len()
                } else {
                    at % (bytes.len() + 1)
                };
                let inserted: Vec<u8> = inserted.iter().map(|&byte| clean(byte)).collect();
                bytes.splice(at..at, inserted);
            }
        }
    }
}
