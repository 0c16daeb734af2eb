//! Story identifiers.

use serde::{Deserialize, Serialize};

/// A story: every article about one real-world event. Ids are dense and assigned in
/// order of each story's first article in the input, so they are deterministic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct StoryId(pub u32);

impl std::fmt::Display for StoryId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "s{}", self.0)
    }
}
