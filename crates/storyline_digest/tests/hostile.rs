//! Digests never panic: generated stories of hostile text (mixed scripts, combining marks,
//! stray punctuation, huge numbers, odd dates, empty articles, copy cycles, edges to
//! articles outside the story) go through `build_digest`, the report and the terminal view.
//!
//! The generator is a fixed-seed linear congruential generator, so the cases are the same
//! on every run.

use storyline_core::output::{ArticleRecord, ArticleStatus};
use storyline_core::{CopyEdge, CopyKind, DocIdx, Evidence, StoryId};
use storyline_digest::{build_digest, DigestConfig, StoryArticle, StoryRecord};

const FRAGMENTS: &[&str] = &[
    "President",
    "Kim Jong-un's",
    "Sergei",
    "Lavrov",
    "in",
    "Pyongyang",
    "on Tuesday,",
    "June 18,",
    "DECEMBER 9, 2022",
    "31 February 2023",
    "$5 million",
    "bail",
    "killed",
    "12",
    "people",
    "Reid, 33,",
    "defense minister",
    "Andrei",
    "Belousov",
    ".",
    "!",
    "?",
    "\n",
    "\n\n",
    "“",
    "”",
    "’s",
    "-",
    "--",
    "é",
    "ß",
    "İstanbul",
    "Ǆ",
    "e\u{301}",
    "日本語",
    "العربية",
    "👍🏽",
    "\u{200b}",
    "\u{feff}",
    "\t",
    "U.S.",
    "Mr.",
    "A.",
    "99999999999999999999",
    "3.14.15",
    "0",
    "-7",
    "1st",
    "May",
    "may",
    "Monday",
    "World Insights: How It Ended In Tears?",
    "ALL CAPS HEADLINE",
    "'",
    "''",
    "s'",
    "<script>",
    "&amp;",
    "magnitude",
    "6.1-magnitude",
    "Foreign Minister",
    "of",
    "the",
    "Bank of",
    "University",
];

struct Generator(u64);

impl Generator {
    fn next(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % bound.max(1)
    }

    fn text(&mut self, max_fragments: usize) -> String {
        let n = self.next(max_fragments + 1);
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(FRAGMENTS[self.next(FRAGMENTS.len())]);
            if self.next(3) > 0 {
                text.push(' ');
            }
        }
        text
    }
}

#[test]
fn hostile_stories_never_panic() {
    let mut generator = Generator(42);
    let dates = [
        "2024-06-18",
        "2024-06-18T25:99:00Z",
        "Tue, 18 Jun 2024 10:00:00 +0000",
        "junk",
        "",
        "2024-02-30",
        "9999-12-31",
    ];
    let config = DigestConfig {
        lead_text_bytes: 37,
        max_text_bytes: 301,
        ..DigestConfig::default()
    };
    let (mut article_lines, mut story_lines) = (String::new(), String::new());
    for round in 0..300 {
        let n_articles = generator.next(6) + usize::from(round % 7 == 0);
        let ids: Vec<String> = (0..n_articles)
            .map(|i| format!("a{i}<&\"{}", generator.text(1)))
            .collect();
        let titles: Vec<String> = (0..n_articles).map(|_| generator.text(6)).collect();
        let texts: Vec<String> = (0..n_articles).map(|_| generator.text(120)).collect();
        let articles: Vec<StoryArticle<'_>> = (0..n_articles)
            .map(|i| StoryArticle {
                idx: DocIdx(i as u32 * 3),
                id: &ids[i],
                title: (generator.next(3) > 0).then_some(titles[i].as_str()),
                date: Some(dates[generator.next(dates.len())]).filter(|_| generator.next(2) == 0),
                source: None,
                url: Some("http://[::1]:80/x").filter(|_| generator.next(2) == 0),
                text: &texts[i],
            })
            .collect();
        let edges: Vec<CopyEdge> = (0..generator.next(4))
            .map(|_| CopyEdge {
                copy: DocIdx(generator.next(n_articles + 1) as u32 * 3),
                original: DocIdx(generator.next(n_articles + 2) as u32 * 3),
                kind: CopyKind::Rewrite,
                similarity: f64::NAN,
                evidence: Evidence::default(),
            })
            .collect();
        let config = if round % 2 == 0 {
            config.clone()
        } else {
            DigestConfig::default()
        };
        let digest = build_digest(StoryId(round), &articles, &edges, &config);
        assert!(digest.summary.len() <= config.summary_sentences);
        let record = StoryRecord {
            story: round,
            articles: ids.clone(),
            digest,
        };
        let records: Vec<ArticleRecord> = (0..n_articles)
            .map(|i| ArticleRecord {
                id: ids[i].clone(),
                story: Some(round),
                status: ArticleStatus::Ok,
                title: Some(titles[i].clone()),
                date: None,
                source: None,
                url: None,
                copy_of: None,
                copy_kind: None,
                text: texts[i].clone(),
                removals: Vec::new(),
                extra: serde_json::Map::new(),
            })
            .collect();
        for article in &records {
            article_lines.push_str(&serde_json::to_string(article).unwrap_or_default());
            article_lines.push('\n');
        }
        story_lines.push_str(&serde_json::to_string(&record).unwrap_or_default());
        story_lines.push('\n');
        let shown = storyline_digest::show::render_story(&record, &records);
        assert!(!shown.contains('\u{1b}'));
        let json = serde_json::to_string(&record).unwrap_or_default();
        assert!(json.is_empty() || serde_json::from_str::<serde_json::Value>(&json).is_ok());
    }
    // The report reads it all back and writes a page per story.
    let run_dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile-run");
    std::fs::create_dir_all(&run_dir).expect("run dir");
    std::fs::write(run_dir.join("articles.jsonl"), article_lines).expect("articles");
    std::fs::write(run_dir.join("stories.jsonl"), story_lines).expect("stories");
    let _ = std::fs::remove_file(run_dir.join("copies.jsonl"));
    let summary =
        storyline_digest::report::write_report(&run_dir, &run_dir.join("report")).expect("report");
    assert_eq!(summary.stories, 300);
}
