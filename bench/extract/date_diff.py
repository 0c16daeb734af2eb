#!/usr/bin/env python3
"""Which WCXB dev pages a date change fixes and which it breaks: compares two runs of
examples/wcxb_eval (`--out` files) against the gold day, so that each date rule can be reported
with the pages it fixes and the pages it breaks.

Usage (keep the old state's --out file, or build the old commit in a `git worktree`; do not stash
a working tree other people edit):
    cargo run --release -p storyline_extract --example wcxb_eval -- --out /tmp/before.jsonl
    (change the code)
    cargo run --release -p storyline_extract --example wcxb_eval -- --out /tmp/after.jsonl
    python3 bench/extract/date_diff.py /tmp/before.jsonl /tmp/after.jsonl [--data DIR]
"""
import argparse
import json
import os


def days(path):
    """Page id -> the day (first ten characters) a run gave, '' for none."""
    with open(path) as lines:
        return {record["id"]: (record.get("date") or "")[:10] for record in map(json.loads, lines)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("before")
    parser.add_argument("after")
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--data", default=os.path.join(here, "../../../shared/data/wcxb-dev-articles"))
    args = parser.parse_args()
    with open(os.path.join(args.data, "ground-truth.jsonl")) as lines:
        gold = {record["id"]: record["date"][:10] for record in map(json.loads, lines) if record.get("date")}
    before, after = days(args.before), days(args.after)
    fixed = [page for page, day in gold.items() if before.get(page) != day and after.get(page) == day]
    broken = [page for page, day in gold.items() if before.get(page) == day and after.get(page) != day]
    still_wrong = [page for page, day in gold.items()
                   if before.get(page) != after.get(page) and day not in (before.get(page), after.get(page))]
    without_gold = [page for page in after if page not in gold and before.get(page) != after[page]]
    right = sum(after.get(page) == day for page, day in gold.items())
    print(f"date day after: {right}/{len(gold)} = {right / len(gold):.4f}")
    print(f"fixed {len(fixed)}: {' '.join(fixed)}")
    print(f"broken {len(broken)}: " + " ".join(f"{page} (gold {gold[page]}, now {after.get(page) or '-'})"
                                               for page in broken))
    print(f"changed but wrong both times {len(still_wrong)}: {' '.join(still_wrong)}")
    print(f"changed on pages without a gold date: {len(without_gold)}")


if __name__ == "__main__":
    main()
