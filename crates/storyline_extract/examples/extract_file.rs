//! Extracts one page and prints the result as JSON, for looking at a single case by hand.
//!
//! Usage: `cargo run --release -p storyline_extract --example extract_file -- PAGE.html[.gz] [URL]`
#![allow(clippy::print_stdout)]

use std::io::Read;

use anyhow::Context;
use storyline_extract::{extract, ExtractConfig};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .context("usage: extract_file PAGE.html[.gz] [URL]")?;
    let url = args.next();
    let raw = std::fs::read(&path).with_context(|| format!("read {path}"))?;
    let bytes = if path.ends_with(".gz") {
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(raw.as_slice())
            .read_to_end(&mut bytes)
            .context("gunzip")?;
        bytes
    } else {
        raw
    };
    match extract(&bytes, None, url.as_deref(), &ExtractConfig::default()) {
        Ok(page) => {
            let json = serde_json::json!({"title": page.title, "date": page.date, "author": page.author,
                "url": page.url, "source": page.source, "language": page.language});
            println!("{json}\n---\n{}", page.text);
        }
        Err(error) => println!("error: {error}"),
    }
    Ok(())
}
