#!/usr/bin/env bash
# Issue 13, "one path to the data": `show`, `history` and `match run` go through
# access/ as the local operator (an admin named --actor), so they print what they
# printed before and their reads of protected fields and the run are audited as the
# web's are: show's source rows ("source_rows"), the history's values
# ("history: <groups>"), and the run ("match_run", with its counts).
source "$(dirname "$0")/lib.sh"

expect_exit 0 "$REUNITE" synth --families 12 --seed 11 --out "$WORK/lists"
expect_exit 0 "$REUNITE" --actor olga import --source ORR --kind child "$WORK/lists/children.csv"
expect_exit 0 "$REUNITE" --actor olga import --source ICE --kind adult "$WORK/lists/adults.csv"
children=$(($(wc -l < "$WORK/lists/children.csv") - 1))
adult=$(( children + 1 ))
expect_exit 0 "$REUNITE" --actor olga link 1 "$adult" --relationship mother --reason "child named her"
expect_exit 0 "$REUNITE" --actor olga protect "$adult" --at-risk --notes "threatened" --reason "call"
expect_exit 0 "$REUNITE" --actor olga assign 1 --team north --reason "near Cobán"

# show: the person, the links with names, the source rows as imported.
expect_exit 0 "$REUNITE" --actor olga show 1
expect_contains "$WORK/out" "Family links:"
expect_contains "$WORK/out" "mother: $adult "
expect_contains "$WORK/out" "$(sed -n 2p "$WORK/lists/children.csv")"
expect_exit 0 "$REUNITE" --actor olga show "$adult"
expect_contains "$WORK/out" "mother of 1 "
expect_contains "$WORK/out" "$(sed -n 2p "$WORK/lists/adults.csv")"
expect_exit 3 "$REUNITE" --actor olga show 999999

# history: the record, protection, team and link, each group oldest first.
expect_exit 0 "$REUNITE" --actor olga history "$adult"
expect_contains "$WORK/out" "*: created {"
expect_contains "$WORK/out" 'protection notes: "" -> "threatened"  (call)'
expect_contains "$WORK/out" "link 1 *: created"
expect_exit 0 "$REUNITE" --actor olga history 1
expect_contains "$WORK/out" 'family team: "" -> "north"  (near Cobán)'
expect_exit 3 "$REUNITE" --actor olga history 999999

# match run: as before on stdout, and audited under the actor with the run's number.
expect_exit 0 "$REUNITE" --actor olga match run --threads 1
expect_contains "$WORK/out" "full run: "
expect_contains "$WORK/out" "model health (match run 1)"

expect_exit 0 "$REUNITE" audit --actor olga --limit 1000
expect_contains "$WORK/out" "	olga	admin	read_protected	person	1	cli	source_rows"
expect_contains "$WORK/out" "	olga	admin	read_protected	person	$adult	cli	source_rows"
expect_contains "$WORK/out" "	olga	admin	read_protected	person	1	cli	history: location"
if grep -qE "	read_protected	person	$adult	cli	history: location.*protection_notes\$" "$WORK/out"; then pass
else fail "the history of $adult is not audited with her location and notes"; fi
expect_contains "$WORK/out" "	olga	admin	match_run	match_run	1	cli	full, threshold 0.5: run 1, people "

finish
