#!/usr/bin/env python3
"""Why dates miss on the WCXB dev pages: counts, among the pages whose date we get wrong, those
where the gold day is the page's declared *modified* day, and those where the gold day is not in
the HTML at all; and, over all pages whose declared published and modified days differ, how often
the gold is one or the other.

Usage:
    cargo run --release -p storyline_extract --example wcxb_eval -- --out /tmp/ours.jsonl
    python3 bench/extract/date_misses.py --ours /tmp/ours.jsonl [--data DIR]

Metadata is read with regular expressions (JSON-LD keys and meta properties), so the counts are
close to, not exactly, what the extractor sees.
"""
import argparse
import gzip
import json
import os
import re

DAY = r'["\'\\]*\s*(?::|content=)\s*(?:["\'\\]|&quot;)*([0-9]{4}-[0-9]{2}-[0-9]{2})'
MODIFIED = re.compile(r"(?:dateModified|modified_time|updated_time|dateUpdated?|content_date_updated)" + DAY)
PUBLISHED = re.compile(r"(?:datePublished|published_time)" + DAY)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ours", required=True)
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--data", default=os.path.join(here, "../../../shared/data/wcxb-dev-articles"))
    args = parser.parse_args()
    gold = [json.loads(line) for line in open(os.path.join(args.data, "ground-truth.jsonl"))]
    ours = {record["id"]: record for record in map(json.loads, open(args.ours))}
    html_dir = os.path.join(args.data, "html")
    files = {name.split(".")[0]: name for name in os.listdir(html_dir)}
    misses = gold_modified = gold_absent = differ = differ_modified = differ_published = 0
    for page in gold:
        if not page.get("date") or page["id"] not in files:
            continue
        day = page["date"][:10]
        path = os.path.join(html_dir, files[page["id"]])
        raw = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
        html = raw.decode("utf-8", "replace")
        modified = set(MODIFIED.findall(html))
        published = set(PUBLISHED.findall(html))
        if modified and published and not modified & published:
            differ += 1
            differ_modified += day in modified
            differ_published += day in published
        if (ours.get(page["id"], {}).get("date") or "")[:10] != day:
            misses += 1
            gold_modified += day in modified
            gold_absent += day not in html
    print(f"date misses: {misses}; gold is the declared modified day: {gold_modified}; "
          f"gold day not in the HTML (ISO form): {gold_absent}")
    print(f"pages whose declared published and modified days differ: {differ}; "
          f"gold = published: {differ_published}; gold = modified: {differ_modified}")


if __name__ == "__main__":
    main()
