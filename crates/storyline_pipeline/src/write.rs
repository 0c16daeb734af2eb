//! The write stage: digests per story (texts read back from spill D) for `stories.jsonl`,
//! `articles.jsonl` (input order, its texts read back from spill D too) and `copies.jsonl`;
//! and the diagnostics sink. Each output file is written by one thread, in a fixed order,
//! while the worker pool digests.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use rayon::prelude::*;
use serde::Serialize;
use storyline_core::output::{CopyRecord, EvidenceRecord};
use storyline_core::{CopyEdge, CopyKind, Diagnostic, DocIdx, StoryId};
use storyline_digest::{Digest, StoryArticle};

use crate::spill::{read_records_at, split_fields, SpillReader};
use crate::{clean, error, json, DocState, Error, Progress, Result, RunConfig, Stories};

/// Stories digested per parallel chunk: bounds the output lines in memory at once (a
/// story's texts are dropped when its line is made), and each chunk's end waits for its
/// slowest story.
const STORIES_PER_CHUNK: usize = 1024;

/// Writes diagnostics to `diagnostics.jsonl` as they come, and shows them to the observer.
pub(crate) struct DiagnosticSink<'a> {
    out: BufWriter<File>,
    path: PathBuf,
    progress: &'a dyn Progress,
    count: u64,
}

impl std::fmt::Debug for DiagnosticSink<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DiagnosticSink")
            .field("path", &self.path)
            .field("count", &self.count)
            .finish()
    }
}

impl<'a> DiagnosticSink<'a> {
    pub(crate) fn create(path: &Path, progress: &'a dyn Progress) -> Result<DiagnosticSink<'a>> {
        let file = File::create(path).map_err(|source| Error::Write {
            path: path.to_owned(),
            source,
        })?;
        Ok(DiagnosticSink {
            out: BufWriter::new(file),
            path: path.to_owned(),
            progress,
            count: 0,
        })
    }

    pub(crate) fn push(&mut self, diagnostic: &Diagnostic) -> Result<()> {
        self.progress.diagnostic(diagnostic);
        self.count += 1;
        let mut line = serde_json::to_vec(diagnostic)?;
        line.push(b'\n');
        self.out.write_all(&line).map_err(|source| Error::Write {
            path: self.path.clone(),
            source,
        })
    }

    /// Flushes and returns how many diagnostics were written.
    pub(crate) fn finish(mut self) -> Result<u64> {
        self.out.flush().map_err(|source| Error::Write {
            path: self.path.clone(),
            source,
        })?;
        Ok(self.count)
    }
}

/// A buffered output file that names itself in errors.
struct OutputFile {
    out: BufWriter<File>,
    path: PathBuf,
}

impl OutputFile {
    fn create(path: PathBuf) -> Result<OutputFile> {
        let file = File::create(&path).map_err(|source| Error::Write {
            path: path.clone(),
            source,
        })?;
        Ok(OutputFile {
            out: BufWriter::with_capacity(1 << 20, file),
            path,
        })
    }

    fn write(&mut self, bytes: &[u8]) -> Result<()> {
        self.out.write_all(bytes).map_err(|source| Error::Write {
            path: self.path.clone(),
            source,
        })
    }

    fn finish(mut self) -> Result<()> {
        self.out.flush().map_err(|source| Error::Write {
            path: self.path.clone(),
            source,
        })
    }
}

/// The head of a line of `stories.jsonl`: the digest's fields follow in the same object.
/// The line is the head's object and the digest's joined ([`push_story_line`]), not one
/// struct with the digest `#[serde(flatten)]`: flattening serialises every field through
/// serde's generic map path, for the same bytes.
#[derive(Serialize)]
struct StoryHead<'a> {
    story: u32,
    n_articles: usize,
    articles: Vec<&'a str>,
}

/// Appends one line of `stories.jsonl` to `out`: `head`'s fields, then `digest`'s, in one
/// JSON object, and a newline.
fn push_story_line(out: &mut Vec<u8>, head: &StoryHead<'_>, digest: &Digest) -> Result<()> {
    serde_json::to_writer(&mut *out, head)?;
    // The head's closing brace gives way to the digest's fields: its object's opening brace
    // becomes the comma between them (an empty digest, `{}`, adds nothing).
    out.pop();
    let digest_at = out.len();
    serde_json::to_writer(&mut *out, digest)?;
    if out.len() - digest_at > 2 {
        out[digest_at] = b',';
    } else {
        out.truncate(digest_at);
        out.push(b'}');
    }
    out.push(b'\n');
    Ok(())
}

