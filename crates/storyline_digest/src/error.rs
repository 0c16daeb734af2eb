//! Errors of the report: reading a run directory and writing the HTML site.
//!
//! Building a digest never fails (bad article data only makes a digest poorer); only the
//! report's file I/O and malformed run files abort, as [`Error`].

use std::path::PathBuf;

/// Why the report could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A run file or report file could not be read, created or written.
    #[error("I/O error on {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A line of a run file is not the record it should be.
    #[error("{path}:{line}: not a valid record")]
    Record {
        path: PathBuf,
        line: usize,
        #[source]
        source: serde_json::Error,
    },
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| Error::Io { path, source }
    }
}
