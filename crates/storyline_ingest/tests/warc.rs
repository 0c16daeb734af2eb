//! End-to-end tests of the WARC reader (issue 4) on archives built with the test
//! [`WarcWriter`]: record types, HTTP statuses and encodings, gzip layouts, wrong lengths,
//! truncation and resynchronisation.

mod common;

use std::path::{Path, PathBuf};

use common::{gzip, http_response, relative, run, write, WarcRecord, WarcWriter};
use storyline_ingest::{read_inputs, IngestConfig, RawBody, Record};

fn check(inputs: &[PathBuf], dir: &Path, config: &IngestConfig, expected: &[&str]) {
    let found = relative(run(inputs, config), dir);
    assert_eq!(found, expected, "\nfound: {found:#?}");
}

fn html_page(title: &str) -> Vec<u8> {
    format!("<!DOCTYPE html><html><head><title>{title}</title></head><body><p>{title} body.</p></body></html>").into_bytes()
}

/// A crawl with one record of every kind ingest must tell apart.
fn mixed_crawl() -> WarcWriter {
    let mut writer = WarcWriter::new();
    writer.push(WarcRecord::other("warcinfo", "info", b"software: test\r\n"));
    writer.push(WarcRecord::other(
        "request",
        "req1",
        b"GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n",
    ));
    writer.push(WarcRecord::response(
        "rec-a",
        "https://example.com/a",
        http_response(
            200,
            &[("Content-Type", "text/html; charset=ISO-8859-1")],
            &html_page("A"),
        ),
    ));
    writer.push(WarcRecord::other(
        "metadata",
        "meta1",
        b"fetchTimeMs: 12\r\n",
    ));
    writer.push(WarcRecord::response(
        "rec-img",
        "https://example.com/logo.png",
        http_response(
            200,
            &[("Content-Type", "image/png")],
            b"\x89PNG\r\n\x1a\n\x00\x00",
        ),
    ));
    writer.push(WarcRecord::response(
        "rec-301",
        "https://example.com/old",
        http_response(301, &[("Location", "/a")], b""),
    ));
    writer.push(WarcRecord::response(
        "rec-404",
        "https://example.com/gone",
        http_response(404, &[("Content-Type", "text/html")], b"<html>gone</html>"),
    ));
    let mut chunked = Vec::new();
    let zipped = gzip(&html_page("B"));
    for piece in zipped.chunks(7) {
        chunked.extend_from_slice(format!("{:x}\r\n", piece.len()).as_bytes());
        chunked.extend_from_slice(piece);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    writer.push(WarcRecord::response(
        "rec-b",
        "https://example.com/b",
        http_response(
            200,
            &[
                ("Content-Type", "text/html"),
                ("Transfer-Encoding", "chunked"),
                ("Content-Encoding", "gzip"),
            ],
            &chunked,
        ),
    ));
    writer.push(WarcRecord::other(
        "revisit",
        "rev1",
        b"HTTP/1.1 200 OK\r\n\r\n",
    ));
    writer.push(WarcRecord::response(
        "rec-c",
        "https://example.com/c",
        http_response(200, &[], &html_page("C")),
    ));
    writer
}

const MIXED_EXPECTED: &[&str] = &[
    "article rec-a crawl@{a} html(ISO-8859-1):<!DOCTYPE html><html><head><title>A</tit",
    "Warning http_status crawl@{404}",
    "article rec-b crawl@{b} html:<!DOCTYPE html><html><head><title>B</tit",
    "article rec-c crawl@{c} html:<!DOCTYPE html><html><head><title>C</tit",
];

/// Offsets of records in the plain (decompressed) stream, by record id.
fn offsets(writer: &WarcWriter) -> Vec<(String, usize)> {
    let mut offset = 0;
    writer
        .records
        .iter()
        .map(|record| {
            let at = offset;
            offset += record.to_bytes(&writer.version).len();
            (record.record_id.clone(), at)
        })
        .collect()
}

fn expected_with_offsets(writer: &WarcWriter, file: &str) -> Vec<String> {
    let offsets = offsets(writer);
    let offset_of = |id: &str| {
        offsets
            .iter()
            .find(|(record, _)| record == id)
            .map(|(_, at)| *at)
            .unwrap_or(0)
    };
    MIXED_EXPECTED
        .iter()
        .map(|line| {
            line.replace("crawl", file)
                .replace("{a}", &offset_of("rec-a").to_string())
                .replace("{404}", &offset_of("rec-404").to_string())
                .replace("{b}", &offset_of("rec-b").to_string())
                .replace("{c}", &offset_of("rec-c").to_string())
        })
        .collect()
}

#[test]
fn reads_html_responses_and_skips_the_rest_issue_4() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let writer = mixed_crawl();
    for (name, bytes) in [
        ("plain.warc", writer.plain()),
        ("members.warc.gz", writer.gzip_per_record()),
        ("stream.warc.gz", writer.gzip_whole()),
    ] {
        let path = write(dir, name, &bytes);
        let found = relative(run(&[path], &IngestConfig::default()), dir);
        assert_eq!(found, expected_with_offsets(&writer, name), "{name}");
    }
}

