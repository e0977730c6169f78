#!/usr/bin/env bash
# reunite match run and review: the queue filled from the database, an accepted
# family link shown by `show`, a rejected pair that stays rejected across re-runs,
# and the usage errors.
source "$(dirname "$0")/lib.sh"

for sub in list show accept reject; do expect_exit 0 "$REUNITE" review "$sub" --help; done
expect_exit 0 "$REUNITE" match run --help

expect_exit 0 "$REUNITE" synth --families 80 --seed 5 --out "$WORK/lists"
expect_exit 0 "$REUNITE" import --source ORR --kind child "$WORK/lists/children.csv"
expect_exit 0 "$REUNITE" import --source ICE --kind adult "$WORK/lists/adults.csv"

expect_exit 0 "$REUNITE" match run
expect_contains "$WORK/out" "full run:"
expect_contains "$WORK/out" "candidates:"
# One health line per model the run trained.
expect_contains "$WORK/out" "model health (match run 1):"
for model in identity_adult identity_child family; do expect_contains "$WORK/out" "  $model: "; done

# A pending child-parent candidate: accept it as documented; `show` has the link.
expect_exit 0 "$REUNITE" review list --kind family_link --limit 5
read -r link child adult < <(awk '$2=="family_link" && ($6=="father" || $6=="mother") {print $1, $4, $5; exit}' "$WORK/out") || true
[ -n "${link:-}" ] && pass || fail "no father or mother candidate listed"
expect_exit 0 "$REUNITE" review show "$link"
for word in "person $child" "person $adult" surname_line apprehension total "lambda " " m 0." " u 0." Role: \
            "Model health (match run 1, full, finished" "  family: "; do
  expect_contains "$WORK/out" "$word"
done
expect_exit 0 "$REUNITE" --actor reviewer review accept "$link" --verification documented --reason "birth certificate"
expect_contains "$WORK/out" "new family link"
expect_exit 0 "$REUNITE" show "$child"
expect_contains "$WORK/out" "Family links:"
expect_contains "$WORK/out" "(documented)"
expect_exit 1 "$REUNITE" review accept "$link"   # already accepted
expect_contains "$WORK/err" "already accepted"

# A duplicate candidate rejected stays rejected, incrementally and on a full re-run.
expect_exit 0 "$REUNITE" review list --kind duplicate --limit 1
dup="$(awk 'NR==2 {print $1}' "$WORK/out")"
[ -n "$dup" ] && pass || fail "no duplicate candidate listed"
expect_exit 2 "$REUNITE" review reject "$dup"   # --reason is required
expect_exit 0 "$REUNITE" --actor reviewer review reject "$dup" --reason "twins, not one person"
expect_exit 0 "$REUNITE" match run
expect_contains "$WORK/out" "incremental run:"
expect_contains "$WORK/out" "0 compared"
expect_contains "$WORK/out" "model health (match run 2): no model was needed"
expect_exit 0 "$REUNITE" match run --full
expect_contains "$WORK/out" "0 new"
expect_contains "$WORK/out" "0 reopened"
expect_exit 0 "$REUNITE" review list --status rejected
expect_eq "$(awk -v id="$dup" '$1==id {print $3}' "$WORK/out")" "rejected" "rejected after re-runs"
expect_exit 0 "$REUNITE" review show "$dup"
expect_contains "$WORK/out" "twins, not one person"
expect_exit 0 "$REUNITE" review list --status accepted
expect_eq "$(awk -v id="$link" '$1==id {print $3}' "$WORK/out")" "accepted" "accepted after re-runs"

# Usage errors and unknown ids.
expect_exit 3 "$REUNITE" review show 999999
expect_exit 3 "$REUNITE" review accept 999999
expect_exit 1 "$REUNITE" review show abc
expect_exit 2 "$REUNITE" review accept "$dup" --verification rejected

# Decisions go through the access services as the local operator: audited.
expect_exit 0 "$REUNITE" audit --actor reviewer --limit 50
expect_contains "$WORK/out" "	review_accept	"
expect_contains "$WORK/out" "	review_reject	"
expect_contains "$WORK/out" "	cli	"

finish