/// Builds every story's digest (stories in parallel chunks) and writes `stories.jsonl`.
pub(crate) fn write_stories(
    out_dir: &Path,
    docs: &[DocState],
    stories: &Stories,
    edges: &[CopyEdge],
    spill: &File,
    config: &RunConfig,
    progress: &dyn Progress,
) -> Result<()> {
    let (story_of, n_stories) = (&stories.of_doc, stories.n_stories);
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); n_stories];
    for (doc_idx, story) in story_of.iter().enumerate() {
        if let Some(story) = story {
            members[*story as usize].push(doc_idx as u32);
        }
    }
    let mut edges_of_story: Vec<Vec<&CopyEdge>> = vec![Vec::new(); n_stories];
    for edge in edges {
        if let Some(story) = story_of[edge.copy.index()] {
            if story_of[edge.original.index()] == Some(story) {
                edges_of_story[story as usize].push(edge);
            }
        }
    }
    let out = OutputFile::create(out_dir.join("stories.jsonl"))?;
    let sources = &StorySources {
        docs,
        spill,
        config,
    };
    let story_ids: Vec<u32> = (0..n_stories as u32).collect();
    // A thread writes each chunk's lines while the pool digests the next chunk: writing on
    // the pool left a core idle between chunks.
    std::thread::scope(|scope| -> Result<()> {
        let (sender, chunks) = mpsc::sync_channel::<Vec<Result<Vec<u8>>>>(2);
        let writing = scope.spawn(move || -> Result<()> {
            let mut out = out;
            for lines in chunks {
                for line in lines {
                    out.write(&line?)?;
                }
            }
            out.finish()
        });
        let mut by_size: Vec<u32> = Vec::with_capacity(STORIES_PER_CHUNK);
        for chunk in story_ids.chunks(STORIES_PER_CHUNK) {
            // Largest stories first, so that the chunk does not end on one thread digesting
            // a big story while the others wait; the lines go back into story order.
            by_size.clear();
            by_size.extend(chunk);
            by_size.sort_by_key(|&story| std::cmp::Reverse(members[story as usize].len()));
            let mut lines: Vec<(u32, Result<Vec<u8>>)> = by_size
                .par_iter()
                .map(|&story| {
                    let story_members = &members[story as usize];
                    let story_edges: Vec<CopyEdge> = edges_of_story[story as usize]
                        .iter()
                        .map(|edge| (*edge).clone())
                        .collect();
                    (
                        story,
                        story_line(story, story_members, &story_edges, sources),
                    )
                })
                .collect();
            lines.sort_unstable_by_key(|&(story, _)| story);
            let lines: Vec<Result<Vec<u8>>> = lines.into_iter().map(|(_, line)| line).collect();
            // A closed channel means the writer stopped on an error, which `join` returns.
            if sender.send(lines).is_err() {
                break;
            }
            progress.advance(chunk.len() as u64);
        }
        drop(sender);
        error::join(writing)
    })
}

/// The buffers of the story being digested on one thread, reused from story to story.
#[derive(Default)]
struct StoryBuffers {
    /// The story's spill D records (see [`story_line`]).
    records: Vec<u8>,
    /// Its line as it is serialised, copied out at its final length: growing a fresh
    /// vector as serde writes a ~2 KB line into it reallocated it five times or so. Those
    /// reallocations were ~1.5% of a 20k run's perf samples (mostly the allocator's search
    /// for free pages), though only 0.06% of its instructions.
    line: Vec<u8>,
}

thread_local! {
    static BUFFERS: RefCell<StoryBuffers> = RefCell::new(StoryBuffers::default());
}

/// A reused buffer above this size is dropped after its story: one huge story does not pin
/// its texts to a worker thread for the rest of the run.
const MAX_KEPT_BUFFER_BYTES: usize = 1 << 20;

/// What every story's digest reads besides its own members and edges.
struct StorySources<'a> {
    docs: &'a [DocState],
    /// Spill D, read at each member's offset.
    spill: &'a File,
    config: &'a RunConfig,
}

