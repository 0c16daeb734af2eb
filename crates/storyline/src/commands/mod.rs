//! One file per subcommand: each takes its parsed arguments and returns `anyhow::Result`.

pub(crate) mod eval;
pub(crate) mod report;
pub(crate) mod run;
pub(crate) mod show;
