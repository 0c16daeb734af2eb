//! The read pass: inputs → articles with plain text (HTML extracted) → spill A, while the
//! cleaner's corpus statistics (recurring lines) are gathered.
//!
//! Ingest runs on its own thread and hands over batches, so that parsing the input overlaps
//! with extraction and statistics on the worker pool.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use rayon::prelude::*;
use storyline_clean::{BoilerplateModel, BoilerplateModelBuilder};
use storyline_core::{Diagnostic, RawArticle, RawBody, SourcePos};
use storyline_ingest::Record;

use crate::error::join;
use crate::spill::SpillWriter;
use crate::write::DiagnosticSink;
use crate::{Error, Progress, Result, RunConfig};

/// Fields of a spill A record, in order.
pub(crate) const N_FIELDS: usize = 9;
pub(crate) const F_ID: usize = 0;
pub(crate) const F_TITLE: usize = 1;
pub(crate) const F_DATE: usize = 2;
pub(crate) const F_URL: usize = 3;
pub(crate) const F_SOURCE: usize = 4;
pub(crate) const F_NOT_ARTICLE: usize = 5;
pub(crate) const F_TEXT: usize = 6;
pub(crate) const F_EXTRA: usize = 7;
pub(crate) const F_POS: usize = 8;

/// What the read pass hands to the clean pass.
#[derive(Debug)]
pub(crate) struct ReadPass {
    pub(crate) spill: std::fs::File,
    pub(crate) model: BoilerplateModel,
    pub(crate) n_articles: u64,
    pub(crate) n_not_article: u64,
}

/// An article with plain text, ready to spill.
#[derive(Debug)]
struct Prepared {
    article: RawArticle,
    text: String,
    not_article: bool,
    diagnostic: Option<Diagnostic>,
}

/// One batch on its way to the writer thread: the input's diagnostics (in input order), the
/// prepared articles and their boilerplate statistics.
type PreparedBatch = (Vec<Diagnostic>, Vec<Prepared>, BoilerplateModelBuilder);

pub(crate) fn read_pass(
    inputs: &[PathBuf],
    config: &RunConfig,
    scratch: &Path,
    diagnostics: &mut DiagnosticSink<'_>,
    progress: &dyn Progress,
) -> Result<ReadPass> {
    let file = tempfile::tempfile_in(scratch).map_err(Error::spill("read"))?;
    let mut spill = SpillWriter::new(file);
    let mut builder = BoilerplateModelBuilder::new(&config.clean);
    let mut n_articles = 0u64;
    let mut n_not_article = 0u64;
    let batch_size = config.batch_size.max(1);

    // Three steps overlap: ingest parses the input on its own thread, the worker pool
    // extracts and gathers statistics for one batch while another thread merges the
    // statistics of the previous one and writes it to spill A.
    std::thread::scope(|scope| -> Result<()> {
        let (sender, receiver) = mpsc::sync_channel::<Vec<Record>>(2);
        let ingest_config = &config.ingest;
        scope.spawn(move || {
            let mut batch = Vec::with_capacity(batch_size);
            for record in storyline_ingest::read_inputs(inputs, ingest_config) {
                batch.push(record);
                if batch.len() == batch_size {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(batch_size));
                    if sender.send(full).is_err() {
                        return;
                    }
                }
            }
            if !batch.is_empty() {
                let _ = sender.send(batch);
            }
        });
        let (prepared_sender, prepared_batches) = mpsc::sync_channel::<PreparedBatch>(1);
        let (spill, builder) = (&mut spill, &mut builder);
        let (n_articles, n_not_article) = (&mut n_articles, &mut n_not_article);
        let writing = scope.spawn(move || -> Result<()> {
            for (input_diagnostics, prepared, batch_builder) in prepared_batches {
                for diagnostic in &input_diagnostics {
                    diagnostics.push(diagnostic)?;
                }
                builder.merge(batch_builder);
                let n_prepared = prepared.len() as u64;
                for item in prepared {
                    if let Some(diagnostic) = &item.diagnostic {
                        diagnostics.push(diagnostic)?;
                    }
                    *n_not_article += u64::from(item.not_article);
                    write_prepared(spill, &item).map_err(Error::spill("read"))?;
                }
                *n_articles += n_prepared;
                progress.advance(n_prepared);
            }
            Ok(())
        });
        for batch in receiver {
            // Diagnostics and articles keep their input order.
            let mut articles = Vec::with_capacity(batch.len());
            let mut input_diagnostics = Vec::new();
            for record in batch {
                match record {
                    Record::Article(article) => articles.push(*article),
                    Record::Diagnostic(diagnostic) => input_diagnostics.push(diagnostic),
                }
            }
            let prepared: Vec<Prepared> = articles
                .into_par_iter()
                .map(|article| prepare(article, config))
                .collect();
            let batch_builder = prepared
                .par_iter()
                .fold(
                    || BoilerplateModelBuilder::new(&config.clean),
                    |mut shard, item| {
                        if !item.not_article {
                            shard.observe(item.article.source.as_deref(), &item.text);
                        }
                        shard
                    },
                )
                .reduce(
                    || BoilerplateModelBuilder::new(&config.clean),
                    |mut left, right| {
                        left.merge(right);
                        left
                    },
                );
            if prepared_sender
                .send((input_diagnostics, prepared, batch_builder))
                .is_err()
            {
                break; // the writer failed; its error is reported below
            }
        }
        drop(prepared_sender);
        join(writing)
    })?;

    Ok(ReadPass {
        spill: spill.finish().map_err(Error::spill("read"))?,
        model: builder.build(),
        n_articles,
        n_not_article,
    })
}

