#!/usr/bin/env bash
# The whole test suite: formatting, lints, tests, docs, benchmark compilation, browser test.
# This is the README's test command; .ci/run installs what it needs and calls it.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

# .cargo/config.toml builds for x86-64-v3; a CPU without one of its features would stop the
# tests with "illegal instruction", so build for the x86-64 baseline there.
if [[ "$(uname -m)" == x86_64 && -r /proc/cpuinfo ]]; then
  for feature in avx2 bmi1 bmi2 fma movbe f16c abm popcnt sse4_2; do
    if ! grep -qw "$feature" /proc/cpuinfo; then
      echo "CPU lacks $feature: building for the x86-64 baseline" >&2
      export RUSTFLAGS="-C target-cpu=x86-64"
      break
    fi
  done
fi

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
