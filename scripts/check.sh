#!/usr/bin/env bash
# The whole test suite: formatting, lints, tests, docs, benchmark compilation, browser test.
# This is the README's test command; .ci/run installs what it needs and calls it.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo test"
cargo test --workspace --locked

step "cargo doc (warnings are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked

step "benchmarks compile (not timed)"
cargo bench --workspace --no-run --locked

if [[ -f tests/browser/run.sh ]]; then
  step "report in a headless browser"
  bash tests/browser/run.sh
fi