/// Reads one story's articles back from the spill and serialises its digest line.
fn story_line(
    story: u32,
    members: &[u32],
    edges: &[CopyEdge],
    sources: &StorySources<'_>,
) -> Result<Vec<u8>> {
    BUFFERS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buffers) => {
            let buffers = &mut *buffers;
            let line = story_line_from(story, members, edges, sources, buffers);
            for buffer in [&mut buffers.records, &mut buffers.line] {
                if buffer.capacity() > MAX_KEPT_BUFFER_BYTES {
                    *buffer = Vec::new();
                }
            }
            line
        }
        // Unreachable (a digest never starts another), but fresh buffers are always right.
        Err(_) => story_line_from(story, members, edges, sources, &mut StoryBuffers::default()),
    })
}

/// [`story_line`] with buffers for the story's records and its line: every article's
/// fields are read in place as text (no copy per field, no zeroed buffer per article).
fn story_line_from(
    story: u32,
    members: &[u32],
    edges: &[CopyEdge],
    sources: &StorySources<'_>,
    buffers: &mut StoryBuffers,
) -> Result<Vec<u8>> {
    let StoryBuffers {
        records: bytes,
        line: out,
    } = buffers;
    let StorySources {
        docs,
        spill,
        config,
    } = *sources;
    let spans = members.iter().map(|&doc_idx| {
        let doc = &docs[doc_idx as usize];
        (doc.offset, doc.len)
    });
    let ranges = read_records_at(spill, spans, bytes).map_err(Error::spill("digest"))?;
    let mut records = Vec::with_capacity(members.len());
    for (&doc_idx, range) in members.iter().zip(ranges) {
        let fields =
            split_fields(&bytes[range], clean::N_DIGEST_FIELDS).map_err(Error::spill("digest"))?;
        let field = |idx: usize| fields[idx].map(borrow_text);
        records.push((
            doc_idx,
            field(clean::F_TITLE),
            field(clean::F_DATE),
            field(clean::F_SOURCE),
            field(clean::F_URL),
            with_dateline(
                field(clean::F_DATELINE),
                field(clean::F_TEXT).unwrap_or_default(),
            ),
        ));
    }
    let articles: Vec<StoryArticle<'_>> = records
        .iter()
        .map(|(doc_idx, title, date, source, url, text)| StoryArticle {
            idx: DocIdx(*doc_idx),
            id: &docs[*doc_idx as usize].id,
            title: title.as_deref(),
            date: date.as_deref(),
            source: source.as_deref(),
            url: url.as_deref(),
            text,
        })
        .collect();
    let digest = storyline_digest::build_digest(StoryId(story), &articles, edges, &config.digest);
    let head = StoryHead {
        story,
        n_articles: members.len(),
        articles: members
            .iter()
            .map(|&doc_idx| &*docs[doc_idx as usize].id)
            .collect(),
    };
    out.clear();
    push_story_line(out, &head, &digest)?;
    Ok(out.as_slice().to_vec())
}

