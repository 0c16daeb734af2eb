#!/usr/bin/env bash
# Streaming benchmark: a generated crawl of N HTML pages as one .warc.gz (gzip per record, a
# request before each page and a K KB binary payload after it, so that 100k pages make a
# ~1 GB archive), read by ingest alone and by the whole `storyline run`. Records wall time and
# peak memory: ingest must stream in constant memory whatever the archive size.
#
#   bash bench/warc.sh [N] [K]        defaults: 100000 pages, 8 KB of payload each (~1.05 GB)
#
# Results are appended to bench/results/warc.md with the machine and date.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${CARGO_TARGET_DIR:-target}/release"

n="${1:-100000}"
padding_kb="${2:-8}"
cargo build --release -p storyline -p storyline_bench
cargo build --release -p storyline_ingest --example ingest_stats
mkdir -p bench/corpora bench/results
archive="bench/corpora/gen-$n-$padding_kb.warc.gz"
[[ -f "$archive" ]] || "$bin"/storyline-gen "$n" 42 --warc --padding-kb "$padding_kb" > "$archive"
out="$(mktemp -d)"
measure() { # label, command...
  local label="$1"; shift
  /usr/bin/time -f "%e %M %U %S" -o "$out/time.txt" "$@" > "$out/stdout.txt" 2> "$out/stderr.txt"
  read -r wall rss_kb user sys < "$out/time.txt"
  echo "| $label | $wall | $user + $sys | $((rss_kb / 1024)) |"
}
{
  machine="$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo
  echo "## $(date -u +%Y-%m-%dT%H:%MZ) — $machine — commit $(git rev-parse --short HEAD)"
  echo
  echo "Archive: $archive, $(du -mL "$archive" | cut -f1) MB, $n pages + $n requests + $n binary payloads."
  echo
  echo "| what | wall s | CPU s (user + sys) | peak RSS MB |"
  echo "|---|---:|---:|---:|"
  measure "ingest only (examples/ingest_stats)" "$bin"/examples/ingest_stats "$archive"
  measure "storyline run" "$bin"/storyline run "$archive" --out "$out/run" --quiet
} | tee -a bench/results/warc.md
rm -rf "$out"
