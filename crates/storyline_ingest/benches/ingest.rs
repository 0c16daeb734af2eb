//! Throughput of the reader on generated inputs: a JSONL file of news-like articles
//! (≈2 KB of text each, with escapes and non-ASCII) and a gzipped WARC of HTML responses.
//!
//! Run: `cargo bench -p storyline_ingest --bench ingest`. Criterion reports MB/s.

use std::io::Write;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use storyline_ingest::{read_inputs, IngestConfig, Record};

const N_ARTICLES: usize = 5_000;

/// Deterministic article text: sentences drawn from a small vocabulary by a counter.
fn article_text(index: usize) -> String {
    const WORDS: &[&str] = &[
        "the",
        "minister",
        "said",
        "on",
        "Tuesday",
        "that",
        "parliament",
        "would",
        "vote",
        "budget",
        "Zürich",
        "coalition",
        "\"reform\"",
        "police",
        "reported",
        "séance",
        "earthquake",
        "city",
        "officials",
        "according",
        "to",
        "statement",
        "2024",
        "million",
        "protest",
        "über",
    ];
    let mut text = String::with_capacity(2200);
    let mut state = index as u64 * 2_654_435_761 + 1;
    while text.len() < 2000 {
        for _ in 0..14 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            text.push_str(WORDS[(state >> 33) as usize % WORDS.len()]);
            text.push(' ');
        }
        text.push_str(".\n");
    }
    text
}

fn write_jsonl(dir: &std::path::Path) -> (PathBuf, u64) {
    let path = dir.join("bench.jsonl");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for index in 0..N_ARTICLES {
        let record = serde_json::json!({
            "id": format!("article-{index}"),
            "title": format!("Headline number {index}"),
            "date": "2024-06-05",
            "url": format!("https://news{}.example.com/{index}", index % 50),
            "source": format!("news{}.example.com", index % 50),
            "text": article_text(index),
            "lang": "en",
        });
        serde_json::to_writer(&mut out, &record).unwrap();
        out.write_all(b"\n").unwrap();
    }
    out.flush().unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    (path, size)
}

fn write_warc(dir: &std::path::Path) -> (PathBuf, u64) {
    let path = dir.join("bench.warc.gz");
    let mut out = Vec::new();
    let mut plain_size = 0;
    for index in 0..N_ARTICLES / 5 {
        let html = format!("<!DOCTYPE html><html><head><title>T{index}</title></head><body><p>{}</p></body></html>", article_text(index));
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}", html.len());
        let record = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{index:08}>\r\nWARC-Date: 2024-06-05T10:00:00Z\r\nWARC-Target-URI: https://e.com/{index}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            http.len()
        );
        plain_size += record.len() as u64;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(record.as_bytes()).unwrap();
        out.extend(encoder.finish().unwrap());
    }
    std::fs::write(&path, out).unwrap();
    (path, plain_size)
}

fn count_articles(path: &PathBuf) -> usize {
    read_inputs(std::slice::from_ref(path), &IngestConfig::default())
        .filter(|record| matches!(record, Record::Article(_)))
        .count()
}

fn bench_ingest(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (jsonl, jsonl_size) = write_jsonl(dir.path());
    let (warc, warc_size) = write_warc(dir.path());
    let mut group = c.benchmark_group("ingest");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(jsonl_size));
    group.bench_function("jsonl_5k_articles", |b| {
        b.iter(|| assert_eq!(count_articles(&jsonl), N_ARTICLES))
    });
    group.throughput(Throughput::Bytes(warc_size));
    group.bench_function("warc_gz_1k_pages", |b| {
        b.iter(|| assert_eq!(count_articles(&warc), N_ARTICLES / 5))
    });
    group.finish();
}

criterion_group!(benches, bench_ingest);
criterion_main!(benches);
