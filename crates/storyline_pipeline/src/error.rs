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

impl Error {
    /// Wraps a scratch-file error of `stage`, for `map_err(Error::spill("clean"))`.
    pub(crate) fn spill(stage: &'static str) -> impl Fn(std::io::Error) -> Error + Copy {
        move |source| Error::Spill { stage, source }
    }
}

/// Waits for a scoped thread of the run and passes its panic, if any, on to the caller.
pub(crate) fn join<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}
