//! Benchmark of `clean` on generated ~2 KB articles (placeholder, replaced below).
fn main() {}
