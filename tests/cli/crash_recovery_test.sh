#!/usr/bin/env bash
# A process killed in the middle of an import (SIGKILL just before row 3,000 is
# written) loses no committed row and leaves no partial import; the database opens
# and the same import then succeeds.
source "$(dirname "$0")/lib.sh"

expect_exit 0 "$REUNITE" synth --families 4000 --seed 11 --out "$WORK/lists"
expect_exit 0 "$REUNITE" import --source ORR --kind child "$WORK/lists/children.csv"
committed=$("$REUNITE" people --limit 1000000 2>/dev/null | wc -l)
before=$("$REUNITE" people --limit 1000000 2>/dev/null | md5sum)

code=0
REUNITE_CRASH_AT_ROW=3000 "$REUNITE" import --source ICE --kind adult "$WORK/lists/adults.csv" \
  > "$WORK/out" 2> "$WORK/err" || code=$?
expect_eq "$code" "137" "exit status of the killed import (128 + SIGKILL)"
after=$("$REUNITE" people --limit 1000000 2>/dev/null | md5sum)
expect_eq "$after" "$before" "people after the crash"

expect_exit 0 "$REUNITE" import --source ICE --kind adult "$WORK/lists/adults.csv"
adults=$(($(wc -l < "$WORK/lists/adults.csv") - 1))
expect_contains "$WORK/out" "$adults new"
total=$("$REUNITE" people --limit 1000000 2>/dev/null | wc -l)
expect_eq "$total" "$((committed + adults))" "people after re-running the import"

finish
