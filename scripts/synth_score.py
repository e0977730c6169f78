#!/usr/bin/env python3
"""Scores `reunite match` outputs on `reunite synth` lists against their truth files.

  synth_score.py families LINKS.csv TRUTH_LINKS.csv
      LINKS: child_record_id, adult_record_id, relationship, probability.
      Pairwise precision, recall and F1 over (child, adult record) pairs, then the
      relationship accuracy among the true positives. The truth's legal_guardian is
      counted right when predicted legal_guardian (the families command's name for an
      adult who calls the child "menor", unrelated by name).
  synth_score.py suggestions SUGGESTIONS.csv TRUTH_LINKS.csv TRUTH_ENTITIES.csv
      SUGGESTIONS: child_record_id, rank, adult_record_id, ... (match families
      --suggestions: each child's 3 most probable candidate adults, every record of
      each). Recall at 3: the share of (child record, true adult person) pairs whose
      adult is among the child's suggestions, and the share of child records with all
      their true adults there.
  synth_score.py invariants LINKS.csv TRUTH_ENTITIES.csv
      What no run should break, whatever the truth: the most adults (people, by the
      truth's person ids) linked to one child record, and the most child records
      linked to one adult; a family is a handful of people.
  synth_score.py dedupe CLUSTERS.csv TRUTH_ENTITIES.csv [LIST]
      CLUSTERS: record_id, cluster_id. Pairwise precision, recall and F1 over pairs of
      records of one list (default "adults") that are the same person.

Recall is against ALL true pairs, so pairs that blocking never compared count as missed.
Labels are used for scoring only, never for training.
"""
import collections
import csv
import itertools
import sys

# Pairwise scoring is shared with the FEBRL scorer beside this file.
from febrl_score import pairs_within, score


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def families(links_path, truth_path):
    predicted = {(r["child_record_id"], r["adult_record_id"]): r["relationship"] for r in read(links_path)}
    truth = {(r["child_record_id"], r["adult_record_id"]): r["relationship"] for r in read(truth_path)}
    tp, p, r, f1 = score(set(predicted), set(truth))
    print(f"family links: predicted {len(predicted)}, true {len(truth)}, true positives {tp}")
    print(f"  precision {p:.4f}  recall {r:.4f}  F1 {f1:.4f}")
    confusion = collections.Counter()
    for pair in set(predicted) & set(truth):
        confusion[(truth[pair], predicted[pair])] += 1
    right = sum(n for (t, q), n in confusion.items() if t == q)
    print(f"  relationship accuracy among true positives {right / tp if tp else 1.0:.4f}")
    for (t, q), n in sorted(confusion.items()):
        if t != q:
            print(f"    truth {t} predicted {q}: {n}")
    missed = collections.Counter(truth[pair] for pair in set(truth) - set(predicted))
    print("  missed by truth relationship: " + ", ".join(f"{k} {v}" for k, v in sorted(missed.items())))


def suggestions(suggestions_path, links_path, entities_path):
    suggested = collections.defaultdict(set)
    for r in read(suggestions_path):
        suggested[r["child_record_id"]].add(r["adult_record_id"])
    person = {r["record_id"]: r["person_id"] for r in read(entities_path) if r["list"] == "adults"}
    wanted = collections.defaultdict(set)  # child record -> true adult persons
    for r in read(links_path):
        wanted[r["child_record_id"]].add(person.get(r["adult_record_id"], r["adult_record_id"]))
    hits = total = children_all = 0
    for child, persons in wanted.items():
        found = {person.get(a, a) for a in suggested.get(child, ())}
        hits += len(persons & found)
        total += len(persons)
        children_all += persons <= found
    print(f"suggestions: recall@3 {hits / total if total else 1.0:.4f} of {total} (child, true adult) pairs; "
          f"children with every true adult in their top 3 {children_all / len(wanted) if wanted else 1.0:.4f}")


def invariants(links_path, entities_path):
    person = {r["record_id"]: r["person_id"] for r in read(entities_path) if r["list"] == "adults"}
    adults_of = collections.defaultdict(set)
    children_of = collections.defaultdict(set)
    for r in read(links_path):
        adult = person.get(r["adult_record_id"], r["adult_record_id"])
        adults_of[r["child_record_id"]].add(adult)
        children_of[adult].add(r["child_record_id"])
    most_adults = max((len(v) for v in adults_of.values()), default=0)
    most_children = max((len(v) for v in children_of.values()), default=0)
    print(f"invariants: at most {most_adults} adults linked to one child, "
          f"at most {most_children} child records linked to one adult")


def dedupe(clusters_path, truth_path, list_name):
    clusters = collections.defaultdict(list)
    for r in read(clusters_path):
        clusters[r["cluster_id"]].append(r["record_id"])
    people = collections.defaultdict(list)
    for r in read(truth_path):
        if r["list"] == list_name:
            people[r["person_id"]].append(r["record_id"])
    tp, p, r, f1 = score(pairs_within(clusters), pairs_within(people))
    print(f"{list_name} dedupe: true pairs {len(pairs_within(people))}, true positives {tp}")
    print(f"  precision {p:.4f}  recall {r:.4f}  F1 {f1:.4f}")


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "families":
        families(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "invariants":
        invariants(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "suggestions":
        suggestions(sys.argv[2], sys.argv[3], sys.argv[4])
    elif len(sys.argv) in (4, 5) and sys.argv[1] == "dedupe":
        dedupe(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) == 5 else "adults")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
