//! The `storyline` command line: parse arguments, run one subcommand, map the outcome to an
//! exit code. Each subcommand lives in its own file under `commands/`.
//!
//! Exit codes: 0 success (diagnostics about bad input records do not fail a run), 1 a run
//! that could not complete (output I/O, bad configuration), 2 a usage error (an INPUT path
//! that does not exist is one: nothing is read or written).

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod args;
mod commands;
mod observer;

use std::process::ExitCode;

use clap::Parser;

/// The stages allocate many small strings and vectors per article; mimalloc handles that
/// pattern with much less overhead than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = args::Args::parse();
    let outcome = match args.command {
        args::Command::Run(run) => commands::run::run(&run),
        args::Command::Eval(eval) => commands::eval::eval(&eval),
        args::Command::Show(show) => commands::show::show(&show),
        args::Command::Report(report) => commands::report::report(&report),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            for cause in error.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}

/// A closed stdout (`storyline show 3 | head`) is not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
