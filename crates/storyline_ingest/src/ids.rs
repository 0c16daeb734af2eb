//! Article id bookkeeping across a whole run: duplicate ids get `#2`, `#3`… suffixes.
//!
//! [`IdRegistry`] stores one 64-bit hash per id (plus a suffix counter), not the ids
//! themselves, so a run over millions of articles keeps only a few bytes per article.

use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::xxh3_64;

/// Every id handed out so far, as hashes.
#[derive(Debug, Default)]
pub(crate) struct IdRegistry {
    /// Hash of an id handed out → highest suffix tried for it so far (1 = the id itself).
    seen: FxHashMap<u64, u32>,
}

impl IdRegistry {
    /// Registers `id` and returns `None` if it is new, or `Some(unique)` with the first free
    /// `id#n` (n ≥ 2) when `id` was already taken.
    pub(crate) fn claim(&mut self, id: &str) -> Option<String> {
        let hash = xxh3_64(id.as_bytes());
        let mut suffix = match self.seen.get(&hash) {
            None => {
                self.seen.insert(hash, 1);
                return None;
            }
            Some(&suffix) => suffix,
        };
        loop {
            // The counter makes the search start where the previous duplicate stopped, so n
            // copies of one id cost O(n), not O(n²).
            suffix = suffix.saturating_add(1);
            let candidate = format!("{id}#{suffix}");
            let candidate_hash = xxh3_64(candidate.as_bytes());
            if let std::collections::hash_map::Entry::Vacant(entry) =
                self.seen.entry(candidate_hash)
            {
                entry.insert(1);
                self.seen.insert(hash, suffix);
                return Some(candidate);
            }
            if suffix == u32::MAX {
                // Practically unreachable; hand out the candidate rather than loop forever.
                return Some(candidate);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(ids: &[&str], expected: &[&str]) {
        let mut registry = IdRegistry::default();
        let found: Vec<String> = ids
            .iter()
            .map(|id| registry.claim(id).unwrap_or_else(|| id.to_string()))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn suffixes_duplicates() {
        check(&["a", "b", "a", "a", "b"], &["a", "b", "a#2", "a#3", "b#2"]);
    }

    #[test]
    fn skips_suffixes_already_taken() {
        check(&["a#2", "a", "a", "a#3"], &["a#2", "a", "a#3", "a#3#2"]);
    }
}
