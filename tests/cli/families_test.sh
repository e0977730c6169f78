#!/usr/bin/env bash
# reunite match families and families-explain on synthetic lists: the output's shape,
# a correctness guard on accuracy (not timing), determinism, and the usage errors.
source "$(dirname "$0")/lib.sh"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"

for sub in families families-explain; do expect_exit 0 "$REUNITE" match "$sub" --help; done
expect_exit 2 "$REUNITE" match families "$WORK/none.csv" "$WORK/none.csv"   # --out missing
expect_exit 5 "$REUNITE" match families "$WORK/none.csv" "$WORK/none.csv" --out "$WORK/x.csv"

expect_exit 0 "$REUNITE" synth --families 300 --seed 11 --out "$WORK/lists"
expect_exit 0 "$REUNITE" match families "$WORK/lists/children.csv" "$WORK/lists/adults.csv" --out "$WORK/links.csv" --verbose
expect_contains "$WORK/out" "child-adult links"
expect_contains "$WORK/err" "surname_line"
expect_eq "$(head -1 "$WORK/links.csv")" "child_record_id,adult_record_id,relationship,probability" "links header"

# Accuracy guard: pairwise F1 over (child, adult record) at least 0.9.
f1="$(python3 "$ROOT/scripts/synth_score.py" families "$WORK/links.csv" "$WORK/lists/truth_links.csv" |
      sed -n 's/.*F1 \([0-9.]*\).*/\1/p')"
if python3 -c "import sys; sys.exit(0 if float('$f1') >= 0.9 else 1)"; then pass; else fail "family F1 $f1 < 0.9"; fi

# Same input: the same file, whatever the threads.
expect_exit 0 "$REUNITE" match families "$WORK/lists/children.csv" "$WORK/lists/adults.csv" --out "$WORK/links1.csv" --threads 1
if cmp -s "$WORK/links.csv" "$WORK/links1.csv"; then pass; else fail "families differs with 1 thread"; fi

# A true father or mother link explains as linked, with every comparison shown.
read -r c a < <(awk -F, '$3=="father" || $3=="mother" {print $1, $2; exit}' "$WORK/links.csv")
expect_exit 0 "$REUNITE" match families-explain "$WORK/lists/children.csv" "$WORK/lists/adults.csv" \
  --child-id "$c" --adult-id "$a"
for word in prior surname_line child_named adult_named apprehension age_gap "match weight" "role:" "linked as"; do
  expect_contains "$WORK/out" "$word"
done
expect_exit 3 "$REUNITE" match families-explain "$WORK/lists/children.csv" "$WORK/lists/adults.csv" \
  --child-id "$c" --adult-id no-such-id
expect_contains "$WORK/err" "no record 'no-such-id'"

# Suggestions carry the evidence a reviewer reads: each comparison's level and weight,
# and for a linked pair the same weight the explanation sums to.
expect_exit 0 "$REUNITE" match families "$WORK/lists/children.csv" "$WORK/lists/adults.csv" --out "$WORK/l2.csv" \
  --suggestions "$WORK/sugg.csv"
expect_eq "$(head -1 "$WORK/sugg.csv")" "child_record_id,rank,adult_record_id,relationship,probability,evidence" \
  "suggestions header"
python3 - "$WORK/sugg.csv" <<'PY' && pass || fail "suggestions evidence"
import csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert rows, "no suggestions"
for r in rows:
    steps = r["evidence"].split("; ")
    assert all(re.fullmatch(r"[a-z_]+: .+ [+-][0-9]+\.[0-9]", s) for s in steps), r["evidence"]
    assert "null" not in r["evidence"], r["evidence"]
assert any("surname_line: " in r["evidence"] for r in rows)
PY

# The lists swapped: adults are not a children's list (an adult status is refused).
expect_exit 1 "$REUNITE" match families "$WORK/lists/adults.csv" "$WORK/lists/children.csv" --out "$WORK/bad.csv"

finish
