//! End-to-end tests of the reader over real files: directory walking, formats, and the
//! bad-input bar (issue "storyline run").

mod common;

use std::path::PathBuf;

use common::{relative, run, write};
use storyline_ingest::{read_inputs, IngestConfig, Record};

fn check(inputs: &[PathBuf], dir: &std::path::Path, config: &IngestConfig, expected: &[&str]) {
    let found = relative(run(inputs, config), dir);
    assert_eq!(found, expected, "\nfound: {found:#?}");
}

#[test]
fn walks_directories_in_sorted_order_and_skips_hidden() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write(dir, "in/b.txt", b"Second.");
    write(dir, "in/a.txt", b"First.");
    write(dir, "in/.hidden.txt", b"Hidden.");
    write(dir, "in/.git/config.txt", b"Hidden dir.");
    write(
        dir,
        "in/sub/c.jsonl",
        b"{\"id\":\"c1\",\"text\":\"Third.\"}\n{\"id\":\"c2\",\"html\":\"<p>4</p>\"}\n",
    );
    write(dir, "in/Z.txt", b"Upper case sorts first.");
    write(dir, "in/notes.md", b"# not an article");
    check(
        &[dir.join("in")],
        dir,
        &IngestConfig::default(),
        &[
            "article Z in/Z.txt text:Upper case sorts first.",
            "article a in/a.txt text:First.",
            "article b in/b.txt text:Second.",
            "Warning unknown_extension in/notes.md",
            "article c1 in/sub/c.jsonl:1 text:Third.",
            "article c2 in/sub/c.jsonl:2 html:<p>4</p>",
        ],
    );
}

#[test]
fn bad_inputs_become_diagnostics_and_good_records_survive() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let jsonl = b"{\"id\":\"ok1\",\"text\":\"One.\"}\n\
{\"id\":\"broken\",\"text\":\"On\n\
[1,2,3]\n\
\n\
{\"text\":\"No id.\"}\n\
{\"id\":\"ok1\",\"text\":\"Dup.\"}\n\
{\"id\":\"nobody\"}\n\
{\"id\":\"bad\xFF\",\"text\":\"Latin \xE9.\"}\n\
{\"id\":\"empty\",\"text\":\"  \"}\n\
{\"id\":\"ok2\",\"text\":\"Last, no newline.\"}";
    write(dir, "in/1.jsonl", jsonl);
    write(dir, "in/2.txt", b"Caf\xE9 au lait.");
    write(dir, "in/3.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00");
    write(dir, "in/4.txt", b"");
    let inputs = [dir.join("in"), dir.join("missing.jsonl")];
    check(
        &inputs,
        dir,
        &IngestConfig::default(),
        &[
            "article ok1 in/1.jsonl:1 text:One.",
            "Error invalid_json in/1.jsonl:2",
            "Error not_an_object in/1.jsonl:3",
            "Warning missing_id in/1.jsonl:5",
            "article 1:5 in/1.jsonl:5 text:No id.",
            "Warning duplicate_id in/1.jsonl:6",
            "article ok1#2 in/1.jsonl:6 text:Dup.",
            "Error missing_body in/1.jsonl:7",
            "Warning invalid_utf8 in/1.jsonl:8",
            "article bad\u{FF} in/1.jsonl:8 text:Latin é.",
            "Warning empty_article in/1.jsonl:9",
            "article empty in/1.jsonl:9 text:  ",
            "article ok2 in/1.jsonl:10 text:Last, no newline.",
            "Warning invalid_utf8 in/2.txt",
            "article 2 in/2.txt text:Café au lait.",
            "Error binary_file in/3.txt",
            "Warning empty_article in/4.txt",
            "article 4 in/4.txt text:",
            "Error missing_path missing.jsonl",
        ],
    );
}

