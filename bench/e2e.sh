#!/usr/bin/env bash
# End-to-end benchmark: generate corpora of N articles (default 10k, 100k, 1M), run
# `storyline run` on each, record wall time, articles per second, CPU time and peak memory.
#
#   bash bench/e2e.sh [N...]            e.g. bash bench/e2e.sh 10000 100000
#   RUNS=5 bash bench/e2e.sh 100000     each size run five times
#
# With RUNS > 1 (default 1) every size is run that many times in a row and the table gives
# the median run's wall time and rate, with the fastest and slowest wall times beside it: on
# a shared VM one run can land 10–15% either side of another. CPU time is user + system of
# all threads (median); peak memory is the largest of the runs.
#
# Before every run a fixed reference job is timed: SHA-256 of 128 MiB of zeros, one core of
# pure computation that storyline does not touch. Its median is given beside each size, so a
# figure can be read against how fast the machine was at the time (on this project's VM the
# same job took 0.5–1.0 s from one minute to the next).
#
# Results are appended to bench/results/e2e.md with the machine and date.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${CARGO_TARGET_DIR:-target}/release"
runs="${RUNS:-1}"
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "RUNS must be a positive integer, not '$runs'" >&2
  exit 2
fi

sizes=("$@")
[[ ${#sizes[@]} -eq 0 ]] && sizes=(10000 100000 1000000)

cargo build --release -p storyline -p storyline_bench
mkdir -p bench/corpora bench/results
results=bench/results/e2e.md
machine="$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
{
  echo
  echo "## $(date -u +%Y-%m-%dT%H:%MZ) — $machine — commit $(git rev-parse --short HEAD) — $runs run(s) per size"
  echo
  echo "| articles | corpus MB | wall s (median) | articles/s (median) | wall s fastest–slowest | CPU s (median) | peak RSS MB | RSS bytes/article over 10k base | reference s (median) |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >> "$results"

# The numbers given, in ascending order, one per line.
sorted() { printf '%s\n' "$@" | sort -g; }
# The median of the numbers given (the lower middle one for an even count).
median() { sorted "$@" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# Wall seconds of the reference job (see the top of this file).
reference() {
  local started ended
  started=$(date +%s.%N)
  head -c 128M /dev/zero | sha256sum > /dev/null
  ended=$(date +%s.%N)
  awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.2f", b - a }'
}

base_rss=""
for n in "${sizes[@]}"; do
  corpus="bench/corpora/gen-$n.jsonl"
  # A corpus older than the generator was made by an earlier version of it: make it again.
  if ! [[ -f "$corpus" && "$corpus" -nt "$bin/storyline-gen" ]]; then
    "$bin"/storyline-gen "$n" 42 > "$corpus.tmp"
    mv "$corpus.tmp" "$corpus"
  fi
  walls=() cpus=() refs=() rss_kb=0
  for _ in $(seq "$runs"); do
    refs+=("$(reference)")
    out="$(mktemp -d)"
    if ! /usr/bin/time -v "$bin"/storyline run "$corpus" --out "$out" --quiet 2> "$out/time.txt"; then
      # Say why (a full disk, say): the run's own stderr is in time.txt.
      echo "storyline run on $corpus failed:" >&2
      cat "$out/time.txt" >&2
      rm -rf "$out"
      exit 1
    fi
    walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out/time.txt" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')")
    cpus+=("$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u + s}' "$out/time.txt")")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time.txt")
    (( rss > rss_kb )) && rss_kb=$rss
    rm -rf "$out"
  done
  wall=$(median "${walls[@]}")
  cpu=$(median "${cpus[@]}")
  ref=$(median "${refs[@]}")
  range="$(sorted "${walls[@]}" | head -1)–$(sorted "${walls[@]}" | tail -1)"
  mb=$(du -mL "$corpus" | cut -f1)
  rate=$(awk -v n="$n" -v w="$wall" 'BEGIN { printf "%.0f", n / w }')
  if [[ -z "$base_rss" ]]; then base_rss=$rss_kb; base_n=$n; per="—"; else
    per=$(awk -v r="$rss_kb" -v b="$base_rss" -v n="$n" -v bn="$base_n" 'BEGIN { printf "%.0f", (r - b) * 1024 / (n - bn) }'); fi
  echo "| $n | $mb | $wall | $rate | $range | $cpu | $((rss_kb / 1024)) | $per | $ref |" | tee -a "$results"
done
