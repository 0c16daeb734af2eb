//! The clean pass: spill A → cleaned articles → fingerprints and story features in memory,
//! cleaned records to spill D (read back per story for digests and in order for output).

use std::path::Path;
use std::sync::mpsc;

use rayon::prelude::*;
use storyline_cluster::StoryFeatures;
use storyline_core::output::ArticleStatus;
use storyline_core::{Diagnostic, RemovalKind};
use storyline_match::DocFacts;

use crate::fingerprints::{FingerprintSpill, FingerprintSpillWriter};

use crate::error::join;
use crate::read::{self, ReadPass};
use crate::spill::{take_string, SpillReader, SpillRecord, SpillWriter};
use crate::write::DiagnosticSink;
use crate::{dates, json, DocState, Error, Progress, Result, RunConfig};

/// Longest removed line read as the article's dateline ("Published: 14:32 GMT, 12 December
/// 2008 | Updated: 16:05 GMT, 12 December 2008" is 79).
const MAX_DATELINE_BYTES: usize = 80;

/// Fields of a spill D record, in order.
pub(crate) const N_FIELDS: usize = 9;
pub(crate) const F_ID: usize = 0;
pub(crate) const F_TITLE: usize = 1;
pub(crate) const F_DATE: usize = 2;
pub(crate) const F_SOURCE: usize = 3;
pub(crate) const F_URL: usize = 4;
pub(crate) const F_TEXT: usize = 5;
/// A dateline line cleaning removed as furniture ("DECEMBER 9, 2022"): not text, but the
/// digest still reads it as a date the article gives for the event.
pub(crate) const F_DATELINE: usize = 6;
/// The rest of the article's output line, a JSON object without `id`, `story` and copy
/// fields, cut where its text goes: this head ends in `"text":`, and [`F_REST_TAIL`] holds
/// what follows the text. `articles.jsonl`'s writer escapes [`F_TEXT`] between the two, so
/// the text is stored once (a spill D holding it twice was a third of a run's writes).
/// Last, so that a digest reads only the fields before them (`DocState::len` ends there).
pub(crate) const F_REST_HEAD: usize = 7;
pub(crate) const F_REST_TAIL: usize = 8;
/// The fields a digest reads: all before [`F_REST_HEAD`].
pub(crate) const N_DIGEST_FIELDS: usize = F_REST_HEAD;

/// What the clean pass hands on.
#[derive(Debug)]
pub(crate) struct CleanPass {
    pub(crate) docs: Vec<DocState>,
    pub(crate) fingerprints: FingerprintSpill,
    pub(crate) facts: Vec<DocFacts>,
    pub(crate) features: Vec<StoryFeatures>,
    pub(crate) spill: std::fs::File,
    pub(crate) n_empty: u64,
    pub(crate) n_cleaned: u64,
    pub(crate) n_removals: u64,
}

/// One article after cleaning, before it is spilled.
#[derive(Debug)]
struct Processed {
    id: String,
    title: Option<String>,
    date: Option<String>,
    source: Option<String>,
    url: Option<String>,
    text: String,
    status: ArticleStatus,
    /// The output line's fields before the text, and after it (see [`F_REST_HEAD`]).
    rest: (Vec<u8>, Vec<u8>),
    dateline: Option<String>,
    n_removals: usize,
    /// The copy-detection fingerprint, encoded for the fingerprint spill.
    fingerprint: Shared<Vec<u8>>,
    facts: DocFacts,
    features: Shared<StoryFeatures>,
    diagnostic: Option<Diagnostic>,
}

/// Something computed from an article's cleaned text, or the index of an earlier article
/// whose inputs to it were the same, so that it is the same value (exact copies are common
/// in a crawl: they are fingerprinted and featured once).
#[derive(Debug)]
enum Shared<T> {
    Own(T),
    SameAs(u32),
}

/// One article after cleaning, before its fingerprint and story features.
#[derive(Debug)]
struct Cleaned {
    processed: Processed,
    /// XXH3-128 of the cleaned text, for articles that are fingerprinted (`Ok` ones).
    text_key: Option<u128>,
}

/// An earlier article with the same cleaned text: its fingerprint is taken, and its story
/// features too when `features_too` (same title and date).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Reuse {
    doc: u32,
    features_too: bool,
}

