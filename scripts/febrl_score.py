#!/usr/bin/env python3
"""Pairwise precision, recall and F1 of a `reunite match` output on FEBRL files.

Truth comes from the FEBRL record ids only (rec-N-org and rec-N-dup-K share N); the
labels are used for scoring, never for training. Recall is against ALL true pairs,
so pairs that blocking never compared count as missed.

  febrl_score.py link PAIRS.csv LEFT.csv RIGHT.csv     (left_id, right_id, ...)
  febrl_score.py dedupe CLUSTERS.csv INPUT.csv         (record_id, cluster_id)
"""
import collections
import csv
import itertools
import re
import sys


def entity(rec_id):
    m = re.match(r"rec-(\d+)-", rec_id.strip())
    if not m:
        sys.exit(f"not a FEBRL record id: {rec_id!r}")
    return m.group(1)


def ids_of(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f, skipinitialspace=True)
        next(rows)
        return [r[0].strip() for r in rows if r]


def pairs_within(groups):
    out = set()
    for members in groups.values():
        for a, b in itertools.combinations(sorted(members), 2):
            out.add((a, b))
    return out


def score(predicted, truth):
    tp = len(predicted & truth)
    precision = tp / len(predicted) if predicted else 1.0
    recall = tp / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return tp, precision, recall, f1


def main():
    if len(sys.argv) >= 5 and sys.argv[1] == "link":
        with open(sys.argv[2], newline="", encoding="utf-8") as f:
            predicted = {(r["left_id"], r["right_id"]) for r in csv.DictReader(f)}
        right_by_entity = collections.defaultdict(list)
        for rid in ids_of(sys.argv[4]):
            right_by_entity[entity(rid)].append(rid)
        truth = {(l, r) for l in ids_of(sys.argv[3]) for r in right_by_entity[entity(l)]}
    elif len(sys.argv) >= 4 and sys.argv[1] == "dedupe":
        with open(sys.argv[2], newline="", encoding="utf-8") as f:
            clusters = collections.defaultdict(list)
            for r in csv.DictReader(f):
                clusters[r["cluster_id"]].append(r["record_id"])
        predicted = pairs_within(clusters)
        by_entity = collections.defaultdict(list)
        for rid in ids_of(sys.argv[3]):
            by_entity[entity(rid)].append(rid)
        truth = pairs_within(by_entity)
    else:
        sys.exit(__doc__)
    tp, p, r, f1 = score(predicted, truth)
    print(f"predicted pairs {len(predicted)}, true pairs {len(truth)}, correct {tp}: "
          f"precision {p:.4f}, recall {r:.4f}, F1 {f1:.4f}")


if __name__ == "__main__":
    main()
