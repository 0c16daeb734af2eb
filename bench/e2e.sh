#!/usr/bin/env bash
# End-to-end benchmark: generate corpora of N articles (default 10k, 100k, 1M), run
# `storyline run` on each, record wall time, articles per second and peak memory.
#
#   bash bench/e2e.sh [N...]        e.g. bash bench/e2e.sh 10000 100000
#
# Results are appended to bench/results/e2e.md with the machine and date.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${CARGO_TARGET_DIR:-target}/release"

sizes=("$@")
[[ ${#sizes[@]} -eq 0 ]] && sizes=(10000 100000 1000000)

cargo build --release -p storyline -p storyline_bench
mkdir -p bench/corpora bench/results
results=bench/results/e2e.md
machine="$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
{
  echo
  echo "## $(date -u +%Y-%m-%dT%H:%MZ) — $machine — commit $(git rev-parse --short HEAD)"
  echo
  echo "| articles | corpus MB | wall s | articles/s | peak RSS MB | RSS bytes/article over 10k base |"
  echo "|---:|---:|---:|---:|---:|---:|"
} >> "$results"

base_rss=""
for n in "${sizes[@]}"; do
  corpus="bench/corpora/gen-$n.jsonl"
  [[ -f "$corpus" ]] || "$bin"/storyline-gen "$n" 42 > "$corpus"
  out="$(mktemp -d)"
  /usr/bin/time -v "$bin"/storyline run "$corpus" --out "$out" --quiet 2> "$out/time.txt"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out/time.txt" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time.txt")
  mb=$(du -mL "$corpus" | cut -f1)
  rate=$(awk -v n="$n" -v w="$wall" 'BEGIN { printf "%.0f", n / w }')
  if [[ -z "$base_rss" ]]; then base_rss=$rss_kb; base_n=$n; per="—"; else
    per=$(awk -v r="$rss_kb" -v b="$base_rss" -v n="$n" -v bn="$base_n" 'BEGIN { printf "%.0f", (r - b) * 1024 / (n - bn) }'); fi
  echo "| $n | $mb | $wall | $rate | $((rss_kb / 1024)) | $per |" | tee -a "$results"
  rm -rf "$out"
done