/// The first article seen with each cleaned text: later ones reuse its fingerprint, and its
/// story features when their title and date are the same too. Decided on one thread, in
/// article order, so the same articles share whatever the thread count (and sharing never
/// changes a value, only whether it is computed again).
#[derive(Debug, Default)]
struct SameText {
    first: rustc_hash::FxHashMap<u128, FirstWithText>,
}

#[derive(Debug)]
struct FirstWithText {
    doc: u32,
    /// [`title_key`] of the title and removed dateline, and the date: with the text, all
    /// that story features read.
    title_key: u64,
    date_days: Option<i32>,
}

impl SameText {
    /// For each article of a batch whose first article is `first_doc`: what it reuses of an
    /// earlier article, if anything.
    fn decide(&mut self, batch: &[Cleaned], first_doc: u32) -> Vec<Option<Reuse>> {
        let mut decided = Vec::with_capacity(batch.len());
        for (doc, item) in (first_doc..).zip(batch) {
            let Some(text_key) = item.text_key else {
                decided.push(None);
                continue;
            };
            let title_key = title_key(
                item.processed.title.as_deref(),
                item.processed.dateline.as_deref(),
            );
            let date_days = item.processed.facts.date_days;
            match self.first.entry(text_key) {
                std::collections::hash_map::Entry::Occupied(first) => {
                    let first = first.get();
                    decided.push(Some(Reuse {
                        doc: first.doc,
                        features_too: first.title_key == title_key && first.date_days == date_days,
                    }));
                }
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(FirstWithText {
                        doc,
                        title_key,
                        date_days,
                    });
                    decided.push(None);
                }
            }
        }
        decided
    }
}

/// XXH3 of the title and the removed dateline: besides the text and date, all that story
/// features read.
fn title_key(title: Option<&str>, dateline: Option<&str>) -> u64 {
    let key = |piece: Option<&str>, seed| match piece {
        Some(piece) => xxhash_rust::xxh3::xxh3_64_with_seed(piece.as_bytes(), seed),
        None => 0,
    };
    key(title, 1) ^ key(dateline, 2).rotate_left(1)
}

/// The output fields of an article that are known after cleaning, in their output order.
struct Rest<'a> {
    status: ArticleStatus,
    title: Option<&'a str>,
    date: Option<&'a str>,
    source: Option<&'a str>,
    url: Option<&'a str>,
    removals: &'a [storyline_core::Removal],
    extra: Option<&'a serde_json::value::RawValue>,
}

impl Rest<'_> {
    /// The fields as a JSON object (what `serde_json` would write for them, absent options
    /// left out), cut where the text goes: the head ends in `"text":`, the tail follows the
    /// text. The writer of `articles.jsonl` puts the text between them with
    /// [`json::push_string`].
    fn to_json(&self) -> serde_json::Result<(Vec<u8>, Vec<u8>)> {
        let mut head = Vec::with_capacity(256);
        head.extend_from_slice(b"{\"status\":");
        serde_json::to_writer(&mut head, &self.status)?;
        let optional = [
            ("title", self.title),
            ("date", self.date),
            ("source", self.source),
            ("url", self.url),
        ];
        for (key, value) in optional {
            if let Some(value) = value {
                push_key(&mut head, key);
                json::push_string(&mut head, value);
            }
        }
        push_key(&mut head, "text");
        let mut tail = Vec::with_capacity(128);
        push_key(&mut tail, "removals");
        json::push_removals(&mut tail, self.removals);
        if let Some(extra) = self.extra {
            push_key(&mut tail, "extra");
            tail.extend_from_slice(extra.get().as_bytes());
        }
        tail.push(b'}');
        Ok((head, tail))
    }
}

/// `,"key":` after a previous field.
fn push_key(out: &mut Vec<u8>, key: &str) {
    out.push(b',');
    json::push_string(out, key);
    out.push(b':');
}

