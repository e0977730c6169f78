#!/usr/bin/env bash
# The import life cycle through the CLI: synth -> init -> import -> re-import ->
# updated list -> history; bad files write nothing; every command has --help.
source "$(dirname "$0")/lib.sh"

for cmd in init import people show history link synth; do
  expect_exit 0 "$REUNITE" "$cmd" --help
done
expect_exit 2 "$REUNITE" no-such-command
expect_exit 2 "$REUNITE" import --kind child "$WORK/none.csv"   # --source missing

expect_exit 0 "$REUNITE" synth --families 60 --seed 3 --out "$WORK/lists"
expect_exit 0 "$REUNITE" init
expect_contains "$WORK/out" "schema version"

expect_exit 0 "$REUNITE" import --source ORR --kind child "$WORK/lists/children.csv"
children=$(($(wc -l < "$WORK/lists/children.csv") - 1))
expect_contains "$WORK/out" "$children new"
expect_exit 0 "$REUNITE" import --source ICE --kind adult "$WORK/lists/adults.csv"

# Re-importing the same file changes nothing.
expect_exit 0 "$REUNITE" import --source ORR --kind child "$WORK/lists/children.csv"
expect_contains "$WORK/out" "0 new, 0 updated (0 fields), $children unchanged"

# A newer version of the list: one child's location changed.
python3 - "$WORK/lists/children.csv" "$WORK/children_v2.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
loc = rows[0].index('Facility')
rows[1][loc] = 'Cayuga Centers, New York'
csv.writer(open(sys.argv[2], 'w', newline='', encoding='utf-8'), lineterminator='\n').writerows(rows)
print(rows[1][0])
PY
expect_exit 0 "$REUNITE" import --source ORR --kind child "$WORK/children_v2.csv"
expect_contains "$WORK/out" "0 new, 1 updated"
"$REUNITE" history 1 > "$WORK/history"
expect_contains "$WORK/history" "Cayuga Centers, New York"
expect_contains "$WORK/history" "import ORR $WORK/children_v2.csv:2"

expect_exit 0 "$REUNITE" show 1
expect_contains "$WORK/out" "Source rows:"
expect_contains "$WORK/out" "children_v2.csv:2"
expect_exit 3 "$REUNITE" show 999999
expect_exit 1 "$REUNITE" show abc

# Family links: add, change, see them in show and history; roles are checked.
adult=$(( children + 1 ))
expect_exit 0 "$REUNITE" link 1 "$adult" --relationship mother --reason "child named her"
expect_contains "$WORK/out" "linked: mother $adult of child 1"
expect_exit 0 "$REUNITE" link 1 "$adult" --relationship mother --verification documented --reason "birth certificate"
expect_contains "$WORK/out" "1 fields changed"
expect_exit 0 "$REUNITE" show 1
expect_contains "$WORK/out" "mother: $adult"
expect_contains "$WORK/out" "(documented)"
expect_exit 0 "$REUNITE" history 1
expect_contains "$WORK/out" 'verification: "claimed" -> "documented"  (birth certificate)'
expect_exit 1 "$REUNITE" link "$adult" 1 --relationship mother --reason "backwards"
expect_exit 2 "$REUNITE" link 1 "$adult" --relationship aunt --reason "no such relationship"

# A bad row anywhere: nothing is written, errors name file:line:column.
before=$("$REUNITE" people --limit 100000 2>/dev/null | md5sum)
cp "$WORK/lists/adults.csv" "$WORK/bad.csv"
echo 'X-1,Juan,Lopez,M,2010-02-30,GT,,,,,,,,,' >> "$WORK/bad.csv"
lines=$(wc -l < "$WORK/bad.csv")
expect_exit 1 "$REUNITE" import --source NEW --kind adult "$WORK/bad.csv"
expect_contains "$WORK/err" "bad.csv:$lines:"
expect_contains "$WORK/out" "nothing was written"
after=$("$REUNITE" people --limit 100000 2>/dev/null | md5sum)
expect_eq "$after" "$before" "people after a failed import"

# --dry-run reports but writes nothing.
expect_exit 0 "$REUNITE" import --source DRY --kind adult --dry-run "$WORK/lists/adults.csv"
expect_contains "$WORK/out" "would import"
after=$("$REUNITE" people --limit 100000 2>/dev/null | md5sum)
expect_eq "$after" "$before" "people after a dry run"

# Search is case- and accent-insensitive.
name=$(python3 -c "import csv,sys; r=list(csv.DictReader(open('$WORK/lists/adults.csv',encoding='utf-8'))); print(r[0]['surnames'].split()[0].upper())")
expect_exit 0 "$REUNITE" people --search "$name" --kind adult
[ -s "$WORK/out" ] && pass || fail "search for $name found nobody"

finish
