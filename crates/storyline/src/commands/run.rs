//! `storyline run`: the pipeline over INPUT... into DIR, then a short human summary.

use anyhow::{Context, Result};
use storyline_pipeline::RunSummary;

use crate::args::{PipelineArgs, RunArgs};
use crate::observer::Observer;

pub(crate) fn run(args: &RunArgs) -> Result<()> {
    let summary = run_pipeline(&args.pipeline)?;
    if !args.pipeline.quiet {
        print_summary(&summary, &args.pipeline);
    }
    if let Some(report_dir) = &args.report {
        super::report::write(&args.pipeline.out, report_dir, args.pipeline.quiet)?;
    }
    Ok(())
}

/// Runs the pipeline with a terminal observer; shared with `eval`.
pub(crate) fn run_pipeline(args: &PipelineArgs) -> Result<RunSummary> {
    let observer = Observer::new(args.quiet);
    storyline_pipeline::run(&args.inputs, &args.out, &args.config(), &observer)
        .with_context(|| format!("storyline run into {} failed", args.out.display()))
}

fn print_summary(summary: &RunSummary, args: &PipelineArgs) {
    let seconds = summary.elapsed.as_secs_f64();
    let rate = if seconds > 0.0 {
        summary.n_articles as f64 / seconds
    } else {
        0.0
    };
    println!(
        "read     {} articles ({} empty, {} not articles)",
        summary.n_articles, summary.n_empty, summary.n_not_article
    );
    println!(
        "cleaned  {} articles ({} removals)",
        summary.n_cleaned, summary.n_removals
    );
    println!(
        "copies   {} ({} exact, {} near-duplicate, {} rewrite)",
        summary.copies.total(),
        summary.copies.exact,
        summary.copies.near_duplicate,
        summary.copies.rewrite
    );
    println!(
        "stories  {} ({} articles in stories)",
        summary.n_stories, summary.n_ok
    );
    if summary.n_diagnostics > 0 {
        println!(
            "problems {} diagnostics, see {}",
            summary.n_diagnostics,
            args.out.join("diagnostics.jsonl").display()
        );
    }
    let stages: Vec<String> = summary
        .stage_times
        .iter()
        .map(|(name, time)| format!("{name} {:.2}", time.as_secs_f64()))
        .collect();
    println!(
        "took     {seconds:.2} s ({rate:.0} articles/s; {})",
        stages.join(", ")
    );
    // CPU time tells what a stage costs even on a busy machine, and with wall time how
    // well it used the threads.
    if !summary.stage_cpu.is_empty() {
        let total: f64 = summary
            .stage_cpu
            .iter()
            .map(|(_, cpu)| cpu.as_secs_f64())
            .sum();
        let stages: Vec<String> = summary
            .stage_cpu
            .iter()
            .map(|(name, cpu)| format!("{name} {:.2}", cpu.as_secs_f64()))
            .collect();
        println!("cpu      {total:.2} s ({})", stages.join(", "));
    }
    let out = args.out.display().to_string();
    println!(
        "wrote    {}/{{articles,copies,stories}}.jsonl",
        out.trim_end_matches('/')
    );
}
