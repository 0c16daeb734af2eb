//! Errors that abort a run: output I/O and bad configuration. Bad input never does.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("cannot create output directory {path}")]
    CreateOutput {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write {path}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("scratch file I/O failed in {stage}")]
    Spill {
        stage: &'static str,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot start {n_threads} worker threads")]
    Threads {
        n_threads: usize,
        #[source]
        source: rayon::ThreadPoolBuildError,
    },
    #[error("cannot serialise a record")]
    Serialise(#[from] serde_json::Error),
}

pub type Result<T> = std::result::Result<T, Error>;