#[test]
fn counts_skipped_records_and_keeps_warc_fields() {
    let tmp = tempfile::tempdir().unwrap();
    let path = write(tmp.path(), "crawl.warc", &mixed_crawl().plain());
    let mut reader = read_inputs(&[path], &IngestConfig::default());
    let first = reader.by_ref().find_map(|record| match record {
        Record::Article(article) => Some(article),
        Record::Diagnostic(_) => None,
    });
    let first = first.expect("an article");
    assert_eq!(first.url.as_deref(), Some("https://example.com/a"));
    assert_eq!(first.date, None);
    assert_eq!(
        first.extra.get("warc_date").and_then(|v| v.as_str()),
        Some("2024-06-05T10:00:00Z")
    );
    assert_eq!(
        first
            .extra
            .get("warc_payload_digest")
            .and_then(|v| v.as_str()),
        Some("sha1:rec-a")
    );
    reader.by_ref().for_each(drop);
    let stats = reader.stats();
    assert_eq!(stats.warc_records, 10);
    assert_eq!(stats.warc_non_response, 4);
    assert_eq!(stats.warc_non_html, 1);
    assert_eq!(stats.warc_redirects, 1);
    assert_eq!(stats.articles, 3);
}

#[test]
fn reads_warc_1_1() {
    let tmp = tempfile::tempdir().unwrap();
    let mut writer = WarcWriter::new();
    writer.version = "WARC/1.1".to_owned();
    writer.push(WarcRecord::response(
        "x1",
        "https://example.org/",
        http_response(
            200,
            &[("Content-Type", "application/xhtml+xml")],
            b"<html/>",
        ),
    ));
    let path = write(tmp.path(), "new.warc", &writer.plain());
    check(
        &[path],
        tmp.path(),
        &IngestConfig::default(),
        &["article x1 new.warc@0 html:<html/>"],
    );
}

#[test]
fn resynchronises_after_wrong_content_lengths() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut writer = WarcWriter::new();
    let page = |name: &str| {
        http_response(
            200,
            &[("Content-Type", "text/html")],
            format!("<html>{name}</html>").as_bytes(),
        )
    };
    writer.push(WarcRecord::response("one", "https://e.com/1", page("one")));
    let mut short = WarcRecord::response("short", "https://e.com/2", page("short"));
    short.wrong_length = Some(short.block.len() - 10);
    writer.push(short);
    writer.push(WarcRecord::response(
        "three",
        "https://e.com/3",
        page("three"),
    ));
    let mut long = WarcRecord::response("long", "https://e.com/4", page("long"));
    long.wrong_length = Some(long.block.len() + 40);
    writer.push(long);
    writer.push(WarcRecord::response(
        "five",
        "https://e.com/5",
        page("five"),
    ));
    writer.push(WarcRecord::response("six", "https://e.com/6", page("six")));
    let path = write(dir, "bad.warc", &writer.plain());
    let found: Vec<String> = relative(run(&[path], &IngestConfig::default()), dir)
        .into_iter()
        .map(|line| {
            line.split('@').next().unwrap_or("").to_owned()
                + line.split_once(' ').map(|_| "").unwrap_or("")
        })
        .collect();
    let bodies: Vec<String> = read_inputs(&[dir.join("bad.warc")], &IngestConfig::default())
        .filter_map(|record| match record {
            Record::Article(article) => match article.body {
                RawBody::Html { bytes, .. } => Some(String::from_utf8_lossy(&bytes).into_owned()),
                RawBody::Text(text) => Some(text),
            },
            Record::Diagnostic(_) => None,
        })
        .collect();
    assert_eq!(
        found,
        [
            "article one bad.warc",
            "Warning warc_bad_length bad.warc",
            "article short bad.warc",
            "article three bad.warc",
            "Warning warc_bad_length bad.warc",
            "article long bad.warc",
            "article five bad.warc",
            "article six bad.warc",
        ]
    );
    assert_eq!(
        bodies,
        [
            "<html>one</html>",
            "<html>short</html>",
            "<html>three</html>",
            "<html>long</html>",
            "<html>five</html>",
            "<html>six</html>"
        ]
    );
}

