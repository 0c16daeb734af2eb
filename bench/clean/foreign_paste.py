#!/usr/bin/env python3
"""How well cleaning finds a foreign story pasted into an article without a heading.

Builds a test set from ECB+ (../shared/data/ecbplus-dev/docs.jsonl): into the middle of every
article of six or more paragraphs it pastes the first line (its title, when the article has
one) and 2–5 paragraphs of an article of another topic, chosen by a fixed seed. Runs
`storyline run` on that set and on ECB+ itself, and prints:

  * blocks found whole (flagged as foreign, every pasted line gone), found in part, and
    article lines removed with them (set with pastes);
  * foreign-block removals in ECB+'s own articles (each one a false alarm).

With `--headed`, every pasted block opens with a related-stories heading ("Also Read",
"Related Story", "Suggested Reading", … drawn from HEADINGS), as sites print them.

Usage: python3 bench/clean/foreign_paste.py [--headed] [STORYLINE_BINARY]
(default target/release/storyline; build it first with `cargo build --release`).
"""
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "../shared/data/ecbplus-dev/docs.jsonl"


def paragraphs(text):
    return [line.strip() for line in text.split("\n") if line.strip()]


# Headings sites print above a block of other stories (the set the --headed run draws from).
HEADINGS = [
    "Also Read", "Also Read:", "READ ALSO", "Related:", "Related Story", "Related News",
    "You May Also Read", "Also See", "More News", "Top Headlines", "Latest Stories",
    "Don't Miss", "Also Watch", "Must Watch", "Suggested Reading", "Explore More",
    "More in World", "Read More News", "Other Stories", "In Other News", "Recommended Stories",
    "Editor's Picks", "Must Read", "Trending Stories", "Other Topics of Interest",
]


def build(docs, rng, headed=False):
    """The set with pastes, and per article id the pasted lines."""
    hosts = [doc for doc in docs if len(paragraphs(doc["text"])) >= 6]
    records, pasted = [], {}
    for number, host in enumerate(hosts):
        while True:
            donor = rng.choice(docs)
            if donor["topic"] != host["topic"] and len(paragraphs(donor["text"])) >= 4:
                break
        donor_lines, host_lines = paragraphs(donor["text"]), paragraphs(host["text"])
        n_paragraphs = rng.randint(2, min(5, len(donor_lines) - 1))
        block = donor_lines[: 1 + n_paragraphs]
        if headed:
            block = [rng.choice(HEADINGS)] + block
        at = rng.randint(2, len(host_lines) - 3)
        article_id = f"paste{number}"
        text = "\n\n".join(host_lines[:at] + block + host_lines[at:])
        records.append({"id": article_id, "title": host_lines[0], "text": text})
        pasted[article_id] = block
    return records, pasted


def run(binary, input_path, out_dir):
    subprocess.run([binary, "run", str(input_path), "--out", str(out_dir), "--quiet"], check=True)
    with open(out_dir / "articles.jsonl", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def foreign_lines(article):
    return [
        line.strip()
        for removal in article["removals"]
        if removal["kind"] == "foreign_block"
        for line in removal["text"].split("\n")
        if line.strip()
    ]


def removed_lines(article):
    return [
        line.strip()
        for removal in article["removals"]
        for line in removal["text"].split("\n")
        if line.strip()
    ]


def main():
    args = [arg for arg in sys.argv[1:] if arg != "--headed"]
    headed = "--headed" in sys.argv[1:]
    binary = args[0] if args else str(ROOT / "target/release/storyline")
    with open(DOCS, encoding="utf-8") as lines:
        docs = [json.loads(line) for line in lines]
    records, pasted = build(docs, random.Random(7), headed)
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        input_path = scratch / "pasted.jsonl"
        input_path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        with_pastes = run(binary, input_path, scratch / "pasted")
        own = run(binary, DOCS, scratch / "own")
    whole = partial = host_lines = 0
    for article in with_pastes:
        block = set(pasted[article["id"]])
        removed = foreign_lines(article)
        found = block & set(removed)
        host_lines += sum(1 for line in removed if line not in block)
        # A pasted line other rules took out (the foreign story's own time stamp, say) is
        # gone as well: the block counts whole when it is flagged and every line is gone.
        gone = block & set(removed_lines(article))
        if found and gone == block:
            whole += 1
        elif found:
            partial += 1
    with_title = sum(
        1
        for block in pasted.values()
        if not block[int(headed)].endswith((".", "!", "?", '"', "”"))
    )
    print(
        f"articles with a pasted block: {len(records)} "
        f"({with_title} blocks open with a line without closing punctuation, as titles do)"
    )
    print(f"found whole {whole}, in part {partial}; article lines removed with them {host_lines}")
    false_alarms = sum(len(foreign_lines(article)) > 0 for article in own)
    print(f"ECB+ articles with a foreign block flagged (false alarms): {false_alarms} of {len(own)}")


if __name__ == "__main__":
    main()
