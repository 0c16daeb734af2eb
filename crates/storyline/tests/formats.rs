//! CLI test: one directory mixing `.txt`, `.jsonl`, `.html.gz` and `.warc.gz` inputs runs
//! through the whole pipeline; a page that is not an article is kept out of the stories with a
//! diagnostic.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn page(title: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs
        .iter()
        .map(|paragraph| format!("<p>{paragraph}</p>\n"))
        .collect();
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} | Harbour Times</title>\
         <meta property=\"og:site_name\" content=\"Harbour Times\">\
         <meta property=\"article:published_time\" content=\"2024-06-18T08:00:00Z\"></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a></nav>\
         <article><h1>{title}</h1>\n{body}</article>\
         <footer>© 2024 Harbour Times. All rights reserved. <a href=\"/privacy\">Privacy</a></footer></body></html>"
    )
}

/// One gzip member per WARC record, as Common Crawl writes them.
fn warc_record(target_uri: &str, record_id: &str, html: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
    let record = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{record_id}>\r\n\
         WARC-Date: 2024-06-18T10:00:00Z\r\nWARC-Target-URI: {target_uri}\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    );
    gzip(record.as_bytes())
}

const FLOOD: [&str; 4] = [
    "Flood waters rose across the Lower Valley on Tuesday after three days of rain, forcing 1,200 residents of Marlow to leave their homes.",
    "The regional governor, Anna Petrova, said emergency crews had rescued 45 people from rooftops and that two bridges over the Tiber river were closed.",
    "Forecasters expect the river to crest on Wednesday evening at 7.4 metres, the highest level since records began in 1921.",
    "Schools in Marlow and neighbouring Easton will stay closed until Friday, the education office said in a statement.",
];

#[test]
fn a_directory_mixing_every_input_format_runs() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("flood-wire.txt"), FLOOD.join("\n")).unwrap();
    let record = serde_json::json!({"id": "flood-json", "title": "Valley flood forces evacuations", "text": FLOOD[..3].join("\n"), "source": "Daily"});
    std::fs::write(input.join("feed.jsonl"), format!("{record}\n")).unwrap();
    std::fs::write(
        input.join("flood-page.html.gz"),
        gzip(page("Valley flood forces 1,200 to leave homes", &FLOOD).as_bytes()),
    )
    .unwrap();
    let mut warc = warc_record(
        "https://harbour.example/2024/06/18/flood",
        "00000000-0000-4000-8000-000000000001",
        &page("Flood in the Lower Valley", &FLOOD),
    );
    warc.extend(warc_record(
        "https://harbour.example/404",
        "00000000-0000-4000-8000-000000000002",
        "<html><body></body></html>",
    ));
    std::fs::write(input.join("crawl.warc.gz"), warc).unwrap();

    let out = dir.path().join("out");
    let output = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args([
            "run",
            input.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let articles: Vec<Value> = read_jsonl(&out.join("articles.jsonl"));
    let ok: Vec<&Value> = articles
        .iter()
        .filter(|article| article["status"] == "ok")
        .collect();
    assert_eq!(
        ok.len(),
        4,
        "txt, jsonl, html.gz and one WARC page: {articles:#?}"
    );
    for article in &ok {
        let text = article["text"].as_str().unwrap();
        assert!(text.contains("Anna Petrova"), "{}: {text}", article["id"]);
        assert!(
            !text.contains("All rights reserved"),
            "{}: footer kept",
            article["id"]
        );
        assert_eq!(article["story"], ok[0]["story"], "one event, one story");
    }
    let from_page = articles
        .iter()
        .find(|article| article["id"] == "flood-page")
        .expect("html.gz article");
    assert_eq!(
        from_page["title"],
        "Valley flood forces 1,200 to leave homes"
    );
    assert!(from_page["date"]
        .as_str()
        .unwrap()
        .starts_with("2024-06-18"));
    let not_article: Vec<&Value> = articles
        .iter()
        .filter(|article| article["status"] == "not_article")
        .collect();
    assert_eq!(not_article.len(), 1, "{articles:#?}");
    assert!(not_article[0]["story"].is_null());
    let diagnostics = read_jsonl(&out.join("diagnostics.jsonl"));
    assert!(diagnostics
        .iter()
        .any(|diagnostic| diagnostic["code"] == "not_an_article"
            && diagnostic["pos"]["file"]
                .as_str()
                .unwrap()
                .ends_with("crawl.warc.gz")));
}

fn read_jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}