#[test]
fn skips_garbage_between_records() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut writer = WarcWriter::new();
    writer.push(WarcRecord::response(
        "one",
        "https://e.com/1",
        http_response(200, &[("Content-Type", "text/html")], b"<html>1</html>"),
    ));
    let mut bytes = writer.plain();
    let garbage_at = bytes.len();
    bytes.extend_from_slice(b"some stray bytes\nand more\n");
    let record_at = bytes.len();
    bytes.extend(
        WarcRecord::response(
            "two",
            "https://e.com/2",
            http_response(200, &[("Content-Type", "text/html")], b"<html>2</html>"),
        )
        .to_bytes("WARC/1.0"),
    );
    let path = write(dir, "junk.warc", &bytes);
    check(
        &[path],
        dir,
        &IngestConfig::default(),
        &[
            "article one junk.warc@0 html:<html>1</html>",
            &format!("Warning warc_garbage junk.warc@{garbage_at}"),
            &format!("article two junk.warc@{record_at} html:<html>2</html>"),
        ],
    );
}

#[test]
fn truncated_gzip_keeps_earlier_records_and_names_the_offset() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut writer = WarcWriter::new();
    for index in 0..20 {
        let body = format!(
            "<html>{}</html>",
            format!("page {index} ").repeat(200 + index * 37)
        );
        writer.push(WarcRecord::response(
            &format!("r{index}"),
            "https://e.com/",
            http_response(200, &[("Content-Type", "text/html")], body.as_bytes()),
        ));
    }
    for (name, bytes) in [
        ("members.warc.gz", writer.gzip_per_record()),
        ("stream.warc.gz", writer.gzip_whole()),
    ] {
        let cut = &bytes[..bytes.len() * 2 / 3];
        let path = write(dir, name, cut);
        let records: Vec<Record> = read_inputs(&[path], &IngestConfig::default()).collect();
        let n_articles = records
            .iter()
            .filter(|record| matches!(record, Record::Article(_)))
            .count();
        assert!((5..20).contains(&n_articles), "{name}: {n_articles}");
        let last = records.last().map(common::render).unwrap_or_default();
        assert!(
            last.starts_with("Error read_error")
                || last.starts_with("Error truncated_record")
                || last.starts_with("Error corrupt_gzip"),
            "{name}: {last}"
        );
        assert!(last.contains(".warc.gz@"), "{name}: {last}");
    }
}

#[test]
fn a_damaged_gzip_member_costs_only_its_record() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut file = Vec::new();
    for index in 0..5 {
        let body = format!("<html>{}</html>", format!("page {index} ").repeat(300));
        let record = WarcRecord::response(
            &format!("r{index}"),
            "https://e.com/",
            http_response(200, &[("Content-Type", "text/html")], body.as_bytes()),
        );
        let mut member = gzip(&record.to_bytes("WARC/1.0"));
        if index == 2 {
            let middle = member.len() / 2;
            member[middle..middle + 16].fill(b'X');
        }
        file.extend(member);
    }
    let path = write(dir, "damaged.warc.gz", &file);
    let found: Vec<String> = relative(run(&[path], &IngestConfig::default()), dir)
        .into_iter()
        .map(|line| line.split(" html:").next().unwrap_or("").to_owned())
        .collect();
    let articles: Vec<&String> = found
        .iter()
        .filter(|line| line.starts_with("article"))
        .collect();
    assert_eq!(articles.len(), 4, "{found:#?}");
    for (line, id) in articles.iter().zip(["r0", "r1", "r3", "r4"]) {
        assert!(line.starts_with(&format!("article {id} ")), "{found:#?}");
    }
    assert!(
        found
            .iter()
            .any(|line| line.starts_with("Error corrupt_gzip damaged.warc.gz@")),
        "{found:#?}"
    );
}

