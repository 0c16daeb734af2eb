#!/usr/bin/env python3
"""Score storyline_extract and trafilatura on the WCXB dev pages with one scorer.

Usage:
    # 1. our per-page output (Rust example):
    cargo run --release -p storyline_extract --example wcxb_eval -- --out /tmp/ours.jsonl
    # 2. trafilatura on the same pages, then score both:
    python3 bench/extract/compare.py --ours /tmp/ours.jsonl [--data DIR] [--trafilatura-out /tmp/traf.jsonl]

    # Or the whole pipeline (extraction, then cleaning): score the cleaned texts of a run
    storyline run /work/shared/data/wcxb-dev-articles/html --out /tmp/wcxb-run
    python3 bench/extract/compare.py --run /tmp/wcxb-run

Needs `pip install trafilatura lxml_html_clean` (trafilatura 2.x). If --trafilatura-out exists
already it is reused instead of re-running trafilatura (--rerun forces a new run).

Scorer (same as the Rust example): tokens are re.findall(r"\\w+") of the lower-cased text; F1
over token multisets (Counter intersection), mean over pages with a gold main_content; a page
that failed extraction scores 0. Snippets: whitespace-normalised substring test. Title:
whitespace-normalised exact match. Date: first 10 characters equal. Author: whitespace-normalised,
case-insensitive exact match.
"""
import argparse
import gzip
import json
import os
import re
import sys
import time
from collections import Counter

TOKEN = re.compile(r"\w+")


def tokens(text):
    return Counter(TOKEN.findall((text or "").lower()))


def f1(predicted, gold):
    p, g = tokens(predicted), tokens(gold)
    n_p, n_g = sum(p.values()), sum(g.values())
    if n_p == 0 or n_g == 0:
        return 1.0 if n_p == n_g else 0.0
    common = sum((p & g).values())
    if common == 0:
        return 0.0
    precision, recall = common / n_p, common / n_g
    return 2 * precision * recall / (precision + recall)


def norm(text):
    return " ".join((text or "").split())


def score(truth, predictions):
    s = Counter()
    per_page = {}
    for record in truth:
        page = predictions.get(record["id"]) or {}
        text = norm(page.get("text"))
        if record.get("main_content") is not None:
            value = f1(page.get("text") or "", record["main_content"])
            per_page[record["id"]] = value
            s["f1_sum"] += value
            s["f1_n"] += 1
        for snippet in record.get("with") or []:
            s["with_n"] += 1
            s["with_ok"] += norm(snippet) in text
        for snippet in record.get("without") or []:
            s["without_n"] += 1
            s["without_ok"] += norm(snippet) not in text
        if record.get("title") is not None:
            s["title_n"] += 1
            s["title_ok"] += norm(page.get("title")) == norm(record["title"]) and page.get("title") is not None
        if record.get("date") is not None:
            s["date_n"] += 1
            s["date_ok"] += (page.get("date") or "")[:10] == record["date"][:10]
        if record.get("author") is not None:
            s["author_n"] += 1
            s["author_ok"] += page.get("author") is not None and norm(page["author"]).lower() == norm(record["author"]).lower()
    share = lambda ok, n: s[ok] / max(s[n], 1)
    summary = {
        "main-text F1": s["f1_sum"] / max(s["f1_n"], 1),
        "with found": share("with_ok", "with_n"),
        "without avoided": share("without_ok", "without_n"),
        "title exact": share("title_ok", "title_n"),
        "date day": share("date_ok", "date_n"),
        "author exact": share("author_ok", "author_n"),
    }
    return summary, per_page


def run_trafilatura(truth, data_dir, out_path):
    import trafilatura

    predictions = {}
    started = time.process_time()
    with open(out_path, "w") as out:
        for record in truth:
            with gzip.open(os.path.join(data_dir, "html", record["id"] + ".html.gz")) as handle:
                html = handle.read()
            try:
                doc = trafilatura.bare_extraction(html, url=record.get("url"), with_metadata=True)
            except Exception as error:  # trafilatura raises on a few malformed pages
                doc = None
                print(f"trafilatura failed on {record['id']}: {error}", file=sys.stderr)
            if doc is not None and not isinstance(doc, dict):
                doc = doc.as_dict()
            doc = doc or {}
            row = {
                "id": record["id"],
                "title": doc.get("title"),
                "date": doc.get("date"),
                "author": doc.get("author"),
                "text": doc.get("text") or "",
            }
            predictions[record["id"]] = row
            out.write(json.dumps(row) + "\n")
    seconds = time.process_time() - started
    print(f"trafilatura {trafilatura.__version__}: {len(truth) / seconds:.1f} pages/s (CPU time, one process)")
    return predictions


def load_jsonl(path):
    with open(path) as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_run(path):
    """A run's articles as the wcxb_eval example writes pages: the id is the file name's stem
    (`0001.html.gz` is read as article `0001`), the text is the cleaned one."""
    pages = {}
    for row in load_jsonl(path):
        pages[row["id"]] = {
            "id": row["id"],
            "title": row.get("title"),
            "date": row.get("date"),
            "author": (row.get("extra") or {}).get("author"),
            "text": row.get("text"),
        }
    return pages


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="/work/shared/data/wcxb-dev-articles")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--ours", help="JSONL written by the wcxb_eval example (--out)")
    source.add_argument("--run", help="output directory of `storyline run` over DATA/html: scores the cleaned texts")
    parser.add_argument("--trafilatura-out", default="/tmp/trafilatura-wcxb.jsonl")
    parser.add_argument("--rerun", action="store_true", help="run trafilatura even if its output exists")
    parser.add_argument("--worst", type=int, default=0, help="list the N pages where we trail trafilatura most")
    args = parser.parse_args()

    truth = load_jsonl(os.path.join(args.data, "ground-truth.jsonl"))
    if args.ours:
        ours = {row["id"]: row for row in load_jsonl(args.ours)}
    else:
        ours = load_run(os.path.join(args.run, "articles.jsonl"))
    if os.path.exists(args.trafilatura_out) and not args.rerun:
        theirs = {row["id"]: row for row in load_jsonl(args.trafilatura_out)}
    else:
        theirs = run_trafilatura(truth, args.data, args.trafilatura_out)

    ours_summary, ours_pages = score(truth, ours)
    theirs_summary, theirs_pages = score(truth, theirs)
    print(f"{'metric':<18}{'storyline':>11}{'trafilatura':>13}")
    for metric in ours_summary:
        print(f"{metric:<18}{ours_summary[metric]:>11.4f}{theirs_summary[metric]:>13.4f}")
    wins = sum(ours_pages[i] > theirs_pages[i] + 1e-9 for i in ours_pages)
    losses = sum(ours_pages[i] + 1e-9 < theirs_pages[i] for i in ours_pages)
    print(f"pages where F1 is higher: storyline {wins}, trafilatura {losses}, of {len(ours_pages)}")
    if args.worst:
        gaps = sorted(ours_pages, key=lambda i: ours_pages[i] - theirs_pages[i])[: args.worst]
        for page_id in gaps:
            print(f"  {page_id}: storyline {ours_pages[page_id]:.3f} trafilatura {theirs_pages[page_id]:.3f}")


if __name__ == "__main__":
    main()
