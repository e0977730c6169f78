#!/usr/bin/env bash
# reunite assign and protect (a family to a field team; a person at risk, with notes),
# their errors, and the audit log entries of the commands that read or write case
# data as the local operator: import, people (list and search), link, assign, protect.
source "$(dirname "$0")/lib.sh"

for cmd in assign protect; do expect_exit 0 "$REUNITE" "$cmd" --help; done

expect_exit 0 "$REUNITE" synth --families 20 --seed 5 --out "$WORK/lists"
expect_exit 0 "$REUNITE" --actor olga import --source ORR --kind child "$WORK/lists/children.csv"
expect_exit 0 "$REUNITE" --actor olga import --source ICE --kind adult "$WORK/lists/adults.csv"
children=$(($(wc -l < "$WORK/lists/children.csv") - 1))
adult=$(( children + 1 ))

# Assign: a child's family to a team, then away again; the journal has both.
expect_exit 0 "$REUNITE" --actor olga assign 1 --team north --reason "last seen near Cobán"
expect_contains "$WORK/out" "family of child 1: team north"
expect_exit 0 "$REUNITE" --actor olga assign 2 --team north --reason "same village"
expect_exit 0 "$REUNITE" --actor olga assign 2 --unassign --reason "wrong village"
expect_contains "$WORK/out" "family of child 2: unassigned"
# Bad input names the field and writes nothing.
expect_exit 2 "$REUNITE" assign 1 --reason "no team"                      # --team or --unassign needed
expect_exit 2 "$REUNITE" assign 1 --team north --unassign --reason "both"
expect_exit 2 "$REUNITE" assign 1 --team north                            # --reason is required
expect_exit 1 "$REUNITE" assign 1 --team north --reason " "
expect_contains "$WORK/err" "reason: required"
expect_exit 1 "$REUNITE" assign 1 --team "$(printf 'n%.0s' {1..65})" --reason "long"
expect_contains "$WORK/err" "team: too long"
expect_exit 1 "$REUNITE" assign "$adult" --team north --reason "an adult"
expect_contains "$WORK/err" "is not a child"
expect_exit 3 "$REUNITE" assign 999999 --team north --reason "nobody"
expect_exit 1 "$REUNITE" assign abc --team north --reason "not an id"

# Protect: at risk with notes; --no-at-risk keeps the notes when --notes is left out.
expect_exit 0 "$REUNITE" --actor olga protect "$adult" --at-risk --notes "threatened by the smuggler" --reason "call"
expect_contains "$WORK/out" "person $adult: at risk (notes set)"
expect_exit 0 "$REUNITE" --actor olga protect "$adult" --no-at-risk --reason "moved to safety"
expect_contains "$WORK/out" "person $adult: not at risk (notes kept)"
expect_exit 2 "$REUNITE" protect "$adult" --reason "neither flag"
expect_exit 2 "$REUNITE" protect "$adult" --at-risk --no-at-risk --reason "both flags"
expect_exit 1 "$REUNITE" protect "$adult" --at-risk --notes "$(head -c 4001 /dev/zero | tr '\0' x)" --reason "long"
expect_contains "$WORK/err" "notes: too long"
expect_exit 3 "$REUNITE" protect 999999 --at-risk --reason "nobody"

expect_exit 0 "$REUNITE" history 1
expect_contains "$WORK/out" 'family team: "" -> "north"  (last seen near Cobán)'
expect_exit 0 "$REUNITE" history "$adult"
expect_contains "$WORK/out" 'protection at_risk: "0" -> "1"  (call)'
expect_contains "$WORK/out" 'protection at_risk: "1" -> "0"  (moved to safety)'
expect_exit 0 "$REUNITE" --actor olga link 1 "$adult" --relationship mother --reason "child named her"

# Lists and searches are audited as the local operator, with the query.
expect_exit 0 "$REUNITE" --actor olga people --kind adult --limit 3
expect_exit 0 "$REUNITE" --actor olga people --search "maria lopez"

expect_exit 0 "$REUNITE" audit --actor olga --limit 100
for action in import assign_family set_protection link_family list_people search_people; do
  expect_contains "$WORK/out" "	$action	"
done
expect_contains "$WORK/out" "	cli	"
expect_contains "$WORK/out" "team '' -> 'north': last seen near Cobán"
expect_contains "$WORK/out" "'maria lopez'"
# The protection notes stay out of the audit log, which auditors read.
if grep -qF "threatened by the smuggler" "$WORK/out"; then fail "audit log holds protection notes"; else pass; fi
# Refused input wrote no audit entry either: two assignments and one unassignment.
expect_eq "$(grep -c "	assign_family	" "$WORK/out")" "3" "assign_family entries"

finish