#[test]
fn a_50_megabyte_page_is_truncated() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut writer = WarcWriter::new();
    let mut page = b"<html><body>".to_vec();
    page.resize(50 << 20, b'a');
    writer.push(WarcRecord::response(
        "big",
        "https://e.com/big",
        http_response(200, &[("Content-Type", "text/html; charset=utf-8")], &page),
    ));
    writer.push(WarcRecord::response(
        "after",
        "https://e.com/after",
        http_response(200, &[("Content-Type", "text/html")], b"<html>after</html>"),
    ));
    let path = write(dir, "big.warc.gz", &writer.gzip_per_record());
    drop(page);
    let config = IngestConfig::default();
    let records: Vec<Record> = read_inputs(&[path], &config).collect();
    let rendered = relative(records.iter().map(common::render).collect(), dir);
    assert_eq!(rendered.len(), 3, "{rendered:#?}");
    assert_eq!(rendered[0], "Warning truncated big.warc.gz@0");
    assert!(rendered[2].starts_with("article after"));
    if let Some(Record::Article(article)) = records.get(1) {
        match &article.body {
            RawBody::Html {
                bytes,
                declared_charset,
            } => {
                assert_eq!(bytes.len(), config.max_html_bytes);
                assert_eq!(declared_charset.as_deref(), Some("utf-8"));
            }
            RawBody::Text(_) => panic!("expected html"),
        }
    }
}

#[test]
fn binary_payloads_are_not_articles() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut writer = WarcWriter::new();
    writer.push(WarcRecord::response(
        "bin",
        "https://e.com/x",
        http_response(
            200,
            &[("Content-Type", "text/html")],
            b"\x00\x01\x02\x03binary",
        ),
    ));
    writer.push(WarcRecord::response(
        "sniffed",
        "https://e.com/y",
        http_response(
            200,
            &[("Content-Type", "application/octet-stream")],
            b"\x00\x01\x02",
        ),
    ));
    let path = write(dir, "bin.warc", &writer.plain());
    check(
        &[path],
        dir,
        &IngestConfig::default(),
        &["Warning binary_payload bin.warc@0"],
    );
}

#[test]
fn committed_fixtures_are_readable() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let found = relative(
        run(std::slice::from_ref(&fixtures), &IngestConfig::default()),
        &fixtures,
    );
    assert_eq!(found, [
        "article example-1 example.jsonl:1 text:Parliament approved the budget on Tuesda",
        "article example-2 example.jsonl:2 html:<html><head><title>Storm</title></head><",
        "article 6f1c0f5e-0000-4000-8000-000000000001 example.warc.gz@0 html(utf-8):<!DOCTYPE html><html><head><title>Budget",
        "article 6f1c0f5e-0000-4000-8000-000000000003 example.warc.gz@747 html:<!DOCTYPE html><html><head><title>Storm ",
    ]);
}

/// Rewrites the committed fixtures; run with `cargo test -p storyline_ingest --test warc -- --ignored`.
#[test]
#[ignore]
fn write_fixtures() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut writer = WarcWriter::new();
    writer.push(WarcRecord::response(
        "6f1c0f5e-0000-4000-8000-000000000001",
        "https://news.example.com/2024/06/budget",
        http_response(
            200,
            &[("Content-Type", "text/html; charset=utf-8")],
            &html_page("Budget approved"),
        ),
    ));
    writer.push(WarcRecord::other(
        "request",
        "6f1c0f5e-0000-4000-8000-000000000002",
        b"GET /2024/06/storm HTTP/1.1\r\nHost: news.example.org\r\n\r\n",
    ));
    writer.push(WarcRecord::response(
        "6f1c0f5e-0000-4000-8000-000000000003",
        "https://news.example.org/2024/06/storm",
        http_response(
            200,
            &[("Content-Type", "text/html")],
            &html_page("Storm hits coast"),
        ),
    ));
    std::fs::write(fixtures.join("example.warc.gz"), writer.gzip_per_record()).unwrap();
    let jsonl = concat!(
        r#"{"id":"example-1","text":"Parliament approved the budget on Tuesday after a long debate.","title":"Budget approved","date":"2024-06-04","url":"https://news.example.com/budget","source":"news.example.com"}"#,
        "\n",
        r#"{"id":"example-2","html":"<html><head><title>Storm</title></head><body><p>A storm hit the coast.</p></body></html>","source":"news.example.org","lang":"en"}"#,
        "\n"
    );
    std::fs::write(fixtures.join("example.jsonl"), jsonl).unwrap();
}
