//! Dev tool: CPU cost of [`story_features`] per article and of [`cluster_stories`], with a
//! checksum of the features and the story ids, so that a speed change can be shown to leave
//! the output the same.
//!
//! `cargo run --release -p storyline_cluster --example features_speed -- FILE.jsonl
//! [REPEAT] [GRAPH_REPEAT] [LINK_REPEAT]` reads JSONL articles (`text`, optional `title` and
//! `date` as YYYY-MM-DD; the storyline_clean `clean_speed --dump` output fits), extracts
//! features REPEAT times (default 3) on one thread, builds the similarity graph GRAPH_REPEAT
//! times (default 1) and links it LINK_REPEAT times (default 1), and prints CPU times
//! (features: the mean per article over all rounds, and that of the quickest round; the
//! graph and linking: the mean and quickest round, linking on one thread; linking's quickest
//! wall time too, on the default pool, since it uses the pool) and
//! checksums of the features, the story ids and the similarity graph (edges and their
//! cosines).
#![allow(clippy::print_stdout)]

use anyhow::Context;
use storyline_cluster::{
    cluster_stories, story_features, ClusterConfig, SimilarityGraph, StoryFeatures,
};
use xxhash_rust::xxh3::Xxh3;

/// Days since 1970-01-01 of a "YYYY-MM-DD…" date (proleptic Gregorian).
fn date_days(date: &str) -> Option<i32> {
    let year: i32 = date.get(0..4)?.parse().ok()?;
    let month: i32 = date.get(5..7)?.parse().ok()?;
    let day: i32 = date.get(8..10)?.parse().ok()?;
    let (year, month) = if month <= 2 {
        (year - 1, month + 9)
    } else {
        (year, month - 3)
    };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .first()
        .context("usage: features_speed FILE.jsonl [REPEAT]")?;
    let repeat: usize = args
        .get(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(3)
        .max(1);
    let graph_repeat: usize = args
        .get(2)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(1)
        .max(1);
    let link_repeat: usize = args
        .get(3)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(1)
        .max(1);
    let data = std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
    let field = |record: &serde_json::Value, name: &str| {
        record
            .get(name)
            .and_then(|value| value.as_str())
            .map(str::to_owned)
    };
    let articles: Vec<(Option<String>, String, Option<i32>)> = data
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let record: serde_json::Value = serde_json::from_str(line)?;
            Ok((
                field(&record, "title"),
                field(&record, "text").unwrap_or_default(),
                field(&record, "date").as_deref().and_then(date_days),
            ))
        })
        .collect::<anyhow::Result<_>>()?;
    drop(data);
    let config = ClusterConfig::default();

    let watch = storyline_bench::cpu::CpuStopwatch::process();
    let mut features: Vec<StoryFeatures> = Vec::new();
    // The quickest round too: on a shared machine it is the reading least disturbed by
    // other processes (a preempted round only gets slower).
    let mut quickest_round = f64::INFINITY;
    for round in 0..repeat {
        let round_watch = storyline_bench::cpu::CpuStopwatch::thread();
        let extracted: Vec<StoryFeatures> = articles
            .iter()
            .map(|(title, text, date)| story_features(title.as_deref(), text, *date, &config))
            .collect();
        quickest_round = quickest_round.min(round_watch.elapsed().as_secs_f64());
        if round == 0 {
            features = extracted;
        }
    }
    let features_seconds = watch.elapsed().as_secs_f64();
    let mut checksum = Xxh3::new();
    for article in &features {
        for term in article.terms() {
            checksum.update(&term.hash.to_le_bytes());
            checksum.update(&term.count.to_le_bytes());
            checksum.update(&[term.kind as u8]);
        }
        checksum.update(&article.date_days.unwrap_or(i32::MIN).to_le_bytes());
    }
    let features_checksum = checksum.digest();

    // The two halves of story grouping, timed apart: the similarity graph GRAPH_REPEAT
    // times (its quickest round is the least disturbed reading), then linking LINK_REPEAT
    // times.
    let mut graph_seconds = Vec::new();
    let mut graph = None;
    for _ in 0..graph_repeat {
        let watch = storyline_bench::cpu::CpuStopwatch::process();
        graph = Some(SimilarityGraph::of(&features, &config));
        graph_seconds.push(watch.elapsed().as_secs_f64());
    }
    let graph = graph.unwrap_or_else(|| SimilarityGraph::of(&features, &config));
    // Linking's CPU on a one-thread pool by the thread's own clock (nanoseconds; the
    // process clock ticks in 10 ms), its quickest round being the least disturbed; and its
    // wall time on the default pool.
    let single_thread = rayon::ThreadPoolBuilder::new().num_threads(1).build()?;
    let mut link_seconds = Vec::new();
    let mut link_wall_seconds = Vec::new();
    let mut stories = Vec::new();
    for _ in 0..link_repeat {
        let seconds = single_thread.install(|| {
            let watch = storyline_bench::cpu::CpuStopwatch::thread();
            stories = graph.link(&[], &config);
            watch.elapsed().as_secs_f64()
        });
        link_seconds.push(seconds);
        let wall = std::time::Instant::now();
        stories = graph.link(&[], &config);
        link_wall_seconds.push(wall.elapsed().as_secs_f64());
    }
    debug_assert_eq!(stories, cluster_stories(&features, &[], &config));
    let mut checksum = Xxh3::new();
    for story in &stories {
        checksum.update(&story.0.to_le_bytes());
    }
    let n = articles.len().max(1) as f64;
    let graph_mean = graph_seconds.iter().sum::<f64>() / graph_seconds.len().max(1) as f64;
    let graph_quickest = graph_seconds.iter().copied().fold(f64::INFINITY, f64::min);
    let link_mean = link_seconds.iter().sum::<f64>() / link_seconds.len().max(1) as f64;
    let link_quickest = link_seconds.iter().copied().fold(f64::INFINITY, f64::min);
    let link_wall_quickest = link_wall_seconds
        .iter()
        .copied()
        .fold(f64::INFINITY, f64::min);
    println!(
        "articles {}  features {:.2} us/article ({} rounds; quickest {:.2})  \
         graph {:.3} s CPU ({} rounds; quickest {:.3})  \
         link {:.4} s CPU ({} rounds; quickest {:.4}; wall quickest {:.4})",
        articles.len(),
        features_seconds / n / repeat as f64 * 1e6,
        repeat,
        quickest_round / n * 1e6,
        graph_mean,
        graph_seconds.len(),
        graph_quickest,
        link_mean,
        link_seconds.len(),
        link_quickest,
        link_wall_quickest
    );
    // The similarity graph too: a speed change in the candidate search must leave every
    // edge's cosine the same, bit for bit, not only the stories.
    let mut edges_checksum = Xxh3::new();
    for (a, b, similarity) in storyline_cluster::similarity_graph(&features, &config) {
        edges_checksum.update(&a.0.to_le_bytes());
        edges_checksum.update(&b.0.to_le_bytes());
        edges_checksum.update(&similarity.to_bits().to_le_bytes());
    }
    println!(
        "features checksum {features_checksum:016x}  stories checksum {:016x}  edges checksum {:016x}",
        checksum.digest(),
        edges_checksum.digest()
    );
    Ok(())
}
