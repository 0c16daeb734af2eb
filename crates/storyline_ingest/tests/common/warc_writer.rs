//! A small WARC writer for building test fixtures: records with headers, optional
//! per-record gzip members, and deliberately wrong `Content-Length`s.

use std::io::Write;

use flate2::write::GzEncoder;
use flate2::Compression;

/// One record to write.
#[derive(Debug, Clone)]
pub struct WarcRecord {
    pub warc_type: String,
    pub record_id: String,
    pub target_uri: Option<String>,
    pub date: Option<String>,
    pub payload_digest: Option<String>,
    pub content_type: String,
    pub block: Vec<u8>,
    /// Written instead of the true block length, to test resynchronisation.
    pub wrong_length: Option<usize>,
}

impl WarcRecord {
    /// An HTTP `response` record for `uri` with the given HTTP message as block.
    pub fn response(record_id: &str, uri: &str, http: Vec<u8>) -> WarcRecord {
        WarcRecord {
            warc_type: "response".to_owned(),
            record_id: record_id.to_owned(),
            target_uri: Some(uri.to_owned()),
            date: Some("2024-06-05T10:00:00Z".to_owned()),
            payload_digest: Some(format!("sha1:{record_id}")),
            content_type: "application/http; msgtype=response".to_owned(),
            block: http,
            wrong_length: None,
        }
    }

    /// A record of another type (`request`, `warcinfo`, `metadata`…).
    pub fn other(warc_type: &str, record_id: &str, block: &[u8]) -> WarcRecord {
        WarcRecord {
            warc_type: warc_type.to_owned(),
            record_id: record_id.to_owned(),
            target_uri: None,
            date: Some("2024-06-05T10:00:00Z".to_owned()),
            payload_digest: None,
            content_type: "application/warc-fields".to_owned(),
            block: block.to_vec(),
            wrong_length: None,
        }
    }

    /// The record's bytes: version line, headers, blank line, block, two CRLFs.
    pub fn to_bytes(&self, version: &str) -> Vec<u8> {
        let mut out = Vec::new();
        write!(out, "{version}\r\n").unwrap();
        write!(out, "WARC-Type: {}\r\n", self.warc_type).unwrap();
        write!(out, "WARC-Record-ID: <urn:uuid:{}>\r\n", self.record_id).unwrap();
        if let Some(date) = &self.date {
            write!(out, "WARC-Date: {date}\r\n").unwrap();
        }
        if let Some(uri) = &self.target_uri {
            write!(out, "WARC-Target-URI: {uri}\r\n").unwrap();
        }
        if let Some(digest) = &self.payload_digest {
            write!(out, "WARC-Payload-Digest: {digest}\r\n").unwrap();
        }
        write!(out, "Content-Type: {}\r\n", self.content_type).unwrap();
        let length = self.wrong_length.unwrap_or(self.block.len());
        write!(out, "Content-Length: {length}\r\n\r\n").unwrap();
        out.extend_from_slice(&self.block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }
}

/// Collects records into a WARC file, plain or gzipped (one member per record, or one
/// stream for the whole file).
#[derive(Debug, Default)]
pub struct WarcWriter {
    pub version: String,
    pub records: Vec<WarcRecord>,
}

impl WarcWriter {
    pub fn new() -> WarcWriter {
        WarcWriter {
            version: "WARC/1.0".to_owned(),
            records: Vec::new(),
        }
    }

    pub fn push(&mut self, record: WarcRecord) -> &mut WarcWriter {
        self.records.push(record);
        self
    }

    pub fn plain(&self) -> Vec<u8> {
        self.records
            .iter()
            .flat_map(|record| record.to_bytes(&self.version))
            .collect()
    }

    /// One gzip member per record, as crawlers write them.
    pub fn gzip_per_record(&self) -> Vec<u8> {
        self.records
            .iter()
            .flat_map(|record| gzip(&record.to_bytes(&self.version)))
            .collect()
    }

    /// The whole file as one gzip stream.
    pub fn gzip_whole(&self) -> Vec<u8> {
        gzip(&self.plain())
    }
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// An HTTP/1.1 response with the given status, headers and body.
pub fn http_response(status: u16, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    write!(out, "HTTP/1.1 {status} OK\r\n").unwrap();
    for (name, value) in headers {
        write!(out, "{name}: {value}\r\n").unwrap();
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(body);
    out
}