/// Turns one raw article into plain text, extracting HTML pages.
fn prepare(mut article: RawArticle, config: &RunConfig) -> Prepared {
    let body = std::mem::replace(&mut article.body, RawBody::Text(String::new()));
    match body {
        RawBody::Text(text) => Prepared {
            article,
            text,
            not_article: false,
            diagnostic: None,
        },
        RawBody::Html {
            bytes,
            declared_charset,
        } => {
            let extracted = storyline_extract::extract(
                &bytes,
                declared_charset.as_deref(),
                article.url.as_deref(),
                &config.extract,
            );
            match extracted {
                Ok(page) => {
                    fill(&mut article.title, page.title);
                    fill(&mut article.date, page.date);
                    fill(&mut article.url, page.url);
                    fill(&mut article.source, page.source);
                    for (key, value) in [("author", page.author), ("language", page.language)] {
                        if let Some(value) = value {
                            article
                                .extra
                                .entry(key)
                                .or_insert(serde_json::Value::String(value));
                        }
                    }
                    Prepared {
                        article,
                        text: page.text,
                        not_article: false,
                        diagnostic: None,
                    }
                }
                Err(error) => {
                    let diagnostic = Diagnostic::warning(
                        article.pos.clone(),
                        "not_an_article",
                        format!(
                            "page `{}` is not an article ({error}); kept out of the stories",
                            article.id
                        ),
                    );
                    Prepared {
                        article,
                        text: String::new(),
                        not_article: true,
                        diagnostic: Some(diagnostic),
                    }
                }
            }
        }
    }
}

fn bytes(value: &Option<String>) -> Option<&[u8]> {
    value.as_deref().map(str::as_bytes)
}

fn fill(slot: &mut Option<String>, value: Option<String>) {
    if slot
        .as_deref()
        .map_or(true, |current| current.trim().is_empty())
    {
        if let Some(value) = value {
            *slot = Some(value);
        }
    }
}

fn write_prepared(spill: &mut SpillWriter, item: &Prepared) -> std::io::Result<u64> {
    let article = &item.article;
    let extra = if article.extra.is_empty() {
        None
    } else {
        Some(serde_json::to_vec(&article.extra).map_err(std::io::Error::other)?)
    };
    let pos = encode_pos(&article.pos);
    let flag: &[u8] = if item.not_article { b"1" } else { b"" };
    let mut fields: [Option<&[u8]>; N_FIELDS] = [None; N_FIELDS];
    fields[F_ID] = Some(article.id.as_bytes());
    fields[F_TITLE] = bytes(&article.title);
    fields[F_DATE] = bytes(&article.date);
    fields[F_URL] = bytes(&article.url);
    fields[F_SOURCE] = bytes(&article.source);
    fields[F_NOT_ARTICLE] = Some(flag);
    fields[F_TEXT] = Some(item.text.as_bytes());
    fields[F_EXTRA] = extra.as_deref();
    fields[F_POS] = Some(&pos);
    spill.write(&fields)
}

/// A spill A record's position field: `line:offset:file`, the numbers empty when absent, so
/// that the clean pass gets the three apart (the file comes last: a path may hold ':'
/// itself). Written and read once per article: cheaper than JSON, which escaped the path.
fn encode_pos(pos: &SourcePos) -> Vec<u8> {
    let number = |value: Option<u64>| value.map(|value| value.to_string()).unwrap_or_default();
    format!("{}:{}:{}", number(pos.line), number(pos.offset), pos.file).into_bytes()
}

/// The position [`encode_pos`] wrote (an unreadable field reads as the default position).
pub(crate) fn decode_pos(bytes: &[u8]) -> SourcePos {
    let text = String::from_utf8_lossy(bytes);
    let mut parts = text.splitn(3, ':');
    let mut number = || parts.next().and_then(|part| part.parse::<u64>().ok());
    let (line, offset) = (number(), number());
    SourcePos {
        file: parts.next().unwrap_or_default().to_owned(),
        line,
        offset,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_come_back_as_written() {
        for pos in [
            SourcePos {
                file: "corpus.jsonl".to_owned(),
                line: Some(12),
                offset: None,
            },
            SourcePos {
                file: "C:/crawl/part:7.warc.gz".to_owned(),
                line: None,
                offset: Some(1 << 40),
            },
            SourcePos::default(),
        ] {
            assert_eq!(decode_pos(&encode_pos(&pos)), pos);
        }
    }
}
