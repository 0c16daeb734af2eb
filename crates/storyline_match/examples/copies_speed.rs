//! Measures `find_copies_in` CPU time on many fingerprints kept encoded in memory (as the
//! pipeline keeps them in a scratch file: each scan decodes them again).
//!
//! Run: `cargo run --release -p storyline_match --example copies_speed -- TEXTS.jsonl CACHE.bin [LIMIT]`
//! The `text` fields of TEXTS.jsonl (e.g. a run's `articles.jsonl`) are fingerprinted once
//! and the encodings written to CACHE.bin; later runs read CACHE.bin, so that under
//! `valgrind --tool=callgrind` only the matcher runs. Prints process CPU time (all threads)
//! and a checksum of the edges, to see that a speed-up changed nothing.

// A measuring tool prints its figures.
#![allow(clippy::print_stdout)]

use std::borrow::Cow;
use std::hash::Hasher;
use std::io::{BufRead, Write};

use rayon::prelude::*;
use storyline_match::{
    find_copies_in, fingerprint, DocFacts, Fingerprint, FingerprintStore, MatchConfig,
};

/// Encoded fingerprints back to back, with each one's end.
struct Encoded {
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

impl FingerprintStore for Encoded {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, doc: usize) -> Cow<'_, Fingerprint> {
        let start = if doc == 0 { 0 } else { self.ends[doc - 1] };
        Cow::Owned(Fingerprint::decode(&self.bytes[start..self.ends[doc]]).unwrap_or_default())
    }

    fn scan(&self, docs: &[u32], visit: &mut dyn FnMut(u32, &Fingerprint)) {
        let mut fingerprint = Fingerprint::default();
        for &doc in docs {
            let doc_index = doc as usize;
            let start = if doc_index == 0 {
                0
            } else {
                self.ends[doc_index - 1]
            };
            if !fingerprint.decode_into(&self.bytes[start..self.ends[doc_index]]) {
                fingerprint = Fingerprint::default();
            }
            visit(doc, &fingerprint);
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let texts = args
        .next()
        .ok_or("usage: copies_speed TEXTS.jsonl CACHE.bin [LIMIT]")?;
    let cache = args
        .next()
        .ok_or("usage: copies_speed TEXTS.jsonl CACHE.bin [LIMIT]")?;
    let limit: usize = args
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(usize::MAX);
    let config = MatchConfig::default();
    if !std::path::Path::new(&cache).exists() {
        let mut all = Vec::new();
        for line in std::io::BufReader::new(std::fs::File::open(&texts)?).lines() {
            let record: serde_json::Value = serde_json::from_str(&line?)?;
            all.push(record["text"].as_str().unwrap_or_default().to_owned());
        }
        let encoded: Vec<Vec<u8>> = all
            .par_iter()
            .map(|text| {
                let mut out = Vec::new();
                fingerprint(text, &config).encode(&mut out);
                out
            })
            .collect();
        let mut file = std::io::BufWriter::new(std::fs::File::create(&cache)?);
        for one in &encoded {
            file.write_all(&(one.len() as u32).to_le_bytes())?;
            file.write_all(one)?;
        }
    }
    let raw = std::fs::read(&cache)?;
    let mut store = Encoded {
        bytes: Vec::with_capacity(raw.len()),
        ends: Vec::new(),
    };
    let mut at = 0;
    while at + 4 <= raw.len() && store.ends.len() < limit {
        let len = u32::from_le_bytes(raw[at..at + 4].try_into()?) as usize;
        store.bytes.extend_from_slice(&raw[at + 4..at + 4 + len]);
        store.ends.push(store.bytes.len());
        at += 4 + len;
    }
    let facts = vec![DocFacts::default(); store.len()];
    let start = storyline_bench::cpu::CpuStopwatch::process();
    let edges = find_copies_in(&store, &facts, &config);
    let cpu = start.elapsed();
    let mut checksum = std::collections::hash_map::DefaultHasher::new();
    for edge in &edges {
        checksum.write(format!("{edge:?}").as_bytes());
    }
    println!(
        "{} fingerprints: find_copies {:.3} s CPU (all threads), {} edges, checksum {:016x}",
        store.len(),
        cpu.as_secs_f64(),
        edges.len(),
        checksum.finish()
    );
    Ok(())
}
