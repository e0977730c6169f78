#!/usr/bin/env python3
"""Pairwise precision, recall and F1 of a `reunite match dedupe` clusters file against a
truth column of its input (records with the same truth value are the same person).

The labels are used for scoring only. Recall is against ALL true pairs, so pairs that
blocking never compared count as missed. Counts come from cluster sizes, so a runaway
cluster of thousands of records is scored without listing its pairs.

  cluster_score.py CLUSTERS.csv INPUT.csv [--id unique_id] [--truth cluster]

CLUSTERS.csv has record_id, cluster_id (as `reunite match dedupe --out` writes it).
"""
import argparse
import collections
import csv
import sys


def pairs(n):
    return n * (n - 1) // 2


def read_truth(path, id_column, truth_column):
    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.DictReader(f, skipinitialspace=True)
        for column in (id_column, truth_column):
            if column not in (rows.fieldnames or []):
                sys.exit(f"{path}: no column {column!r} (columns: {', '.join(rows.fieldnames or [])})")
        truth = {}
        for line, r in enumerate(rows, start=2):
            rid = r[id_column].strip()
            if rid in truth:
                sys.exit(f"{path}:{line}: record id {rid!r} repeated")
            truth[rid] = r[truth_column].strip()
        return truth


def read_clusters(path, truth):
    with open(path, newline="", encoding="utf-8") as f:
        clusters = {}
        for line, r in enumerate(csv.DictReader(f), start=2):
            rid = r["record_id"]
            if rid not in truth:
                sys.exit(f"{path}:{line}: record {rid!r} is not in the input")
            clusters[rid] = r["cluster_id"]
    missing = len(truth) - len(clusters)
    if missing:
        sys.exit(f"{path}: {missing} records of the input have no cluster")
    return clusters


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("clusters")
    parser.add_argument("input")
    parser.add_argument("--id", default="unique_id", help="record id column of the input")
    parser.add_argument("--truth", default="cluster", help="truth column of the input")
    a = parser.parse_args()
    truth = read_truth(a.input, a.id, a.truth)
    clusters = read_clusters(a.clusters, truth)
    predicted_sizes = collections.Counter(clusters.values())
    true_sizes = collections.Counter(truth.values())
    both = collections.Counter((clusters[r], truth[r]) for r in truth)
    predicted = sum(pairs(n) for n in predicted_sizes.values())
    true_pairs = sum(pairs(n) for n in true_sizes.values())
    correct = sum(pairs(n) for n in both.values())
    precision = correct / predicted if predicted else 1.0
    recall = correct / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    largest = max(predicted_sizes.items(), key=lambda kv: kv[1])
    print(f"records {len(truth)}, clusters {len(predicted_sizes)} (true {len(true_sizes)}), largest cluster "
          f"{largest[1]} records ('{largest[0]}'; largest true {max(true_sizes.values())})")
    print(f"predicted pairs {predicted}, true pairs {true_pairs}, correct {correct}: "
          f"precision {precision:.4f}, recall {recall:.4f}, F1 {f1:.4f}")


if __name__ == "__main__":
    main()
