//! Property tests: random bytes and random damage to valid JSONL and WARC never panic or
//! hang the reader, and every intact record around a damaged one is still read.

mod common;

use std::path::Path;

use common::{apply, damage, http_response, write, WarcRecord};
use proptest::prelude::*;
use storyline_ingest::{read_inputs, IngestConfig, Record};

/// Ids of the articles read from one file, in order.
fn article_ids(path: &Path, config: &IngestConfig) -> Vec<String> {
    read_inputs(&[path.to_path_buf()], config)
        .filter_map(|record| match record {
            Record::Article(article) => Some(article.id),
            Record::Diagnostic(_) => None,
        })
        .collect()
}

fn small_config() -> IngestConfig {
    IngestConfig {
        max_article_bytes: 300,
        max_html_bytes: 300,
        max_line_bytes: 4096,
    }
}

fn jsonl_line(index: usize, text: &str) -> Vec<u8> {
    let record = serde_json::json!({"id": format!("good{index}"), "text": text, "n": index});
    let mut line = serde_json::to_vec(&record).unwrap_or_default();
    line.push(b'\n');
    line
}

fn warc_record(index: usize, text: &str) -> WarcRecord {
    let body = format!("<html><body><p>{text}</p></body></html>");
    WarcRecord::response(
        &format!("good{index}"),
        "https://example.com/x",
        http_response(200, &[("Content-Type", "text/html")], body.as_bytes()),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..3000), kind in 0usize..7) {
        let tmp = tempfile::tempdir().unwrap();
        let name = ["x.jsonl", "x.txt", "x.warc", "x.warc.gz", "x.html", "x.unknown", "x.jsonl.gz"][kind];
        let path = write(tmp.path(), name, &bytes);
        let records: Vec<Record> = read_inputs(&[path], &small_config()).collect();
        prop_assert!(records.len() <= bytes.len() + 2);
    }

    #[test]
    fn random_bytes_with_warc_markers_never_panic(
        pieces in proptest::collection::vec(prop_oneof![
            Just(b"WARC/1.0\r\n".to_vec()),
            Just(b"Content-Length: 12\r\n".to_vec()),
            Just(b"WARC-Type: response\r\n".to_vec()),
            Just(b"\r\n".to_vec()),
            Just(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>".to_vec()),
            proptest::collection::vec(any::<u8>(), 0..20),
        ], 0..60),
    ) {
        let tmp = tempfile::tempdir().unwrap();
        let bytes: Vec<u8> = pieces.concat();
        let path = write(tmp.path(), "x.warc", &bytes);
        let records: Vec<Record> = read_inputs(&[path], &small_config()).collect();
        prop_assert!(records.len() <= bytes.len() + 2);
    }

    #[test]
    fn damaged_jsonl_line_spares_its_neighbours(
        texts in proptest::collection::vec("[a-zA-Z0-9 é\"\\\\]{0,60}", 2..8),
        broken in any::<usize>(),
        damages in proptest::collection::vec(damage(), 1..4),
    ) {
        let broken = broken % texts.len();
        let mut file = Vec::new();
        for (index, text) in texts.iter().enumerate() {
            let mut line = jsonl_line(index, text);
            if index == broken {
                apply(&mut line, &damages, true);
            }
            file.extend(line);
        }
        let tmp = tempfile::tempdir().unwrap();
        let path = write(tmp.path(), "x.jsonl", &file);
        let ids = article_ids(&path, &small_config());
        for index in (0..texts.len()).filter(|&index| index != broken) {
            let id = format!("good{index}");
            prop_assert!(ids.contains(&id), "{id} missing from {ids:?}");
        }
    }

    #[test]
    fn damaged_warc_record_spares_its_neighbours(
        texts in proptest::collection::vec("[a-zA-Z0-9 ]{0,80}", 3..7),
        broken in any::<usize>(),
        damages in proptest::collection::vec(damage(), 1..3),
        gzipped in any::<bool>(),
    ) {
        let broken = broken % texts.len();
        let mut file = Vec::new();
        for (index, text) in texts.iter().enumerate() {
            let mut record = warc_record(index, text).to_bytes("WARC/1.0");
            if index == broken {
                apply(&mut record, &damages, false);
            }
            if gzipped {
                // Damage inside one gzip member would hide every later member from a
                // streaming decoder, so members are built from the damaged bytes.
                file.extend(common::gzip(&record));
            } else {
                file.extend(record);
            }
        }
        let tmp = tempfile::tempdir().unwrap();
        let name = if gzipped { "x.warc.gz" } else { "x.warc" };
        let path = write(tmp.path(), name, &file);
        let config = IngestConfig { max_html_bytes: 1 << 16, ..small_config() };
        let ids = article_ids(&path, &config);
        for index in (0..texts.len()).filter(|&index| index != broken) {
            let id = format!("good{index}");
            prop_assert!(ids.contains(&id), "{id} missing from {ids:?}");
        }
    }
}
