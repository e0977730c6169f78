#!/usr/bin/env python3
"""Independent generator of synthetic agency lists for separated-family record linkage.

    python3 bench/indep_gen/agency_lists.py --families N --seed S --noise moderate|high --out DIR

Writes children.csv (ORR shelter list, Windows-1252), adults.csv (two ICE systems, UTF-8),
truth_links.csv and truth_entities.csv.  Standard library only; deterministic for given
arguments.  See README.md beside this file for the model."""


import os
import sys

sys.dont_write_bytecode = True          # leave no __pycache__ beside the script
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build import *  # noqa: E402,F401,F403

def generate(n_families, seed, noise, out, children_encoding="cp1252"):
    world = World(seed, noise)
    b = Builder(world)
    rng = world.rng
    links, recent = [], []
    n_uac = round(n_families * 0.12)
    n_loner = round(n_families * 0.04)
    # interleave kinds so that unaccompanied children and lone adults share dates and stations
    kinds = ["fam"] * n_families + ["uac"] * n_uac + ["loner"] * n_loner
    rng.shuffle(kinds)
    fi = 0
    for k in kinds:
        if k == "fam":
            fi += 1
            f = world.family(fi, recent)
            recent.append(f)
            if len(recent) > 12:
                recent.pop(0)
        elif k == "uac":
            f = world.family(None, None, uac=True)
        else:
            f = world.loner()
        if f["kids"]:
            b.children_of(f)
        b.adults_of(f)
        for c in f["kids"]:                     # truth: every child record x every linked adult record
            for crid in b.child_recs.get(c.pid, ()):
                for (a, rel, _) in f["adults"]:
                    if rel is None:
                        continue
                    for arid in b.adult_recs.get(a.pid, ()):
                        links.append((crid, arid, rel))

    os.makedirs(out, exist_ok=True)
    rng.shuffle(b.children)
    rng.shuffle(b.adults)
    with open(os.path.join(out, "children.csv"), "w", newline="", encoding=children_encoding,
              errors="accent_strip") as fh:
        wr = csv.writer(fh)
        wr.writerow(CHILD_COLS)
        wr.writerows(b.children)
    with open(os.path.join(out, "adults.csv"), "w", newline="", encoding="utf-8") as fh:
        wr = csv.writer(fh)
        wr.writerow(ADULT_COLS)
        wr.writerows(b.adults)
    links.sort()
    with open(os.path.join(out, "truth_links.csv"), "w", newline="", encoding="utf-8") as fh:
        wr = csv.writer(fh)
        wr.writerow(["child_record_id", "adult_record_id", "relationship"])
        wr.writerows(links)
    ents = [("children", rid, pid) for pid, rids in b.child_recs.items() for rid in rids]
    ents += [("adults", rid, pid) for pid, rids in b.adult_recs.items() for rid in rids]
    ents.sort()
    with open(os.path.join(out, "truth_entities.csv"), "w", newline="", encoding="utf-8") as fh:
        wr = csv.writer(fh)
        wr.writerow(["list", "record_id", "person_id"])
        wr.writerows(ents)
    return len(b.children), len(b.adults), len(links)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--families", type=int, required=True)
    ap.add_argument("--seed", default="1")
    ap.add_argument("--noise", choices=["moderate", "high"], default="moderate")
    ap.add_argument("--out", required=True)
    ap.add_argument("--children-encoding", default="cp1252", choices=["cp1252", "utf-8"],
                    help="encoding of children.csv (default cp1252, as an Excel export)")
    a = ap.parse_args(argv)
    nc, na, nl = generate(a.families, a.seed, a.noise, a.out, a.children_encoding)
    print(f"families={a.families} children_records={nc} adult_records={na} truth_links={nl} -> {a.out}")


if __name__ == "__main__":
    main()
