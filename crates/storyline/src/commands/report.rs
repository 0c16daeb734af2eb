//! `storyline report`: the static HTML report of a finished run. (Placeholder until the
//! digest crate's report writer lands.)

use std::path::Path;

use anyhow::Result;

use crate::args::ReportArgs;

pub(crate) fn report(args: &ReportArgs) -> Result<()> {
    let to = args.to.clone().unwrap_or_else(|| args.out.join("report"));
    write(&args.out, &to, false)
}

pub(crate) fn write(run_dir: &Path, report_dir: &Path, quiet: bool) -> Result<()> {
    let _ = (run_dir, quiet);
    anyhow::bail!("the HTML report is not built yet (wanted in {})", report_dir.display())
}
