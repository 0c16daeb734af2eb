//! `storyline-gen N [SEED] [--truth | --warc [--padding-kb K]]`: writes a generated corpus
//! of N articles to stdout, as JSONL (with `--truth`, each record also carries the
//! generator's answers: `truth_story`, `truth_copy_of`, `truth_copy_kind`), or with `--warc`
//! as a gzipped WARC crawl of HTML pages (each followed by K KB of binary payload when
//! `--padding-kb` is given).

// A command-line tool prints its usage.
#![allow(clippy::print_stdout)]

use std::io::Write;

use anyhow::{bail, Context, Result};

const USAGE: &str =
    "usage: storyline-gen N_ARTICLES [SEED] [--truth | --warc [--padding-kb K]] > corpus";

fn main() -> Result<()> {
    let mut numbers = Vec::new();
    let mut warc = false;
    let mut truth = false;
    let mut padding_kb = 0usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--warc" => warc = true,
            "--truth" => truth = true,
            "--padding-kb" => {
                padding_kb = args
                    .next()
                    .context(USAGE)?
                    .parse()
                    .context("--padding-kb takes a number of kilobytes")?
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            _ if arg.starts_with('-') => bail!("unknown option `{arg}`\n{USAGE}"),
            _ => numbers.push(arg),
        }
    }
    let n_articles: usize = numbers
        .first()
        .context(USAGE)?
        .parse()
        .context("N_ARTICLES must be a number")?;
    let seed: u64 = numbers
        .get(1)
        .map(|seed| seed.parse())
        .transpose()
        .context("SEED must be a number")?
        .unwrap_or(42);
    if warc && truth {
        bail!("--truth is for JSONL corpora, not --warc\n{USAGE}");
    }
    let corpus = storyline_bench::CorpusSpec { n_articles, seed };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 20, stdout.lock());
    if warc {
        storyline_bench::WarcSpec { corpus, padding_kb }.write_warc_gz(&mut out)?;
    } else if truth {
        corpus.write_jsonl_with_truth(&mut out)?;
    } else {
        corpus.write_jsonl(&mut out)?;
    }
    out.flush()?;
    Ok(())
}
