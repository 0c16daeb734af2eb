#!/usr/bin/env python3
"""Scores a run's copies.jsonl against a generated corpus's answers.

Usage:
    target/release/storyline-gen 100000 42 --truth > corpus.jsonl
    target/release/storyline run corpus.jsonl --out OUT
    python3 bench/copies/score.py corpus.jsonl OUT/copies.jsonl

A copy family is a set of articles joined by copy edges: the generator's (`truth_copy_of`)
or the run's. A copy of a copy is in its original's family, and storyline names one member
(the best-scoring) as the original of every other member, so edges are scored by family:

* recall: the generator's copies whose article copied is in the same run family;
* precision: the run's edges whose two articles are in the same generated family;
* original: of the run's edges inside a generated family, those naming the family's root
  (the independent report every member descends from);
* kinds: for the run's edges that join a copy to the very article it copies, the kind
  found against the kind made (exact / near_duplicate / rewrite).

Only the standard library; no third-party package.
"""

import json
import sys
from collections import Counter, defaultdict


def find(parent, x):
    while parent.setdefault(x, x) != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def union(parent, a, b):
    ra, rb = find(parent, a), find(parent, b)
    if ra != rb:
        parent[rb] = ra


def main(corpus_path, copies_path):
    copy_of = {}
    kind_made = {}
    with open(corpus_path, encoding="utf-8") as corpus:
        for line in corpus:
            record = json.loads(line)
            if "truth_copy_of" in record:
                copy_of[record["id"]] = record["truth_copy_of"]
                kind_made[record["id"]] = record["truth_copy_kind"]
    if not copy_of:
        sys.exit(f"{corpus_path}: no truth_copy_of fields (generate it with --truth)")

    def root(doc):
        while doc in copy_of:
            doc = copy_of[doc]
        return doc

    edges = []
    with open(copies_path, encoding="utf-8") as copies:
        for line in copies:
            edge = json.loads(line)
            edges.append((edge["copy"], edge["original"], edge["kind"]))

    run_family = {}
    for copy, original, _ in edges:
        union(run_family, copy, original)

    made = Counter(kind_made.values())
    recalled = Counter(
        kind_made[copy]
        for copy, original in copy_of.items()
        if find(run_family, copy) == find(run_family, original)
    )
    inside = [(c, o, k) for c, o, k in edges if root(c) == root(o)]
    right_original = sum(1 for c, o, _ in inside if o == root(c))
    kinds = Counter((kind_made[c], k) for c, o, k in edges if copy_of.get(c) == o)

    print(f"generated copies {sum(made.values())}, run edges {len(edges)}")
    for kind in ("exact", "near_duplicate", "rewrite"):
        n = made[kind]
        share = recalled[kind] / n if n else 0.0
        print(f"  recall {kind:15s} {recalled[kind]:7d} / {n:7d} = {share:.4f}")
    total = sum(made.values())
    print(f"  recall {'all':15s} {sum(recalled.values()):7d} / {total:7d} = "
          f"{sum(recalled.values()) / total:.4f}")
    precision = len(inside) / len(edges) if edges else 0.0
    print(f"precision (edge inside a generated family) {len(inside)} / {len(edges)} = "
          f"{precision:.4f}")
    share = right_original / len(inside) if inside else 0.0
    print(f"original named right {right_original} / {len(inside)} = {share:.4f}")
    print("kinds (made -> found), edges from a copy to the article it copies:")
    for (made_kind, found_kind), n in sorted(kinds.items()):
        print(f"  {made_kind:15s} -> {found_kind:15s} {n}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
