//! Writes the HTML report of a run directory: `write_report RUN_DIR REPORT_DIR`.
//!
//! Used by `tests/browser/run.sh` to build the site from the committed fixture run.

// A command-line tool reports what it wrote.
#![allow(clippy::print_stdout)]

use std::path::PathBuf;

use anyhow::Context as _;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args_os().skip(1);
    let (Some(run_dir), Some(report_dir)) = (args.next(), args.next()) else {
        anyhow::bail!("usage: write_report RUN_DIR REPORT_DIR");
    };
    let (run_dir, report_dir) = (PathBuf::from(run_dir), PathBuf::from(report_dir));
    let summary =
        storyline_digest::report::write_report(&run_dir, &report_dir).with_context(|| {
            format!(
                "writing the report of {} into {}",
                run_dir.display(),
                report_dir.display()
            )
        })?;
    println!(
        "{} stories, {} articles, {} copies -> {}",
        summary.stories,
        summary.articles,
        summary.copies,
        summary.index.display()
    );
    Ok(())
}
