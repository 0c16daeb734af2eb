#!/usr/bin/env python3
"""Seed-like probe sets: five reports of one event each, as the held-out sets are.

Each set in bench/probes/sets/ holds four independent reports of one real event (ECB+ texts,
with site boilerplate added by hand) and a machine rewrite of one of them, written by hand
(ho21-ho146 by sessions that never saw the cleaning rules);
one report holds its body twice, some carry template filler or a pasted foreign story.
EXPECTED.md in each set says what is what; expected.json gives the answers this script
checks:

  * one story holding the five articles;
  * exactly one copy edge, the rewrite -> its original, kind `rewrite`;
  * the doubled body kept once (no paragraph of 8+ words left twice in its cleaned text);
  * the site boilerplate, template filler and pasted foreign lines each file was given
    (`boilerplate` in expected.json: every line of a report that is not in its ECB+ text,
    and the rewrite's added lines, less the headlines, bylines, datelines and sign-offs a
    site prints with an article, which may stay) gone from its cleaned text: it prints how
    many are left.

Usage:
    cargo build --release
    python3 bench/probes/check.py [path/to/storyline]

Prints one line per set and the totals. A report, not a test: it exits 0 whatever it finds.
"""

import json
import pathlib
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
BINARY = sys.argv[1] if len(sys.argv) > 1 else str(HERE.parent.parent / "target/release/storyline")


def read_jsonl(path):
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def check(name, expected, out):
    articles = {a["id"]: a for a in read_jsonl(out / "articles.jsonl")}
    stories = read_jsonl(out / "stories.jsonl")
    edges = read_jsonl(out / "copies.jsonl")
    one_story = len(stories) == 1 and len(stories[0]["articles"]) == len(articles)
    want = expected["rewrite"]
    right_edge = (
        len(edges) == 1
        and edges[0]["copy"] == want["copy"]
        and edges[0]["original"] == want["original"]
        and edges[0]["kind"] == "rewrite"
    )
    paragraphs = [
        line.strip()
        for line in articles[expected["doubled_body"]]["text"].split("\n")
        if len(line.split()) >= 8
    ]
    body_once = len(paragraphs) == len(set(paragraphs))
    n_left = 0
    n_boilerplate = 0
    for article_id, lines in expected.get("boilerplate", {}).items():
        # Spaces are normalised on both sides: a menu printed with runs of spaces between its
        # items is kept with single ones.
        kept = {" ".join(line.split()) for line in articles[article_id]["text"].split("\n")}
        left = [line for line in lines if " ".join(line.split()) in kept]
        n_left += len(left)
        n_boilerplate += len(lines)
        for line in left:
            print(f"  left in {article_id}: {line[:100]}")
    found = ", ".join(
        f"{e['copy']} -> {e['original']} {e['kind']} {e['similarity']:.3f}" for e in edges
    )
    print(
        f"{name}: stories {[len(s['articles']) for s in stories]} "
        f"{'ok' if one_story else 'WRONG'}; edge {'ok' if right_edge else 'WRONG'} "
        f"[{found or 'none'}]; doubled body {'once' if body_once else 'TWICE'}; "
        f"boilerplate lines left {n_left} of {n_boilerplate}"
    )
    return one_story, right_edge, body_once, n_left, n_boilerplate


def main():
    expected = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
    totals = [0, 0, 0, 0, 0]
    for name, answer in sorted(expected.items()):
        with tempfile.TemporaryDirectory() as scratch:
            out = pathlib.Path(scratch) / "out"
            subprocess.run(
                [BINARY, "run", str(HERE / "sets" / name), "--out", str(out), "--quiet"],
                check=True,
            )
            for i, passed in enumerate(check(name, answer, out)):
                totals[i] += passed
    n = len(expected)
    print(
        f"one story {totals[0]}/{n}; right rewrite edge, and no other, {totals[1]}/{n}; "
        f"doubled body once {totals[2]}/{n}; boilerplate lines left {totals[3]} of {totals[4]}"
    )


if __name__ == "__main__":
    main()
