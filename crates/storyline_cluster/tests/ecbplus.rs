//! Pins the story-grouping quality on the ECB+ dev set (772 articles, 66 events in 33
//! topics of two same-kind events each) with default settings. Skips when the shared data
//! is absent.

#![allow(clippy::print_stderr)] // The skip message is the point of printing here.

use storyline_cluster::{cluster_stories, eval, story_features, ClusterConfig};

/// ARI reached with default settings is 0.909; the floor leaves room for harmless changes.
const ARI_FLOOR: f64 = 0.89;

#[test]
fn ecbplus_dev_ari_floor() -> anyhow::Result<()> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/ecbplus-dev/docs.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {} not found", path.display());
        return Ok(());
    };
    let config = ClusterConfig::default();
    let mut features = Vec::new();
    let mut gold_names = Vec::new();
    for line in text.lines().filter(|line| !line.trim().is_empty()) {
        let value: serde_json::Value = serde_json::from_str(line)?;
        let field = |name: &str| {
            value
                .get(name)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_owned()
        };
        features.push(story_features(None, &field("text"), None, &config));
        gold_names.push(field("story"));
    }
    let mut names = gold_names.clone();
    names.sort();
    names.dedup();
    let gold: Vec<u32> = gold_names
        .iter()
        .map(|name| names.binary_search(name).unwrap_or(0) as u32)
        .collect();
    let predicted: Vec<u32> = cluster_stories(&features, &[], &config)
        .iter()
        .map(|s| s.0)
        .collect();
    let scores = eval::score(&predicted, &gold);
    assert!(
        scores.ari >= ARI_FLOOR,
        "ARI {:.4} below floor {ARI_FLOOR}: {scores:?}",
        scores.ari
    );
    Ok(())
}