#[test]
fn explicit_files_with_unknown_extensions_are_sniffed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let records = write(
        dir,
        "records.data",
        b"{\"id\":\"r1\",\"text\":\"From JSON.\"}\n",
    );
    let story = write(dir, "story", b"A plain story.\n");
    let page = write(dir, "page.bin", b"<!DOCTYPE html><html><p>Hi</p></html>");
    let packed = write(
        dir,
        "packed.dat",
        &common::gzip(b"{\"id\":\"g1\",\"text\":\"Gzipped.\"}\n"),
    );
    check(
        &[records, story, page, packed],
        dir,
        &IngestConfig::default(),
        &[
            "article r1 records.data:1 text:From JSON.",
            "article story story text:A plain story.\n",
            "article page.bin page.bin html:<!DOCTYPE html><html><p>Hi</p></html>",
            "article g1 packed.dat:1 text:Gzipped.",
        ],
    );
}

#[test]
fn reads_gzip_and_reports_truncated_gzip() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut lines = String::new();
    for index in 0..2000 {
        lines.push_str(&format!(
            "{{\"id\":\"n{index}\",\"text\":\"Article number {index} {}\"}}\n",
            "x".repeat(index % 50)
        ));
    }
    let packed = common::gzip(lines.as_bytes());
    let whole = write(dir, "whole.jsonl.gz", &packed);
    let cut = write(dir, "cut.jsonl.gz", &packed[..packed.len() / 2]);
    let whole_count = read_inputs(&[whole], &IngestConfig::default())
        .filter(|r| matches!(r, Record::Article(_)))
        .count();
    assert_eq!(whole_count, 2000);
    let records: Vec<Record> = read_inputs(&[cut], &IngestConfig::default()).collect();
    let n_articles = records
        .iter()
        .filter(|r| matches!(r, Record::Article(_)))
        .count();
    assert!(n_articles > 100 && n_articles < 2000, "{n_articles}");
    let last = records.last().map(common::render).unwrap_or_default();
    assert!(
        last.starts_with("Error read_error") || last.starts_with("Error invalid_json"),
        "{last}"
    );
}

#[test]
fn utf16_text_files_are_decoded() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "Café news".encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    write(dir, "in/windows.txt", &utf16);
    check(
        &[dir.join("in")],
        dir,
        &IngestConfig::default(),
        &["article windows in/windows.txt text:Café news"],
    );
}

#[test]
fn compression_is_decided_by_content_not_name() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let zipped = common::gzip(b"{\"id\":\"z\",\"text\":\"Zipped.\"}\n");
    write(dir, "in/a_misnamed.jsonl", &zipped);
    write(
        dir,
        "in/b_plain.jsonl.gz",
        b"{\"id\":\"p\",\"text\":\"Plain.\"}\n",
    );
    check(
        &[dir.join("in")],
        dir,
        &IngestConfig::default(),
        &[
            "article z in/a_misnamed.jsonl:1 text:Zipped.",
            "article p in/b_plain.jsonl.gz:1 text:Plain.",
        ],
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_end() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write(dir, "in/a.txt", b"Once.");
    std::os::unix::fs::symlink(dir.join("in"), dir.join("in/loop")).unwrap();
    check(
        &[dir.join("in")],
        dir,
        &IngestConfig::default(),
        &[
            "article a in/a.txt text:Once.",
            "Warning directory_loop in/loop",
        ],
    );
}

#[test]
fn json_files_that_are_not_one_document_are_read_line_by_line() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    // JSON lines whose first line is cut: the rest must survive.
    let broken_first = write(
        dir,
        "broken.json",
        b"{\"id\":\"cut\",\n{\"id\":\"b1\",\"text\":\"One.\"}\n",
    );
    // An array too big for the document limit, written one object per line.
    let array = write(
        dir,
        "array.json",
        b"[\n{\"id\":\"r1\",\"text\":\"First.\"},\n{\"id\":\"r2\",\"text\":\"Second.\"}\n]\n",
    );
    let config = IngestConfig {
        max_line_bytes: 40,
        ..IngestConfig::default()
    };
    check(
        &[broken_first, array],
        dir,
        &config,
        &[
            "Error invalid_json broken.json:1",
            "article b1 broken.json:2 text:One.",
            "article r1 array.json:2 text:First.",
            "article r2 array.json:3 text:Second.",
        ],
    );
}

