//! Shared vocabulary of storyline: the types every pipeline stage speaks.
//!
//! Data flows raw article → clean article → fingerprints → candidates → copy edges →
//! families → stories → digests. This crate holds only the nouns of that flow
//! ([`RawArticle`], [`Removal`], [`CopyEdge`], [`StoryId`], [`Diagnostic`]); the verbs live
//! in the stage crates. It has no I/O and no heavy dependencies.
//!
//! ```
//! use storyline_core::{CopyKind, DocIdx};
//! let idx = DocIdx(3);
//! assert_eq!(idx.index(), 3);
//! assert_eq!(CopyKind::NearDuplicate.as_str(), "near_duplicate");
//! ```

mod article;
mod copy;
mod diagnostic;
mod error;
pub mod output;
pub mod sorted;
mod story;
pub mod xxh3;

pub use article::{DocIdx, RawArticle, RawBody, Removal, RemovalKind, SourcePos};
pub use copy::{CopyEdge, CopyKind, Evidence};
pub use diagnostic::{Diagnostic, Severity};
pub use error::{Error, Result};
pub use story::StoryId;
