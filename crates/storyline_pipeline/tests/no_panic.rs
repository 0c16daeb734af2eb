//! Property test: whatever bytes the input holds, a run completes, writes one line per article
//! it could read, and never panics — through every stage, not just the reader.

use proptest::prelude::*;
use storyline_pipeline::{run, NoProgress, RunConfig};

fn article_text() -> impl Strategy<Value = String> {
    prop_oneof![
        // Arbitrary Unicode, including control characters and odd whitespace.
        any::<String>(),
        // News-like lines with repeats, so cleaning and matching have work to do.
        prop::collection::vec(
            prop_oneof![
                Just("Advertisement".to_owned()),
                Just("The minister said on Tuesday that 42 people were hurt.".to_owned()),
                Just("“Quoted words,” she said.".to_owned()),
                Just(String::new()),
                "[A-Za-z ,.'\"-]{0,120}",
                "[\\p{Cyrillic}\\p{Han} 。，]{0,60}",
            ],
            0..30,
        )
        .prop_map(|lines| lines.join("\n")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_articles_run_to_completion(texts in prop::collection::vec(article_text(), 1..12), garbage in any::<Vec<u8>>()) {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in");
        std::fs::create_dir(&input).unwrap();
        let mut jsonl = String::new();
        for (idx, text) in texts.iter().enumerate() {
            let record = serde_json::json!({"id": format!("a{idx}"), "text": text, "date": "2024-06-18"});
            jsonl.push_str(&record.to_string());
            jsonl.push('\n');
            // Every article also as a text file: the same text twice makes exact copies.
            std::fs::write(input.join(format!("t{idx}.txt")), text).unwrap();
        }
        std::fs::write(input.join("records.jsonl"), jsonl).unwrap();
        std::fs::write(input.join("garbage.jsonl"), &garbage).unwrap();
        let out = dir.path().join("out");
        let summary = run(&[input], &out, &RunConfig::default(), &NoProgress).unwrap();
        let lines = std::fs::read_to_string(out.join("articles.jsonl")).unwrap().lines().count() as u64;
        prop_assert_eq!(lines, summary.n_articles);
        prop_assert!(summary.n_articles >= 2 * texts.len() as u64);
    }
}
