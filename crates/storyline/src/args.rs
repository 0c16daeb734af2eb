//! Command-line arguments (clap derive). Help texts here are the user's documentation of
//! every flag; keep them in step with README.md.

use std::path::PathBuf;

use clap::{Args as ClapArgs, Parser, Subcommand};

/// storyline: from a crawl of news articles to stories.
///
/// Cleans each article, finds exact copies, near-duplicates and rewrites and names the
/// original of each, groups the reports of each real-world event into a story, and writes a
/// digest of each story.
#[derive(Debug, Parser)]
#[command(name = "storyline", version, about, long_about, after_help = EXIT_CODES)]
pub(crate) struct Args {
    #[command(subcommand)]
    pub(crate) command: Command,
}

const EXIT_CODES: &str =
    "Exit codes: 0 success (bad input records are reported as diagnostics and \
do not fail a run), 1 the run could not complete (output I/O, bad configuration), 2 usage error \
(including an INPUT path that does not exist).";

/// An INPUT as given, refused when nothing exists at the path (or a symlink there points
/// nowhere): a mistyped path or an unmatched shell glob would otherwise make a run of the
/// other inputs, or of none, that looks like success. `-` is stdin. A path that exists but
/// cannot be read is bad input, reported by the run as a diagnostic like any other.
fn existing_input(value: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(value);
    if value == "-" {
        return Ok(path);
    }
    match std::fs::metadata(&path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            Err("no such file or directory".to_string())
        }
        _ => Ok(path),
    }
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Run the pipeline: INPUT... → DIR/{articles,copies,stories,diagnostics}.jsonl.
    #[command(after_help = EXIT_CODES)]
    Run(RunArgs),
    /// Run the pipeline and score its stories against a gold field of the input records.
    #[command(after_help = EXIT_CODES)]
    Eval(EvalArgs),
    /// Print one story's digest from a finished run.
    #[command(after_help = EXIT_CODES)]
    Show(ShowArgs),
    /// Write the static HTML report of a finished run.
    #[command(after_help = EXIT_CODES)]
    Report(ReportArgs),
}

/// Settings shared by `run` and `eval`.
#[derive(Debug, ClapArgs)]
pub(crate) struct PipelineArgs {
    /// Input files or directories, or `-` for JSONL on stdin. Directories are read
    /// recursively in sorted order; `.txt` is one article (id = file stem), `.jsonl` holds one
    /// article per line (`id`, `text` or `html`, optional `title`, `date`, `url`, `source`);
    /// `.html`, `.html.gz`, `.warc`, `.warc.gz` are crawled pages. A path that does not
    /// exist is a usage error (exit 2, before anything is read or written).
    #[arg(required = true, value_name = "INPUT", value_parser = existing_input)]
    pub(crate) inputs: Vec<PathBuf>,

    /// Output directory (created if missing; existing output files are replaced).
    #[arg(long, short, value_name = "DIR")]
    pub(crate) out: PathBuf,

    /// Worker threads (default: one per core). The output does not depend on it.
    #[arg(
        long,
        short = 'j',
        value_name = "N",
        default_value_t = 0,
        hide_default_value = true
    )]
    pub(crate) threads: usize,

    /// Article bodies longer than this many bytes are truncated, with a diagnostic.
    #[arg(long, value_name = "BYTES", default_value_t = 1 << 20)]
    pub(crate) max_article_bytes: usize,

    /// Print no progress bar, no diagnostics on stderr, and no summary.
    #[arg(long, short)]
    pub(crate) quiet: bool,
}

#[derive(Debug, ClapArgs)]
pub(crate) struct RunArgs {
    #[command(flatten)]
    pub(crate) pipeline: PipelineArgs,

    /// Also write the HTML report into this directory (open DIR/index.html in a browser).
    #[arg(long, value_name = "DIR")]
    pub(crate) report: Option<PathBuf>,
}

#[derive(Debug, ClapArgs)]
pub(crate) struct EvalArgs {
    #[command(flatten)]
    pub(crate) pipeline: PipelineArgs,

    /// Field of the input JSONL records holding the gold story label (e.g. `story`).
    #[arg(long, value_name = "FIELD")]
    pub(crate) gold: String,
}

#[derive(Debug, ClapArgs)]
pub(crate) struct ShowArgs {
    /// Story number (the `story` field of stories.jsonl).
    #[arg(value_name = "STORY")]
    pub(crate) story: u32,

    /// Output directory of a finished `storyline run`.
    #[arg(long, short, value_name = "DIR")]
    pub(crate) out: PathBuf,
}

#[derive(Debug, ClapArgs)]
pub(crate) struct ReportArgs {
    /// Output directory of a finished `storyline run`.
    #[arg(long, short, value_name = "DIR")]
    pub(crate) out: PathBuf,

    /// Where to write the report (default: DIR/report).
    #[arg(long, value_name = "REPORT_DIR")]
    pub(crate) to: Option<PathBuf>,
}

impl PipelineArgs {
    pub(crate) fn config(&self) -> storyline_pipeline::RunConfig {
        let mut config = storyline_pipeline::RunConfig {
            n_threads: self.threads,
            ..Default::default()
        };
        config.ingest.max_article_bytes = self.max_article_bytes;
        config
    }
}
