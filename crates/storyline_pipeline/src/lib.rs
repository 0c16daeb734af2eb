//! The pipeline: runs every storyline stage over a stream of articles and writes the output
//! files `articles.jsonl`, `copies.jsonl`, `stories.jsonl` and `diagnostics.jsonl`.
//!
//! [`run`] makes two passes over the input, holding only compact per-article state in
//! memory (story features, dates, offsets) and spilling texts and fingerprints to scratch
//! files:
//!
//! 1. **read** (`read.rs`): ingest → HTML extraction → spill A; corpus boilerplate statistics.
//! 2. **clean** (`clean.rs`): spill A → cleaning → story features in memory, fingerprints to
//!    their own scratch file (`fingerprints.rs`), cleaned records → spill D.
//! 3. **match+cluster**: copy edges, with story similarity built alongside the matcher's
//!    verification; then **link**: stories (copies always join their original).
//! 4. **digest** (`write.rs`): digests per story (texts read back from spill D) on the pool,
//!    in chunks whose lines a thread writes to `stories.jsonl`, while another thread writes
//!    `articles.jsonl` in input order and then `copies.jsonl`.
//!
//! ```no_run
//! use storyline_pipeline::{run, NoProgress, RunConfig};
//! let summary = run(&["articles.jsonl".into()], "out".as_ref(), &RunConfig::default(), &NoProgress)?;
//! println!("{} stories", summary.n_stories);
//! # Ok::<(), storyline_pipeline::Error>(())
//! ```

mod clean;
pub mod dates;
mod error;
mod fingerprints;
mod json;
mod progress;
mod read;
mod spill;
mod write;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use storyline_clean::CleanConfig;
use storyline_cluster::ClusterConfig;
use storyline_core::{CopyKind, DocIdx};
use storyline_digest::DigestConfig;
use storyline_extract::ExtractConfig;
use storyline_ingest::IngestConfig;
use storyline_match::MatchConfig;

pub use error::{Error, Result};
pub use progress::{NoProgress, Progress};

/// Every setting of a run. `Default` gives the documented defaults.
#[derive(Debug, Clone)]
pub struct RunConfig {
    pub ingest: IngestConfig,
    pub extract: ExtractConfig,
    pub clean: CleanConfig,
    pub matching: MatchConfig,
    pub cluster: ClusterConfig,
    pub digest: DigestConfig,
    /// Worker threads; 0 means one per core. Output does not depend on it.
    pub n_threads: usize,
    /// Articles per parallel batch: bounds the texts in memory at once.
    pub batch_size: usize,
}

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig {
            ingest: IngestConfig::default(),
            extract: ExtractConfig::default(),
            clean: CleanConfig::default(),
            matching: MatchConfig::default(),
            cluster: ClusterConfig::default(),
            digest: DigestConfig::default(),
            n_threads: 0,
            batch_size: 2048,
        }
    }
}

/// Copy edges found, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CopyCounts {
    pub exact: u64,
    pub near_duplicate: u64,
    pub rewrite: u64,
}

impl CopyCounts {
    fn add(&mut self, kind: CopyKind) {
        match kind {
            CopyKind::Exact => self.exact += 1,
            CopyKind::NearDuplicate => self.near_duplicate += 1,
            CopyKind::Rewrite => self.rewrite += 1,
        }
    }

    pub fn total(&self) -> u64 {
        self.exact + self.near_duplicate + self.rewrite
    }
}

