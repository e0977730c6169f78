#!/usr/bin/env bash
# `family list` (issue 14): the coordinators' families list from the command line,
# with its saved views and follow-up filters, as a table and as CSV; every listing
# is audited as an export.
source "$(dirname "$0")/lib.sh"

printf 'record_id,given_names,surnames,sex,date_of_birth,country\nORR-1,Ana,Xol Caal,F,2012-03-04,GT\nORR-2,Luis,Pop Tut,M,2010-01-02,GT\n' > "$WORK/children.csv"
printf 'record_id,given_names,surnames,sex,date_of_birth,country,phones\nICE-1,José,Xol Pop,M,1985-02-03,GT,+502 5555 1234\nICE-2,Pedro,Pop Ical,M,1980-05-06,GT,+502 5555 4321\n' > "$WORK/adults.csv"
expect_exit 0 "$REUNITE" import --quiet --source ORR --kind child --date-order iso "$WORK/children.csv"
expect_exit 0 "$REUNITE" import --quiet --source ICE --kind adult --date-order iso "$WORK/adults.csv"
expect_exit 0 "$REUNITE" link 1 3 --relationship father --verification documented --reason "birth certificate"
expect_exit 0 "$REUNITE" link 2 4 --relationship father --verification claimed --reason "the child says so"

expect_exit 0 "$REUNITE" family list
expect_eq "$(wc -l < "$WORK/out")" "2" "families listed"
expect_exit 0 "$REUNITE" family list --view not_reached
expect_eq "$(wc -l < "$WORK/out")" "2" "both fathers still to reach"

# José is reached: his family leaves "not reached" and enters "located, no decision".
expect_exit 0 "$REUNITE" contact add --adult 3 --kind call --result no_answer --number +50255551234
expect_exit 0 "$REUNITE" tracing set 3 --to phone_attempted --contact 1
expect_exit 0 "$REUNITE" contact add --adult 3 --kind call --result reached_parent --number +50255551234
expect_exit 0 "$REUNITE" tracing set 3 --to in_contact --contact 2
expect_exit 0 "$REUNITE" family list --view not_reached --csv
expect_eq "$(sed -n 1p "$WORK/out" | cut -d, -f1-4)" "child_id,child,tracing,decision" "CSV header"
expect_eq "$(tail -n +2 "$WORK/out" | cut -d, -f1)" "2" "only Luis's family is still to reach"
expect_exit 0 "$REUNITE" family list --view located_no_decision
expect_eq "$(cut -f1,3,4 "$WORK/out")" "$(printf '1\tin_contact\tpending')" "Ana's family: located, no decision"

# Filters by a parent's name; a deadline within 7 days.
expect_exit 0 "$REUNITE" family list --name pedro
expect_eq "$(cut -f1 "$WORK/out")" "2" "--name pedro"
expect_exit 0 "$REUNITE" deadline add --title "Call back" --kind internal --due "$(date -u -d '+3 days' +%F)" --adult 4
expect_exit 0 "$REUNITE" family list --view deadline_7
expect_eq "$(cut -f1 "$WORK/out")" "2" "deadline within 7 days"

# Each listing is an audited export; a wrong view is a usage error.
[ "$(sqlite3 "$REUNITE_DB" "SELECT COUNT(*) FROM audit_log WHERE action = 'export_families'")" -ge 6 ] && pass ||
  fail "family list is not audited"
expect_exit 2 "$REUNITE" family list --view everything

finish