pub(crate) fn clean_pass(
    read: ReadPass,
    config: &RunConfig,
    scratch: &Path,
    diagnostics: &mut DiagnosticSink<'_>,
    progress: &dyn Progress,
) -> Result<CleanPass> {
    let mut reader = SpillReader::releasing(read.spill, read::N_FIELDS);
    let mut output = CleanOutput::create(scratch, read.n_articles as usize)?;
    let batch_size = config.batch_size.max(1);
    let model = &read.model;
    // Three steps overlap: a thread reads batches from spill A, the worker pool cleans one
    // batch while another thread writes the previous one out, so the pool never waits on
    // the scratch files.
    std::thread::scope(|scope| -> Result<()> {
        let (batch_sender, batches) = mpsc::sync_channel::<Vec<SpillRecord>>(1);
        let (processed_sender, processed_batches) = mpsc::sync_channel::<Vec<Processed>>(1);
        let reading = scope.spawn(move || -> std::io::Result<()> {
            loop {
                let mut batch = Vec::with_capacity(batch_size);
                while batch.len() < batch_size {
                    match reader.next_record()? {
                        Some(record) => batch.push(record),
                        None => break,
                    }
                }
                if batch.is_empty() || batch_sender.send(batch).is_err() {
                    return Ok(());
                }
            }
        });
        let output = &mut output;
        let writing = scope.spawn(move || -> Result<()> {
            for processed in processed_batches {
                for item in processed {
                    output.push(item, diagnostics)?;
                }
            }
            Ok(())
        });
        let mut same_text = SameText::default();
        let mut n_docs = 0u32;
        let mut batches = batches.into_iter();
        // Two batches are in work at once: while one thread waits for batch k+1 and
        // cleans it (then decides, in order, what it reuses), the pool derives batch k's
        // fingerprints and features. With one batch at a time a core idled at every batch's
        // tail, through the serial decision and while waiting for the reader.
        let mut decided: Option<(Vec<Cleaned>, Vec<Option<Reuse>>)> = None;
        loop {
            let previous = decided.take();
            let (next, processed) = rayon::join(
                || {
                    let cleaned: Vec<Cleaned> = batches
                        .next()?
                        .into_par_iter()
                        .map(|record| clean_record(record, model, config))
                        .collect();
                    let reuse = same_text.decide(&cleaned, n_docs);
                    n_docs += cleaned.len() as u32;
                    Some((cleaned, reuse))
                },
                || {
                    previous.map(|(cleaned, reuse)| {
                        cleaned
                            .into_par_iter()
                            .zip(reuse)
                            .map(|(cleaned, reuse)| derive(cleaned, reuse, config))
                            .collect::<Vec<Processed>>()
                    })
                },
            );
            if let Some(processed) = processed {
                progress.advance(processed.len() as u64);
                if processed_sender.send(processed).is_err() {
                    break; // the writer failed; its error is reported below
                }
            }
            match next {
                Some(next) => decided = Some(next),
                None => break,
            }
        }
        drop(processed_sender);
        let written = join(writing);
        let read = join(reading);
        written?;
        read.map_err(Error::spill("clean"))
    })?;
    output.finish()
}

/// Where cleaned articles go: spill D, the fingerprint spill, and the per-article state
/// kept in memory.
struct CleanOutput {
    spill: SpillWriter,
    fingerprints: FingerprintSpillWriter,
    docs: Vec<DocState>,
    facts: Vec<DocFacts>,
    features: Vec<StoryFeatures>,
    n_empty: u64,
    n_cleaned: u64,
    n_removals: u64,
}

impl CleanOutput {
    fn create(scratch: &Path, capacity: usize) -> Result<CleanOutput> {
        Ok(CleanOutput {
            spill: SpillWriter::new(tempfile::tempfile_in(scratch).map_err(Error::spill("clean"))?),
            fingerprints: FingerprintSpillWriter::new(
                tempfile::tempfile_in(scratch).map_err(Error::spill("clean"))?,
                capacity,
            ),
            docs: Vec::with_capacity(capacity),
            facts: Vec::with_capacity(capacity),
            features: Vec::with_capacity(capacity),
            n_empty: 0,
            n_cleaned: 0,
            n_removals: 0,
        })
    }

