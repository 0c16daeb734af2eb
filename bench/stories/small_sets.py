#!/usr/bin/env python3
"""Does a small set of reports of one event come out as one story?

The held-out sets storyline is scored on look like `examples/seeds`: a handful of articles
about one event, run on their own. This builds such sets from ECB+
(../shared/data/ecbplus-dev/docs.jsonl): for every gold story with at least five articles,
five of them chosen by a fixed seed, each set written as `.txt` files and run alone. It
prints how many sets came out as one story, and the stories of the others.

With `--mixed`, each set is three articles of one event and two of the other event of the
same ECB+ topic (two earthquakes, two shootings): it counts the sets split exactly as the
gold splits them.

Usage: python3 bench/stories/small_sets.py [STORYLINE_BINARY] [--size N] [--seed S] [--mixed]
(default target/release/storyline, 5 articles, seed 11; build it first with
`cargo build --release`).
"""
import argparse
import collections
import json
import random
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "../shared/data/ecbplus-dev/docs.jsonl"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary", nargs="?", default=str(ROOT / "target/release/storyline"))
    parser.add_argument("--size", type=int, default=5)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--mixed", action="store_true")
    args = parser.parse_args()
    with open(DOCS, encoding="utf-8") as lines:
        docs = [json.loads(line) for line in lines]
    by_story = collections.defaultdict(list)
    for doc in docs:
        by_story[doc["story"]].append(doc)
    rng = random.Random(args.seed)
    if args.mixed:
        sets = mixed_sets(by_story, rng)
    else:
        sets = [
            (story, rng.sample(members, args.size))
            for story, members in sorted(by_story.items())
            if len(members) >= args.size
        ]
    n_right = 0
    with tempfile.TemporaryDirectory() as scratch:
        for name, chosen in sets:
            set_dir = Path(scratch) / name
            set_dir.mkdir()
            for doc in chosen:
                (set_dir / f"{doc['id']}.txt").write_text(doc["text"], encoding="utf-8")
            out = Path(scratch) / f"{name}-out"
            subprocess.run([args.binary, "run", str(set_dir), "--out", str(out), "--quiet"], check=True)
            with open(out / "stories.jsonl", encoding="utf-8") as lines:
                stories = [sorted(json.loads(line)["articles"]) for line in lines]
            gold = collections.defaultdict(list)
            for doc in chosen:
                gold[doc["story"]].append(doc["id"])
            if sorted(stories) == sorted(sorted(ids) for ids in gold.values()):
                n_right += 1
            else:
                print(f"{name}: {stories}")
    what = "three and two reports of two events of one topic" if args.mixed else (
        f"{args.size} reports of one gold story")
    print(f"sets of {what}: {len(sets)}; grouped as the gold has them: {n_right}")


def mixed_sets(by_story, rng):
    """Per ECB+ topic whose two events have at least three and two articles: three of the
    larger event's and two of the other's."""
    by_topic = collections.defaultdict(list)
    for story in sorted(by_story):
        by_topic[by_story[story][0]["topic"]].append(story)
    sets = []
    for topic, stories in sorted(by_topic.items()):
        if len(stories) != 2:
            continue
        big, small = sorted(stories, key=lambda story: -len(by_story[story]))
        if len(by_story[big]) < 3 or len(by_story[small]) < 2:
            continue
        chosen = rng.sample(by_story[big], 3) + rng.sample(by_story[small], 2)
        sets.append((f"topic{topic}", chosen))
    return sets

if __name__ == "__main__":
    main()