/// What a run did, for the human summary.
#[derive(Debug, Clone, Default)]
pub struct RunSummary {
    /// Articles read (every line of `articles.jsonl`).
    pub n_articles: u64,
    /// Articles filed into a story.
    pub n_ok: u64,
    /// Articles with no text left.
    pub n_empty: u64,
    /// HTML pages that are not articles.
    pub n_not_article: u64,
    /// Articles from which cleaning removed something.
    pub n_cleaned: u64,
    /// Removals made by cleaning, all kinds.
    pub n_removals: u64,
    pub copies: CopyCounts,
    pub n_stories: u64,
    /// Diagnostics written to `diagnostics.jsonl`.
    pub n_diagnostics: u64,
    pub elapsed: Duration,
    /// Wall time of each stage, in order.
    pub stage_times: Vec<(&'static str, Duration)>,
    /// CPU time (user and system, all threads) of each stage, in the order of `stage_times`;
    /// empty where the platform cannot tell it (only Linux can, from `/proc/self/stat`).
    pub stage_cpu: Vec<(&'static str, Duration)>,
}

/// Times the stages of a run and tells the observer when one starts.
struct StageClock<'a> {
    progress: &'a dyn Progress,
    current: Option<(&'static str, Instant, Option<Duration>)>,
    times: Vec<(&'static str, Duration)>,
    cpu: Vec<(&'static str, Duration)>,
}

impl<'a> StageClock<'a> {
    fn new(progress: &'a dyn Progress) -> StageClock<'a> {
        StageClock {
            progress,
            current: None,
            times: Vec::new(),
            cpu: Vec::new(),
        }
    }

    fn start(&mut self, name: &'static str, total: Option<u64>) {
        self.stop();
        if tracing_memory() {
            reset_peak_resident();
        }
        self.progress.stage(name, total);
        self.current = Some((name, Instant::now(), process_cpu_time()));
    }

    fn stop(&mut self) {
        if let Some((name, started, cpu_at_start)) = self.current.take() {
            self.times.push((name, started.elapsed()));
            if let (Some(start), Some(end)) = (cpu_at_start, process_cpu_time()) {
                self.cpu.push((name, end.saturating_sub(start)));
            }
            if tracing_memory() {
                self.progress
                    .memory(name, resident_bytes(), peak_resident_bytes());
            }
        }
    }
}

fn tracing_memory() -> bool {
    std::env::var_os("STORYLINE_TRACE_MEMORY").is_some()
}

/// Resets the kernel's record of this process's peak resident memory (Linux: writing 5 to
/// `/proc/self/clear_refs`), so that [`peak_resident_bytes`] tells the peak of one stage.
fn reset_peak_resident() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Peak resident memory since the last [`reset_peak_resident`] (`VmHWM` in
/// `/proc/self/status`; 0 where that is unavailable).
fn peak_resident_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map_or(0, |kib| kib * 1024)
}

/// CPU time this process has used so far, all threads, user and system (Linux: fields 14
/// and 15 of `/proc/self/stat`, in clock ticks of 10 ms); `None` where that is unavailable.
fn process_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name (field 2) may hold spaces; the fields after it are plain numbers.
    let after_name = &stat[stat.rfind(')')? + 1..];
    let mut fields = after_name.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    // The kernel reports in USER_HZ, which is 100 on every Linux configuration in use.
    Some(Duration::from_millis((user + system) * 10))
}

/// Resident memory of this process, from `/proc/self/statm` (0 where that is unavailable).
fn resident_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|statm| {
            statm
                .split_whitespace()
                .nth(1)
                .and_then(|pages| pages.parse::<u64>().ok())
        })
        .map_or(0, |pages| pages * 4096)
}

/// Per-article state kept in memory between the passes: small and bounded.
#[derive(Debug)]
pub(crate) struct DocState {
    pub(crate) id: Box<str>,
    pub(crate) ok: bool,
    /// Offset of the article's record in spill D, and the length of its part a digest reads
    /// (the record without its last two fields, the output line's head and tail).
    pub(crate) offset: u64,
    pub(crate) len: u32,
}

/// Runs the whole pipeline over `inputs` (files, directories, `-` for stdin) into `out_dir`.
pub fn run(
    inputs: &[PathBuf],
    out_dir: &Path,
    config: &RunConfig,
    progress: &dyn Progress,
) -> Result<RunSummary> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.n_threads)
        .build()
        .map_err(|source| Error::Threads {
            n_threads: config.n_threads,
            source,
        })?;
    pool.install(|| run_in_pool(inputs, out_dir, config, progress))
}