/// A spill field as text: borrowed, as spills hold only strings we wrote (validated first by
/// `from_utf8`, whose ASCII fast path `from_utf8_lossy` lacks); lossy only so as never to
/// fail.
fn borrow_text(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// The text the digest reads: a removed dateline goes back on top, since the dates an article
/// gives for its event are the digest's business even when they are not text.
fn with_dateline<'a>(dateline: Option<Cow<'a, str>>, text: Cow<'a, str>) -> Cow<'a, str> {
    match dateline {
        Some(dateline) => Cow::Owned(format!("{dateline}\n{text}")),
        None => text,
    }
}

/// Writes `articles.jsonl`: every article in input order, its output line read back from
/// spill D with its story and copy fields spliced in, and its text escaped between the
/// line's head and tail.
pub(crate) fn write_articles(
    out_dir: &Path,
    docs: &[DocState],
    story_of: &[Option<u32>],
    edges: &[CopyEdge],
    spill: &File,
) -> Result<()> {
    let mut copy_of: Vec<Option<(DocIdx, CopyKind)>> = vec![None; docs.len()];
    for edge in edges {
        copy_of[edge.copy.index()] = Some((edge.original, edge.kind));
    }
    let spill_error = Error::spill("write");
    let mut out = OutputFile::create(out_dir.join("articles.jsonl"))?;
    let mut reader = SpillReader::new(spill.try_clone().map_err(spill_error)?, clean::N_FIELDS);
    let mut line = Vec::with_capacity(1 << 16);
    let mut doc_idx = 0usize;
    let wanted = [clean::F_TEXT, clean::F_REST_HEAD, clean::F_REST_TAIL];
    let mut fields = Vec::with_capacity(wanted.len());
    while reader
        .next_fields(&wanted, &mut fields)
        .map_err(spill_error)?
    {
        let Some(doc) = docs.get(doc_idx) else { break };
        let [text, head, tail] = &fields[..] else {
            break;
        };
        let (head, tail) = (
            head.as_deref().unwrap_or(b"{}"),
            tail.as_deref().unwrap_or(b""),
        );
        line.clear();
        line.extend_from_slice(b"{\"id\":");
        serde_json::to_writer(&mut line, &*doc.id)?;
        line.extend_from_slice(b",\"story\":");
        match story_of[doc_idx] {
            Some(story) => line.extend_from_slice(story.to_string().as_bytes()),
            None => line.extend_from_slice(b"null"),
        }
        if let Some((original, kind)) = copy_of[doc_idx] {
            line.extend_from_slice(b",\"copy_of\":");
            serde_json::to_writer(&mut line, &*docs[original.index()].id)?;
            line.extend_from_slice(b",\"copy_kind\":\"");
            line.extend_from_slice(kind.as_str().as_bytes());
            line.push(b'"');
        }
        // The rest is a JSON object cut where its text goes: splice its fields in after ours.
        if head.len() > 2 {
            line.push(b',');
            line.extend_from_slice(&head[1..]);
            json::push_utf8(&mut line, text.as_deref().unwrap_or(b""));
            line.extend_from_slice(tail);
        } else {
            line.push(b'}');
        }
        line.push(b'\n');
        out.write(&line)?;
        doc_idx += 1;
    }
    out.finish()
}

pub(crate) fn write_copies(out_dir: &Path, docs: &[DocState], edges: &[CopyEdge]) -> Result<()> {
    let mut out = OutputFile::create(out_dir.join("copies.jsonl"))?;
    let mut sorted: Vec<&CopyEdge> = edges.iter().collect();
    sorted.sort_by_key(|edge| (edge.copy, edge.original));
    for edge in sorted {
        let record = CopyRecord {
            copy: docs[edge.copy.index()].id.to_string(),
            original: docs[edge.original.index()].id.to_string(),
            kind: edge.kind,
            similarity: edge.similarity,
            evidence: EvidenceRecord {
                measures: edge.evidence.measures.iter().cloned().collect(),
                origin: edge.evidence.origin.clone(),
            },
        };
        let mut line = serde_json::to_vec(&record)?;
        line.push(b'\n');
        out.write(&line)?;
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_digest::SourceCount;

    /// The line as one struct with the digest flattened into it: what
    /// [`push_story_line`] must write byte for byte.
    #[derive(Serialize)]
    struct Flattened<'a> {
        #[serde(flatten)]
        head: &'a StoryHead<'a>,
        #[serde(flatten)]
        digest: &'a Digest,
    }

    #[test]
    fn story_line_is_the_head_and_digest_in_one_object() {
        let head = StoryHead {
            story: 7,
            n_articles: 2,
            articles: vec!["a\"1", "b2"],
        };
        let digest = Digest {
            headline: Some("Quake hits \"Lima\"".to_owned()),
            sources: vec![SourceCount {
                source: "example.com".to_owned(),
                articles: 2,
                copies: 1,
            }],
            ..Digest::default()
        };
        // A full digest, and the default one (every field null or empty).
        for digest in [&digest, &Digest::default()] {
            let mut expected = serde_json::to_vec(&Flattened {
                head: &head,
                digest,
            })
            .unwrap();
            expected.push(b'\n');
            let mut line = Vec::new();
            push_story_line(&mut line, &head, digest).unwrap();
            assert_eq!(
                String::from_utf8(line).unwrap(),
                String::from_utf8(expected).unwrap()
            );
        }
    }
}
