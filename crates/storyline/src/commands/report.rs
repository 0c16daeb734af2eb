//! `storyline report` (and `run --report`): the static HTML report of a finished run.

use std::path::Path;

use anyhow::{Context, Result};

use crate::args::ReportArgs;

pub(crate) fn report(args: &ReportArgs) -> Result<()> {
    let to = args.to.clone().unwrap_or_else(|| args.out.join("report"));
    write(&args.out, &to, false)
}

pub(crate) fn write(run_dir: &Path, report_dir: &Path, quiet: bool) -> Result<()> {
    let summary =
        storyline_digest::report::write_report(run_dir, report_dir).with_context(|| {
            format!(
                "cannot write the report of {} into {}",
                run_dir.display(),
                report_dir.display()
            )
        })?;
    if !quiet {
        println!(
            "report   {} stories, {} articles, {} copies: open {}",
            summary.stories,
            summary.articles,
            summary.copies,
            summary.index.display()
        );
    }
    Ok(())
}