fn run_in_pool(
    inputs: &[PathBuf],
    out_dir: &Path,
    config: &RunConfig,
    progress: &dyn Progress,
) -> Result<RunSummary> {
    let started = Instant::now();
    std::fs::create_dir_all(out_dir).map_err(|source| Error::CreateOutput {
        path: out_dir.to_owned(),
        source,
    })?;
    let scratch = tempfile::Builder::new()
        .prefix(".storyline-scratch-")
        .tempdir_in(out_dir)
        .map_err(|source| Error::CreateOutput {
            path: out_dir.to_owned(),
            source,
        })?;
    let mut diagnostics =
        write::DiagnosticSink::create(&out_dir.join("diagnostics.jsonl"), progress)?;
    let mut summary = RunSummary::default();
    let mut clock = StageClock::new(progress);

    clock.start("read", None);
    let read = read::read_pass(inputs, config, scratch.path(), &mut diagnostics, progress)?;
    summary.n_articles = read.n_articles;
    summary.n_not_article = read.n_not_article;

    clock.start("clean", Some(read.n_articles));
    let cleaned = clean::clean_pass(read, config, scratch.path(), &mut diagnostics, progress)?;
    summary.n_empty = cleaned.n_empty;
    summary.n_cleaned = cleaned.n_cleaned;
    summary.n_removals = cleaned.n_removals;

    let clean::CleanPass {
        docs,
        features,
        spill,
        fingerprints,
        facts,
        ..
    } = cleaned;
    // Story similarity does not depend on copies, so it runs alongside the matcher's
    // verification of candidate pairs: each fills the cores the other leaves idle. (Not
    // alongside the matcher's candidate stage: their memory peaks would add up.) Only
    // linking stories waits for the copy edges (a copy always joins its original's story).
    clock.start("match+cluster", None);
    let (dense_of_doc, ok_features) = dense_features(&docs, features);
    let (edges, graph) =
        storyline_match::find_copies_alongside(&fingerprints, &facts, &config.matching, || {
            storyline_cluster::SimilarityGraph::of(&ok_features, &config.cluster)
        });
    let edges: Vec<_> = edges
        .into_iter()
        .filter(|edge| {
            let ok = |idx: DocIdx| docs.get(idx.index()).is_some_and(|doc| doc.ok);
            ok(edge.copy) && ok(edge.original) && edge.copy != edge.original
        })
        .collect();
    for edge in &edges {
        summary.copies.add(edge.kind);
    }

    clock.start("link", None);
    // The fingerprints' scratch file and the story features go before digests; a thread
    // frees them while stories are linked (~17 ms at 100k articles, on one thread).
    let stories = std::thread::scope(|scope| {
        scope.spawn(move || drop((fingerprints, facts, ok_features)));
        link_stories(&dense_of_doc, &graph, &edges, &config.cluster)
    });
    drop(graph);
    summary.n_ok = docs.iter().filter(|doc| doc.ok).count() as u64;
    summary.n_stories = stories.n_stories as u64;

    // `articles.jsonl` needs only stories and copy edges, and `copies.jsonl` only the edges,
    // not digests: a thread writes them while the pool builds digests, so their reads and
    // writes overlap with that work.
    clock.start("digest", Some(summary.n_stories));
    std::thread::scope(|scope| -> Result<()> {
        let articles_and_copies = scope.spawn(|| {
            write::write_articles(out_dir, &docs, &stories.of_doc, &edges, &spill)?;
            write::write_copies(out_dir, &docs, &edges)
        });
        let digests =
            write::write_stories(out_dir, &docs, &stories, &edges, &spill, config, progress);
        digests.and(error::join(articles_and_copies))
    })?;
    clock.stop();
    summary.stage_times = clock.times;
    summary.stage_cpu = clock.cpu;
    summary.n_diagnostics = diagnostics.finish()?;
    summary.elapsed = started.elapsed();
    progress.finish();
    Ok(summary)
}

/// Stories of a run: the story of every article (`None` for articles in no story).
#[derive(Debug)]
pub(crate) struct Stories {
    pub(crate) of_doc: Vec<Option<u32>>,
    pub(crate) n_stories: usize,
}

/// The story features of the articles that are `ok`, densely indexed (the clusterer sees
/// only articles that are in some story), and the dense index of every article
/// (`u32::MAX` for the others).
fn dense_features(
    docs: &[DocState],
    features: Vec<storyline_cluster::StoryFeatures>,
) -> (Vec<u32>, Vec<storyline_cluster::StoryFeatures>) {
    let mut dense_of_doc = vec![u32::MAX; docs.len()];
    let mut ok_features = Vec::new();
    for (doc_idx, (doc, feature)) in docs.iter().zip(features).enumerate() {
        if doc.ok {
            dense_of_doc[doc_idx] = ok_features.len() as u32;
            ok_features.push(feature);
        }
    }
    (dense_of_doc, ok_features)
}

/// Links the `ok` articles into stories over their similarity graph, with each copy edge a
/// must-link; the other articles are in no story.
fn link_stories(
    dense_of_doc: &[u32],
    graph: &storyline_cluster::SimilarityGraph,
    edges: &[storyline_core::CopyEdge],
    config: &ClusterConfig,
) -> Stories {
    let must_link: Vec<(DocIdx, DocIdx)> = edges
        .iter()
        .map(|edge| {
            (
                DocIdx(dense_of_doc[edge.copy.index()]),
                DocIdx(dense_of_doc[edge.original.index()]),
            )
        })
        .collect();
    let story_of_dense = graph.link(&must_link, config);
    let of_doc: Vec<Option<u32>> = dense_of_doc
        .iter()
        .map(|&dense| story_of_dense.get(dense as usize).map(|story| story.0))
        .collect();
    let n_stories = of_doc
        .iter()
        .flatten()
        .map(|&story| story as usize + 1)
        .max()
        .unwrap_or(0);
    Stories { of_doc, n_stories }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn process_cpu_time_is_read_and_never_goes_back() {
        let before = process_cpu_time().expect("Linux tells a process its CPU time");
        // Spin for 50 ms of CPU; the kernel counts in 10 ms ticks.
        let started = Instant::now();
        let mut sum = 0u64;
        while started.elapsed() < Duration::from_millis(50) {
            sum = std::hint::black_box(sum.wrapping_add(1));
        }
        let after = process_cpu_time().expect("Linux tells a process its CPU time");
        assert!(after >= before, "{after:?} < {before:?}");
    }
}
