//! Runs dom_smoothie (readability.js port) over the WCXB dev pages and prints one JSON line per
//! page (id, title, text) for `bench/extract/compare.py --ours`, plus pages/s (thread CPU time)
//! on stderr. Usage: `cargo run --release > /tmp/dom_smoothie.jsonl` in this folder.
use std::io::Read;
/// CPU time of this thread in seconds (Linux).
fn cpu() -> f64 {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap();
    s.split_whitespace().next().unwrap().parse::<f64>().unwrap() / 1e9
}
fn main() {
    let dir = "/work/shared/data/wcxb-dev-articles";
    let truth = std::fs::read_to_string(format!("{dir}/ground-truth.jsonl")).unwrap();
    let mut pages = Vec::new();
    for line in truth.lines() {
        let r: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = r["id"].as_str().unwrap().to_owned();
        let mut b = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(format!("{dir}/html/{id}.html.gz")).unwrap()).read_to_end(&mut b).unwrap();
        pages.push((id, r["url"].as_str().map(str::to_owned), String::from_utf8_lossy(&b).into_owned()));
    }
    let start = cpu();
    let mut out = Vec::new();
    for (id, url, html) in &pages {
        let (title, text) = match dom_smoothie::Readability::new(html.as_str(), url.as_deref(), None).and_then(|mut r| r.parse()) {
            Ok(a) => (Some(a.title.to_string()), a.text_content.to_string()),
            Err(_) => (None, String::new()),
        };
        out.push(serde_json::json!({"id": id, "title": title, "text": text, "date": null, "author": null}));
    }
    let secs = cpu() - start;
    eprintln!("dom_smoothie: {:.1} pages/s CPU", pages.len() as f64 / secs);
    for o in out { println!("{o}"); }
}
