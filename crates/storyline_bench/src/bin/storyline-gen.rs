//! `storyline-gen N [SEED]`: writes a generated corpus of N articles as JSONL to stdout.

use std::io::Write;

use anyhow::{Context, Result};

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let n_articles: usize = args
        .next()
        .context("usage: storyline-gen N_ARTICLES [SEED] > corpus.jsonl")?
        .parse()
        .context("N_ARTICLES must be a number")?;
    let seed: u64 = args
        .next()
        .map(|seed| seed.parse())
        .transpose()?
        .unwrap_or(42);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 20, stdout.lock());
    storyline_bench::CorpusSpec { n_articles, seed }.write_jsonl(&mut out)?;
    out.flush()?;
    Ok(())
}