    fn push(&mut self, item: Processed, diagnostics: &mut DiagnosticSink<'_>) -> Result<()> {
        if let Some(diagnostic) = &item.diagnostic {
            diagnostics.push(diagnostic)?;
        }
        let mut fields: [Option<&[u8]>; N_FIELDS] = [None; N_FIELDS];
        fields[F_ID] = Some(item.id.as_bytes());
        fields[F_TITLE] = item.title.as_deref().map(str::as_bytes);
        fields[F_DATE] = item.date.as_deref().map(str::as_bytes);
        fields[F_SOURCE] = item.source.as_deref().map(str::as_bytes);
        fields[F_URL] = item.url.as_deref().map(str::as_bytes);
        fields[F_TEXT] = Some(item.text.as_bytes());
        fields[F_REST_HEAD] = Some(&item.rest.0);
        fields[F_REST_TAIL] = Some(&item.rest.1);
        fields[F_DATELINE] = item.dateline.as_deref().map(str::as_bytes);
        // Two writes, one record: the digest's part first, whose length the digest reads.
        let offset = self
            .spill
            .write(&fields[..N_DIGEST_FIELDS])
            .map_err(Error::spill("clean"))?;
        let len = u32::try_from(self.spill.position() - offset)
            .map_err(|_| Error::spill("clean")(std::io::Error::other("spill record over 4 GiB")))?;
        self.spill
            .write(&fields[N_DIGEST_FIELDS..])
            .map_err(Error::spill("clean"))?;
        self.n_empty += u64::from(item.status == ArticleStatus::Empty);
        self.n_cleaned += u64::from(item.n_removals > 0);
        self.n_removals += item.n_removals as u64;
        self.docs.push(DocState {
            id: item.id.into_boxed_str(),
            ok: item.status == ArticleStatus::Ok,
            offset,
            len,
        });
        match item.fingerprint {
            Shared::Own(encoded) => self.fingerprints.push(&encoded),
            Shared::SameAs(doc) => self.fingerprints.push_same_as(doc as usize),
        }
        .map_err(Error::spill("clean"))?;
        self.facts.push(item.facts);
        let features = match item.features {
            Shared::Own(features) => features,
            Shared::SameAs(doc) => self.features.get(doc as usize).cloned().unwrap_or_default(),
        };
        self.features.push(features);
        Ok(())
    }

    fn finish(self) -> Result<CleanPass> {
        Ok(CleanPass {
            docs: self.docs,
            fingerprints: self.fingerprints.finish().map_err(Error::spill("clean"))?,
            facts: self.facts,
            features: self.features,
            spill: self.spill.finish().map_err(Error::spill("clean"))?,
            n_empty: self.n_empty,
            n_cleaned: self.n_cleaned,
            n_removals: self.n_removals,
        })
    }
}

