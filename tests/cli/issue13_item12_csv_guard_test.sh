#!/usr/bin/env bash
# Issue 13, item 12: the CLI's CSV exports neutralise cells a spreadsheet would run
# as a formula (=HYPERLINK(...), @SUM(1), a leading TAB) with a leading quote, and
# leave plain text and numbers alone (common/csv_writer.h).
source "$(dirname "$0")/lib.sh"

printf 'record_id,given_names,surnames,sex,date_of_birth,country,phones\nICE-1,José,Xol Pop,M,1985-02-03,GT,+502 5555 1234\n' \
  > "$WORK/adults.csv"
expect_exit 0 "$REUNITE" import --quiet --source ICE --kind adult --date-order iso "$WORK/adults.csv"
adult=1
tab=$'\t'

# expect_no_formula FILE: no cell of FILE (a CSV without embedded line breaks)
# starts with = + - @ or TAB, after optional spaces and an opening quote.
expect_no_formula() {
  if awk -F, '{ for (i = 1; i <= NF; i++) if ($i ~ /^"? *[=+@\t-]/) { print; exit 1 } }' "$1"; then pass
  else fail "$1 has a cell a spreadsheet would run"; sed 's/^/  | /' "$1" | head -20 >&2; fi
}

# search-task list --csv and plan --csv: places and the organisation are free text.
expect_exit 0 "$REUNITE" search-task add --adult $adult --country GT --department GT-AV \
  --municipality '=HYPERLINK("http://x")' --village '@SUM(1)' --org "${tab}ICRC" --team north
expect_exit 0 "$REUNITE" search-task list --csv
cp "$WORK/out" "$WORK/tasks.csv"
expect_contains "$WORK/tasks.csv" "\"'=HYPERLINK(\"\"http://x\"\")\",'@SUM(1),'${tab}ICRC,north,open"
expect_no_formula "$WORK/tasks.csv"
expect_exit 0 "$REUNITE" search-task plan --csv
cp "$WORK/out" "$WORK/plan.csv"
expect_contains "$WORK/plan.csv" "GT,GT-AV,\"'=HYPERLINK(\"\"http://x\"\")\",'@SUM(1),1,"
expect_no_formula "$WORK/plan.csv"

# report overdue --csv: deadline titles are free text.
for title in '=HYPERLINK("http://x")' '@SUM(1)' "${tab}call the consulate" '-2+3' 'Status filing'; do
  expect_exit 0 "$REUNITE" deadline add "--title=$title" --kind court --due 2018-07-26 --adult $adult
done
expect_exit 0 "$REUNITE" report overdue --csv
cp "$WORK/out" "$WORK/overdue.csv"
expect_contains "$WORK/overdue.csv" ",court,\"'=HYPERLINK(\"\"http://x\"\")\",,$adult,"
expect_contains "$WORK/overdue.csv" ",court,'@SUM(1),,$adult,"
expect_contains "$WORK/overdue.csv" ",court,'${tab}call the consulate,,$adult,"
expect_contains "$WORK/overdue.csv" ",court,'-2+3,,$adult,"
expect_contains "$WORK/overdue.csv" ",court,Status filing,,$adult,"
expect_no_formula "$WORK/overdue.csv"

finish
