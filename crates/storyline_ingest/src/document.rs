//! Whole-document JSON files: a `.json` file holding one array of article objects, or one
//! (pretty-printed) object, rather than one object per line.
//!
//! The reader sends a `.json` file here when its first bytes say so ([`is_json_document`]);
//! [`read_json_document`] reads it whole, up to `max_line_bytes`, and builds each element
//! with the JSONL rules. Elements have no line number; a missing id becomes
//! `<file stem>:<element number>`.

use std::io::{self, BufRead, Read};

use serde_json::Value;
use storyline_core::SourcePos;

use crate::format::first_line_is_json_object;
use crate::jsonl::{build_article, repair_json, BodyLengths};
use crate::sink::Sink;
use crate::text::strip_bom;
use crate::IngestConfig;

/// True when the first bytes of a `.json` file open an array, or an object that does not
/// close on its first line.
pub(crate) fn is_json_document(prefix: &[u8]) -> bool {
    let prefix = strip_bom(prefix);
    let start = prefix
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(prefix.len());
    let rest = &prefix[start..];
    match rest.first() {
        Some(b'[') => true,
        Some(b'{') => memchr::memchr(b'\n', rest).is_some() && !first_line_is_json_object(rest),
        _ => false,
    }
}

/// What became of a `.json` file that looked like a whole document.
pub(crate) enum DocumentOutcome {
    /// Read and queued.
    Done,
    /// Too large to hold, or not valid JSON as a whole: read it line by line instead, from
    /// this stream (the bytes already read, then the rest of the file).
    Lines(Box<dyn BufRead + Send>),
}

/// Reads a whole JSON document and queues one article per object in it.
pub(crate) fn read_json_document(
    mut reader: Box<dyn BufRead + Send>,
    pos: SourcePos,
    stem: &str,
    config: &IngestConfig,
    sink: &mut Sink,
) -> DocumentOutcome {
    let mut bytes = Vec::new();
    let limit = config.max_line_bytes as u64;
    if let Err(error) = (&mut reader)
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
    {
        sink.error(
            pos,
            "read_error",
            format!("could not read: {error}; file skipped"),
        );
        return DocumentOutcome::Done;
    }
    let value = match parse_document(&bytes, &pos, sink) {
        Some(value) if (bytes.len() as u64) <= limit => value,
        // A big array of one object per line, or JSON lines whose first line is broken:
        // the line reader keeps every good record.
        _ => return DocumentOutcome::Lines(Box::new(io::Cursor::new(bytes).chain(reader))),
    };
    let elements = match value {
        Value::Array(elements) => elements,
        object @ Value::Object(_) => vec![object],
        _ => {
            sink.error(
                pos,
                "not_an_object",
                "JSON document is neither an array nor an object; skipped",
            );
            return DocumentOutcome::Done;
        }
    };
    for (index, element) in elements.into_iter().enumerate() {
        let number = index + 1;
        let Value::Object(mut fields) = element else {
            sink.error(
                pos.clone(),
                "not_an_object",
                format!("element {number} is not an object; skipped"),
            );
            continue;
        };
        let has_id = match fields.get("id") {
            None | Some(Value::Null) => false,
            Some(Value::String(id)) => !id.trim().is_empty(),
            Some(_) => true,
        };
        if !has_id {
            let synthesized = format!("{stem}:{number}");
            sink.warning(
                pos.clone(),
                "missing_id",
                format!("element {number} has no \"id\"; using {synthesized:?}"),
            );
            fields.insert("id".to_owned(), Value::String(synthesized));
        }
        build_article(
            fields,
            BodyLengths::default(),
            pos.clone(),
            stem,
            config,
            sink,
        );
    }
    DocumentOutcome::Done
}

/// Parses the whole document (repaired as a JSON line is, see [`repair_json`]); `None` if
/// it is not valid JSON.
fn parse_document(bytes: &[u8], pos: &SourcePos, sink: &mut Sink) -> Option<Value> {
    let bytes = strip_bom(bytes);
    if let Ok(value) = serde_json::from_slice::<Value>(bytes) {
        return Some(value);
    }
    let repaired = repair_json(bytes)?;
    repaired.report(pos, sink);
    Some(repaired.value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Record;

    fn check(document: &str, expected: &[&str]) {
        assert!(
            is_json_document(document.as_bytes()),
            "not seen as a document"
        );
        let mut sink = Sink::default();
        let pos = SourcePos {
            file: "d.json".to_owned(),
            line: None,
            offset: None,
        };
        let reader: Box<dyn BufRead + Send> =
            Box::new(io::Cursor::new(document.as_bytes().to_vec()));
        let outcome = read_json_document(reader, pos, "d", &IngestConfig::default(), &mut sink);
        if let DocumentOutcome::Lines(_) = outcome {
            sink.error(SourcePos::default(), "lines", "");
        }
        let found: Vec<String> = sink
            .queue
            .iter()
            .map(|record| match record {
                Record::Article(article) => format!("article {}", article.id),
                Record::Diagnostic(diagnostic) => diagnostic.code.clone(),
            })
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn reads_arrays_and_pretty_objects() {
        check(
            "[{\"id\":\"a\",\"text\":\"x\"},\n {\"text\":\"y\"}, 3]",
            &["article a", "missing_id", "article d:2", "not_an_object"],
        );
        check(
            "{\n  \"id\": \"p\",\n  \"text\": \"pretty\"\n}\n",
            &["article p"],
        );
        check("[{\"id\":\"a\",\"text\":\"x\"}", &["lines"]);
    }

    #[test]
    fn a_lone_surrogate_costs_only_its_character() {
        check(
            "[\n {\"id\": \"a\", \"text\": \"cut \\ud83d\"},\n {\"id\": \"b\", \"text\": \"y\"}\n]",
            &["lone_surrogate", "article a", "article b"],
        );
    }

    #[test]
    fn a_document_not_in_utf8_is_decoded_and_repaired() {
        let mut sink = Sink::default();
        let pos = SourcePos {
            file: "d.json".to_owned(),
            line: None,
            offset: None,
        };
        let document = b"[{\"id\": \"a\", \"text\": \"Caf\xe9 \\ud83d\"}]";
        let value = parse_document(document, &pos, &mut sink).expect("repaired");
        assert_eq!(value[0]["text"], "Caf\u{e9} \u{FFFD}");
        let codes: Vec<String> = sink
            .queue
            .iter()
            .map(|record| match record {
                Record::Diagnostic(diagnostic) => diagnostic.code.clone(),
                Record::Article(article) => article.id.clone(),
            })
            .collect();
        assert_eq!(codes, ["invalid_utf8", "lone_surrogate"]);
    }

    #[test]
    fn leaves_json_lines_alone() {
        assert!(!is_json_document(
            b"{\"id\":1,\"text\":\"a\"}\n{\"id\":2}\n"
        ));
        assert!(!is_json_document(
            b"{\"id\":1,\"text\":\"a long line cut by the sniff window"
        ));
        assert!(!is_json_document(b"plain"));
    }
}
