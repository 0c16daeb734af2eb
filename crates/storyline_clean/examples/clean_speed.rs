//! Dev tool: CPU cost of cleaning per article, and a checksum of every output, so that a
//! speed change can be shown to leave the output byte for byte the same.
//!
//! `cargo run --release -p storyline_clean --example clean_speed -- FILE.jsonl [REPEAT]
//! [--dump OUT.jsonl]` reads JSONL articles (`text`, optional `title`, `source`, `date`),
//! builds the boilerplate model over all of them, cleans each REPEAT times (default 3) on
//! one thread, and prints the CPU time per article of `observe` and `clean` and a checksum
//! of the model's verdicts and every `Cleaned`. `--dump` writes the cleaned articles
//! (`title` = given title or found headline, `text`, `date`) as the input of the
//! storyline_cluster `features_speed` example.
#![allow(clippy::print_stdout)]

use std::io::Write;

use anyhow::Context;
use storyline_clean::{clean, BoilerplateModelBuilder, CleanConfig};
use xxhash_rust::xxh3::Xxh3;

struct Article {
    text: String,
    title: Option<String>,
    source: Option<String>,
    date: Option<String>,
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .first()
        .context("usage: clean_speed FILE.jsonl [REPEAT] [--dump OUT]")?;
    let repeat: usize = args
        .get(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(3)
        .max(1);
    let dump = args
        .iter()
        .position(|arg| arg == "--dump")
        .and_then(|at| args.get(at + 1));
    let data = std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
    let field = |record: &serde_json::Value, name: &str| {
        record
            .get(name)
            .and_then(|value| value.as_str())
            .map(str::to_owned)
    };
    let articles: Vec<Article> = data
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let record: serde_json::Value = serde_json::from_str(line)?;
            Ok(Article {
                text: field(&record, "text").unwrap_or_default(),
                title: field(&record, "title"),
                source: field(&record, "source"),
                date: field(&record, "date"),
            })
        })
        .collect::<anyhow::Result<_>>()?;
    drop(data);
    let config = CleanConfig::default();

    let watch = storyline_bench::cpu::CpuStopwatch::process();
    let mut builder = BoilerplateModelBuilder::new(&config);
    for article in &articles {
        builder.observe(article.source.as_deref(), &article.text);
    }
    let model = builder.build();
    let observe_seconds = watch.elapsed().as_secs_f64();

    let mut checksum = Xxh3::new();
    let mut dumped = Vec::new();
    let watch = storyline_bench::cpu::CpuStopwatch::process();
    for round in 0..repeat {
        for article in &articles {
            let cleaned = clean(
                &article.text,
                article.title.as_deref(),
                article.source.as_deref(),
                &model,
                &config,
            );
            if round > 0 {
                continue;
            }
            checksum.update(cleaned.text.as_bytes());
            checksum.update(b"\x00");
            checksum.update(cleaned.headline.as_deref().unwrap_or("\x01").as_bytes());
            for removal in &cleaned.removals {
                checksum.update(removal.kind.as_str().as_bytes());
                checksum.update(&removal.lines[0].to_le_bytes());
                checksum.update(&removal.lines[1].to_le_bytes());
                checksum.update(removal.text.as_bytes());
                checksum.update(removal.reason.as_bytes());
            }
            if dump.is_some() {
                let title = article
                    .title
                    .clone()
                    .filter(|title| !title.trim().is_empty())
                    .or(cleaned.headline);
                let record = serde_json::json!({
                    "title": title,
                    "text": cleaned.text,
                    "date": article.date,
                });
                dumped.push(record.to_string());
            }
        }
    }
    let clean_seconds = watch.elapsed().as_secs_f64();
    let n = articles.len().max(1) as f64;
    println!(
        "articles {}  model lines {}  observe {:.2} us/article  clean {:.2} us/article ({} rounds)",
        articles.len(),
        model.len(),
        observe_seconds / n * 1e6,
        clean_seconds / n / repeat as f64 * 1e6,
        repeat
    );
    println!("checksum {:016x}", checksum.digest());
    if let Some(out) = dump {
        let mut file = std::io::BufWriter::new(std::fs::File::create(out)?);
        for line in dumped {
            writeln!(file, "{line}")?;
        }
    }
    Ok(())
}
