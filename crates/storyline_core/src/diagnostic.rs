//! Diagnostics: what went wrong with one record, where, and what the run did about it.
//!
//! A malformed article is data, not a crash: stages return diagnostics next to their
//! results, and the binary prints them and writes them to `diagnostics.jsonl`.

use serde::{Deserialize, Serialize};

use crate::SourcePos;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The record was read, but something in it was repaired or truncated.
    Warning,
    /// The record (or part of a file) could not be read and was skipped.
    Error,
}

/// One problem with one record, naming its file and position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub pos: SourcePos,
    /// Machine-readable code, e.g. `invalid_json`, `duplicate_id`.
    pub code: String,
    /// Human-readable sentence saying what happened and what the run did about it.
    pub message: String,
}

impl Diagnostic {
    pub fn warning(pos: SourcePos, code: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            pos,
            code: code.to_owned(),
            message: message.into(),
        }
    }

    pub fn error(pos: SourcePos, code: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            pos,
            code: code.to_owned(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{level}: {}: {} [{}]", self.pos, self.message, self.code)
    }
}
