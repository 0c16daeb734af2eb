//! Cleaning: article text → text without boilerplate, repeated blocks, filler and foreign
//! blocks, with every [`Removal`] recorded.
//!
//! CONTRACT (used by storyline_pipeline; keep the signatures): a first pass feeds every
//! article to a [`BoilerplateModelBuilder`] (builders of parallel shards are merged), the
//! built [`BoilerplateModel`] is shared read-only, and [`clean`] runs per article.

use storyline_core::Removal;

/// Thresholds for cleaning.
#[derive(Debug, Clone, Default)]
pub struct CleanConfig {}

/// Collects corpus statistics (recurring lines, per source) in a first pass.
#[derive(Debug, Default)]
pub struct BoilerplateModelBuilder {}

impl BoilerplateModelBuilder {
    pub fn new(config: &CleanConfig) -> BoilerplateModelBuilder {
        let _ = config;
        BoilerplateModelBuilder {}
    }

    /// Observes one article's raw text.
    pub fn observe(&mut self, source: Option<&str>, text: &str) {
        let _ = (source, text);
    }

    /// Folds another shard's observations into this one.
    pub fn merge(&mut self, other: BoilerplateModelBuilder) {
        let _ = other;
    }

    pub fn build(self) -> BoilerplateModel {
        BoilerplateModel {}
    }
}

/// Immutable corpus statistics used by [`clean`].
#[derive(Debug, Default)]
pub struct BoilerplateModel {}

/// An article after cleaning.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    /// The cleaned text, paragraphs separated by newlines.
    pub text: String,
    /// The first line when it reads as a headline (kept once in `text` too).
    pub headline: Option<String>,
    pub removals: Vec<Removal>,
}

/// Cleans one article. STUB: to be implemented.
pub fn clean(
    text: &str,
    title: Option<&str>,
    source: Option<&str>,
    model: &BoilerplateModel,
    config: &CleanConfig,
) -> Cleaned {
    let _ = (title, source, model, config);
    Cleaned { text: text.to_owned(), headline: None, removals: Vec::new() }
}
