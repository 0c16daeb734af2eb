//! Articles as read ([`RawArticle`]) and what cleaning takes out of them ([`Removal`]).
//!
//! Ingest produces `RawArticle`s in input order; each carries its [`SourcePos`] so that
//! every later diagnostic can name the file and line it came from.

use serde::{Deserialize, Serialize};

/// Index of an article in input order: the first article read is `DocIdx(0)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DocIdx(pub u32);

impl DocIdx {
    /// The index as a `usize`, for slicing per-document tables.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Where a record came from: a file (or `-` for stdin) and a position inside it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SourcePos {
    /// Path as given on the command line (or found under a given directory); `-` is stdin.
    pub file: String,
    /// 1-based line number for line-oriented formats (JSONL).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// Byte offset of the record for record-oriented formats (WARC).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
}

impl std::fmt::Display for SourcePos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(offset) = self.offset {
            write!(f, "@{offset}")?;
        }
        Ok(())
    }
}

/// The body of an article as read: plain text, or an HTML page still to be extracted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawBody {
    /// Plain text (a `.txt` file, or the `text` field of a JSONL record).
    Text(String),
    /// An HTML page as bytes, with the charset the transport declared, if any
    /// (HTTP `Content-Type` header of a WARC record). Decoding is the extractor's job.
    Html {
        bytes: Vec<u8>,
        declared_charset: Option<String>,
    },
}

/// One article as it came out of ingest, before cleaning.
#[derive(Debug, Clone, PartialEq)]
pub struct RawArticle {
    /// Unique id: the JSONL `id`, or the file stem of a `.txt` file.
    pub id: String,
    pub title: Option<String>,
    /// Publication date as given (not yet normalised).
    pub date: Option<String>,
    pub url: Option<String>,
    /// Outlet name or domain.
    pub source: Option<String>,
    pub body: RawBody,
    /// Every other field of a JSONL record, kept verbatim and never read by the engine.
    pub extra: serde_json::Map<String, serde_json::Value>,
    pub pos: SourcePos,
}

/// Why a piece of text was taken out of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RemovalKind {
    /// Site furniture: "Advertisement", share prompts, navigation, learned recurring lines.
    Boilerplate,
    /// A block (or the whole body) repeated inside the same article; one copy is kept.
    RepeatedBlock,
    /// Template filler text unrelated to any news content.
    Filler,
    /// An unrelated story pasted into the article (teasers, "other topics").
    ForeignBlock,
    /// A repeated title line at the top of the body.
    DuplicateTitle,
}

impl RemovalKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RemovalKind::Boilerplate => "boilerplate",
            RemovalKind::RepeatedBlock => "repeated_block",
            RemovalKind::Filler => "filler",
            RemovalKind::ForeignBlock => "foreign_block",
            RemovalKind::DuplicateTitle => "duplicate_title",
        }
    }
}

/// One piece of text cleaning took out: what, where and why. Nothing is removed silently.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Removal {
    pub kind: RemovalKind,
    /// 1-based line range `[first, last]` in the article's text before cleaning.
    pub lines: [u32; 2],
    /// The removed text, verbatim.
    pub text: String,
    /// A short human-readable reason, e.g. `"line recurs in 41 articles of example.com"`.
    pub reason: String,
}
