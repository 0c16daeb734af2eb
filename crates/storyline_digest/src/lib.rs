//! Digests: the articles and copy edges of one story → a [`Digest`] people can read; and
//! the static HTML report built from a run's output directory.
//!
//! CONTRACT (used by storyline_pipeline; keep the signatures).

use serde::Serialize;
use storyline_core::{CopyEdge, DocIdx, StoryId};

/// Switches for digests.
#[derive(Debug, Clone, Default)]
pub struct DigestConfig {}

/// One article of a story, as the digest sees it.
#[derive(Debug, Clone, Copy)]
pub struct StoryArticle<'a> {
    pub idx: DocIdx,
    pub id: &'a str,
    pub title: Option<&'a str>,
    /// ISO 8601 date when known.
    pub date: Option<&'a str>,
    pub source: Option<&'a str>,
    pub url: Option<&'a str>,
    /// Cleaned text.
    pub text: &'a str,
}

/// The digest of one story. STUB.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Digest {
    pub headline: Option<String>,
}

/// Builds one story's digest; `copies` are the edges whose both ends are in `articles`. STUB.
pub fn build_digest(
    story: StoryId,
    articles: &[StoryArticle<'_>],
    copies: &[CopyEdge],
    config: &DigestConfig,
) -> Digest {
    let _ = (story, copies, config);
    Digest { headline: articles.first().and_then(|a| a.title.map(str::to_owned)) }
}
