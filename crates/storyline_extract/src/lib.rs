//! Extraction: an HTML page (bytes + declared charset) → main text and metadata ([`Page`]).
//!
//! CONTRACT (used by storyline_pipeline; keep the signatures): `extract(bytes, declared_charset,
//! url, &config)` → `Ok(Page)` for an article, `Err(ExtractError)` for a page that is not one.

/// Switches for extraction.
#[derive(Debug, Clone, Default)]
pub struct ExtractConfig {}

/// What extraction found in a page. `text` holds paragraphs separated by blank lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub title: Option<String>,
    /// Publication date, ISO 8601 (`YYYY-MM-DD` or full timestamp).
    pub date: Option<String>,
    pub author: Option<String>,
    /// Canonical URL when the page names one, else the URL it was fetched from.
    pub url: Option<String>,
    /// Site name or registered domain.
    pub source: Option<String>,
    pub language: Option<String>,
    pub text: String,
}

/// Why a page did not become an article.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractError {
    #[error("page has no main text")]
    Empty,
}

pub type Result<T> = std::result::Result<T, ExtractError>;

/// Extracts the main text and metadata of one page. STUB: to be implemented.
pub fn extract(
    bytes: &[u8],
    declared_charset: Option<&str>,
    url: Option<&str>,
    config: &ExtractConfig,
) -> Result<Page> {
    let _ = (declared_charset, url, config);
    let text = String::from_utf8_lossy(bytes).into_owned();
    if text.trim().is_empty() {
        return Err(ExtractError::Empty);
    }
    Ok(Page { text, ..Page::default() })
}
