//! Story grouping: per-article [`StoryFeatures`] → stories, plus [`eval`] to score a
//! clustering against gold labels.
//!
//! CONTRACT (used by storyline_pipeline; keep the signatures).

use storyline_core::{DocIdx, StoryId};

pub mod eval;

/// Thresholds for story grouping.
#[derive(Debug, Clone, Default)]
pub struct ClusterConfig {}

/// Compact per-article features. STUB.
#[derive(Debug, Clone, Default)]
pub struct StoryFeatures {}

pub fn story_features(
    title: Option<&str>,
    text: &str,
    date_days: Option<i32>,
    config: &ClusterConfig,
) -> StoryFeatures {
    let _ = (title, text, date_days, config);
    StoryFeatures {}
}

/// Assigns every article a story. `must_link` pairs (copy, original) always share a story.
/// Story ids are dense and numbered in order of each story's first article. STUB.
pub fn cluster_stories(
    features: &[StoryFeatures],
    must_link: &[(DocIdx, DocIdx)],
    config: &ClusterConfig,
) -> Vec<StoryId> {
    let _ = (must_link, config);
    (0..features.len() as u32).map(StoryId).collect()
}
