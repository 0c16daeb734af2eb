//! The `storyline` command line.
fn main() {}