#[test]
fn truncated_gzip_text_keeps_its_start() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let packed = common::gzip("A long story. ".repeat(2000).as_bytes());
    write(dir, "in/cut.txt.gz", &packed[..packed.len() / 2]);
    let found = relative(run(&[dir.join("in")], &IngestConfig::default()), dir);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0], "Warning read_error in/cut.txt.gz");
    assert!(
        found[1].starts_with("article cut in/cut.txt.gz text:A long story."),
        "{found:#?}"
    );
}

#[test]
fn html_files_are_one_article_each() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write(dir, "in/one.html", b"<html><title>One</title></html>");
    write(dir, "in/two.htm.gz", &common::gzip(b"<html>Two</html>"));
    check(
        &[dir.join("in")],
        dir,
        &IngestConfig::default(),
        &[
            "article one in/one.html html:<html><title>One</title></html>",
            "article two in/two.htm.gz html:<html>Two</html>",
        ],
    );
}

#[test]
fn long_bodies_are_truncated_at_char_boundaries() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let config = IngestConfig {
        max_article_bytes: 10,
        ..IngestConfig::default()
    };
    let text = "ééééééééé"; // 18 bytes
    let txt = write(dir, "long.txt", text.as_bytes());
    let jsonl = write(
        dir,
        "long.jsonl",
        format!("{{\"id\":\"j\",\"text\":\"{text}\"}}\n").as_bytes(),
    );
    check(
        &[txt, jsonl],
        dir,
        &config,
        &[
            "Warning truncated long.txt",
            "article long long.txt text:ééééé",
            "Warning truncated long.jsonl:1",
            "article j long.jsonl:1 text:ééééé",
        ],
    );
}

#[test]
fn a_100_megabyte_line_is_read_and_truncated() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut line = String::with_capacity(100 << 20);
    line.push_str("{\"id\":\"huge\",\"text\":\"");
    while line.len() < 100 << 20 {
        line.push_str("Grand words é ");
    }
    line.push_str("\"}\n{\"id\":\"after\",\"text\":\"Still read.\"}\n");
    let path = write(dir, "huge.jsonl", line.as_bytes());
    drop(line);
    let config = IngestConfig::default();
    let records: Vec<Record> = read_inputs(&[path], &config).collect();
    let rendered: Vec<String> = relative(records.iter().map(common::render).collect(), dir);
    assert_eq!(
        rendered,
        [
            "Warning truncated huge.jsonl:1",
            "article huge huge.jsonl:1 text:Grand words é Grand words é Grand words ",
            "article after huge.jsonl:2 text:Still read.",
        ]
    );
    if let Some(Record::Article(article)) = records.get(1) {
        if let storyline_ingest::RawBody::Text(text) = &article.body {
            assert!(
                text.len() <= config.max_article_bytes && text.len() > config.max_article_bytes - 4
            );
        }
    }
}

#[test]
fn lines_over_the_line_limit_are_parsed_from_the_stream() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let config = IngestConfig {
        max_line_bytes: 64,
        ..IngestConfig::default()
    };
    let body = format!(
        "{{\"id\":\"long\",\"text\":\"{}\"}}\n{{\"id\":\"short\",\"text\":\"ok\"}}\n",
        "y".repeat(100)
    );
    let path = write(dir, "lines.jsonl", body.as_bytes());
    check(
        &[path],
        dir,
        &config,
        &[
            "article long lines.jsonl:1 text:yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy",
            "article short lines.jsonl:2 text:ok",
        ],
    );
}

#[test]
fn reader_is_send() {
    fn assert_send<T: Send>(_: &T) {}
    let reader = read_inputs(&[], &IngestConfig::default());
    assert_send(&reader);
}