/// Cleans one article, and finds what the output needs but its fingerprint and features.
fn clean_record(
    mut record: SpillRecord,
    model: &storyline_clean::BoilerplateModel,
    config: &RunConfig,
) -> Cleaned {
    let id = take_string(&mut record, read::F_ID).unwrap_or_default();
    let title = take_string(&mut record, read::F_TITLE);
    let date = take_string(&mut record, read::F_DATE);
    let url = take_string(&mut record, read::F_URL);
    let source = take_string(&mut record, read::F_SOURCE);
    let not_article = take_string(&mut record, read::F_NOT_ARTICLE).is_some_and(|flag| flag == "1");
    let raw_text = take_string(&mut record, read::F_TEXT).unwrap_or_default();
    let extra = take_string(&mut record, read::F_EXTRA);
    let pos = record
        .get_mut(read::F_POS)
        .and_then(Option::take)
        .map(|bytes| read::decode_pos(&bytes))
        .unwrap_or_default();

    let cleaned = storyline_clean::clean(
        &raw_text,
        title.as_deref(),
        source.as_deref(),
        model,
        &config.clean,
    );
    drop(raw_text);
    let title = title
        .filter(|title| !title.trim().is_empty())
        .or(cleaned.headline);
    let status = if not_article {
        ArticleStatus::NotArticle
    } else if cleaned.text.trim().is_empty() {
        ArticleStatus::Empty
    } else {
        ArticleStatus::Ok
    };
    let diagnostic = (status == ArticleStatus::Empty).then(|| {
        Diagnostic::warning(
            pos,
            "empty_article",
            format!(
                "article `{id}` has no text after cleaning; kept in articles.jsonl, in no story"
            ),
        )
    });

    // One pass over the removals. The first removed line that reads as a date is the
    // dateline, and the first that is a publication stamp gives the date of an article
    // without a date field. A bare date line does not: a rewrite may carry one from long
    // before the event it reports. The first line of a removal: a stamp may be removed with
    // the next ("PUBLISHED FRIDAY, MARCH 8, 2013 AT 12:46 PM", "UPDATED AT 12:48 PM").
    // Template filler counts as a clue that the article is a copy (see
    // `storyline_match::DocFacts`).
    let mut dateline: Option<&str> = None;
    let mut stamp_days = None;
    let mut n_template_filler = 0u32;
    for removal in &cleaned.removals {
        match removal.kind {
            RemovalKind::Filler => n_template_filler += 1,
            RemovalKind::Boilerplate => {
                let first = removal.text.lines().next();
                let first_days = first
                    .filter(|line| may_be_date(line))
                    .and_then(dates::parse_date_days);
                if let (Some(line), Some(days)) = (first, first_days) {
                    dateline.get_or_insert(line);
                    if stamp_days.is_none() && storyline_clean::is_publication_stamp(line) {
                        stamp_days = Some(days);
                    }
                }
            }
            _ => {}
        }
    }
    let dateline = dateline.map(|line| line.trim().to_owned());
    let date_days = date
        .as_deref()
        .and_then(dates::parse_date_days)
        .or(stamp_days);
    let text_key =
        (status == ArticleStatus::Ok).then(|| xxhash_rust::xxh3::xxh3_128(cleaned.text.as_bytes()));
    let extra_raw = extra.and_then(|extra| serde_json::value::RawValue::from_string(extra).ok());
    let rest = Rest {
        status,
        title: title.as_deref(),
        date: date.as_deref(),
        source: source.as_deref(),
        url: url.as_deref(),
        removals: &cleaned.removals,
        extra: extra_raw.as_deref(),
    }
    .to_json()
    // An empty object: the writer then writes the article's id and story alone.
    .unwrap_or_else(|_| (b"{}".to_vec(), Vec::new()));
    let processed = Processed {
        id,
        title,
        date,
        source,
        url,
        text: cleaned.text,
        status,
        rest,
        dateline,
        n_removals: cleaned.removals.len(),
        // Filled in by `derive`.
        fingerprint: Shared::Own(Vec::new()),
        facts: DocFacts {
            date_days,
            n_template_filler,
        },
        features: Shared::Own(StoryFeatures::default()),
        diagnostic,
    };
    Cleaned {
        processed,
        text_key,
    }
}

/// Whether a removed line is short enough to be a dateline and holds a digit (every date
/// `dates::parse_date_days` reads has one): most removed lines ("Advertisement", "Related
/// News") are ruled out without parsing them.
fn may_be_date(line: &str) -> bool {
    line.len() <= MAX_DATELINE_BYTES && line.bytes().any(|byte| byte.is_ascii_digit())
}

/// Computes a cleaned article's fingerprint and story features, unless `reuse` names an
/// earlier article with the same text (and, for the features, title and date) to take them
/// from.
fn derive(cleaned: Cleaned, reuse: Option<Reuse>, config: &RunConfig) -> Processed {
    let Cleaned {
        mut processed,
        text_key,
    } = cleaned;
    let mut fingerprint = Vec::new();
    if text_key.is_none() {
        storyline_match::Fingerprint::default().encode(&mut fingerprint);
        processed.fingerprint = Shared::Own(fingerprint);
        return processed;
    }
    processed.fingerprint = match reuse {
        Some(reuse) => Shared::SameAs(reuse.doc),
        None => {
            storyline_match::fingerprint(&processed.text, &config.matching)
                .encode(&mut fingerprint);
            Shared::Own(fingerprint)
        }
    };
    processed.features = match reuse {
        Some(Reuse {
            doc,
            features_too: true,
        }) => Shared::SameAs(doc),
        _ => Shared::Own(storyline_cluster::story_features_with_dateline(
            processed.title.as_deref(),
            processed.dateline.as_deref(),
            &processed.text,
            processed.facts.date_days,
            &config.cluster,
        )),
    };
    processed
}

#[cfg(test)]
mod tests;
