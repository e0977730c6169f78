#!/usr/bin/env bash
# The workflow through the command line: one family walked from an unknown parent
# to closed as reunified (failed call, field search, visit, call, decision,
# eligibility, logistics, closure), with illegal steps refused and nothing
# written by a refusal; search-task lists and CSV; deadlines and report overdue.
source "$(dirname "$0")/lib.sh"

for sub in "tracing set" "tracing show" "contact add" "contact list" "search-task add" "search-task assign" \
           "search-task close" "search-task list" "search-task plan" "decision set" "decision show" \
           "eligibility flag" "eligibility review" "eligibility resolve" "eligibility show" "logistics plan" \
           "logistics step" "logistics show" "family close" "family reopen" "family show" "deadline add" \
           "deadline done" "deadline list" "report overdue"; do
  expect_exit 0 "$REUNITE" $sub --help
done

printf 'record_id,given_names,surnames,sex,date_of_birth,country\nORR-1,Ana,Xol Caal,F,2012-03-04,GT\n' > "$WORK/children.csv"
printf 'record_id,given_names,surnames,sex,date_of_birth,country,phones\nICE-1,José,Xol Pop,M,1985-02-03,GT,+502 5555 1234\nICE-2,María,Caal Tut,F,1987-05-06,GT,\n' > "$WORK/adults.csv"
expect_exit 0 "$REUNITE" import --quiet --source ORR --kind child --date-order iso "$WORK/children.csv"
expect_exit 0 "$REUNITE" import --quiet --source ICE --kind adult --date-order iso "$WORK/adults.csv"
child=1; father=2; mother=3
expect_exit 0 "$REUNITE" link $child $father --relationship father --verification documented --reason "birth certificate"

journal_rows() { sqlite3 "$REUNITE_DB" "SELECT COUNT(*) FROM journal"; }
today="$(date -u +%F)"

# The first-contact rule: the father is due within 7 days, overdue after.
expect_exit 0 "$REUNITE" report overdue --within 8
expect_contains "$WORK/out" "first contact attempt with parent $father"
expect_exit 0 "$REUNITE" report overdue --as-of "$(date -u -d '+9 days' +%F)" --within 0
expect_contains "$WORK/out" "overdue"
expect_exit 1 "$REUNITE" report overdue --as-of "next week"
expect_contains "$WORK/err" "as_of: 'next week' is not a UTC time"

# unknown -> phone_attempted -> not_reachable by a failed call.
expect_exit 1 "$REUNITE" contact add --adult $father --kind call --result no_answer   # no --number
expect_contains "$WORK/err" "number: required for a call"
expect_exit 0 "$REUNITE" --actor ana contact add --adult $father --kind call --result no_answer --number +50255551234
expect_contains "$WORK/out" "contact 1 added"
before="$(journal_rows)"
expect_exit 1 "$REUNITE" tracing set $father --to located --contact 1
expect_contains "$WORK/err" "cannot move parent $father from unknown to located: a transition to located needs a visit with result located"
expect_exit 1 "$REUNITE" tracing set $father --to in_contact --contact 1
expect_exit 2 "$REUNITE" tracing set $father --to phone_attempted --contact 1 --task 1
expect_exit 1 "$REUNITE" tracing set $father --to phone_attempted
expect_exit 1 "$REUNITE" tracing set $father --to found --contact 1
expect_contains "$WORK/err" "to: 'found' is not one of"
expect_exit 3 "$REUNITE" tracing set $father --to phone_attempted --contact 99
expect_eq "$(journal_rows)" "$before" "refusals write nothing"
expect_exit 0 "$REUNITE" tracing set $father --to phone_attempted --contact 1
expect_contains "$WORK/out" "unknown -> phone_attempted"
expect_exit 0 "$REUNITE" contact add --adult $father --kind call --result wrong_number --number +50255551234
expect_exit 0 "$REUNITE" tracing set $father --to not_reachable --contact 2

# not_reachable -> field_search -> located -> in_contact.
expect_exit 0 "$REUNITE" search-task add --adult $father --country GT --department GT-AV --municipality Cobán --village Chamelco
expect_contains "$WORK/out" "search task 1 opened"
expect_exit 1 "$REUNITE" search-task add --adult $father --country GT
expect_contains "$WORK/err" "already has an open search task"
expect_exit 1 "$REUNITE" search-task add --adult $mother --country Guatemala
expect_contains "$WORK/err" "country: 'Guatemala' is not an ISO 3166-1 alpha-2 code"
expect_exit 0 "$REUNITE" search-task assign 1 --org ICRC --team north
expect_exit 0 "$REUNITE" search-task list --team north --csv
expect_contains "$WORK/out" "id,adult,country,department,municipality,village,organisation,team,status,result,created,last_attempt"
expect_contains "$WORK/out" "1,$father,GT,GT-AV,Cobán,Chamelco,ICRC,north,open"
expect_exit 0 "$REUNITE" search-task list --team south
expect_eq "$(wc -l < "$WORK/out")" "0" "no south tasks"
expect_exit 0 "$REUNITE" tracing set $father --to field_search --task 1
expect_exit 0 "$REUNITE" contact add --adult $father --kind visit --result located --place "Chamelco, casa 4" --team north --at "${today}T00:00"
expect_exit 0 "$REUNITE" search-task plan
expect_contains "$WORK/out" "GT	GT-AV	Cobán	Chamelco	1	${today}T00:00:00.000Z"
expect_exit 1 "$REUNITE" decision set --child $child --adult $father --kind reunify_home --language es --date 2025-01-10
expect_contains "$WORK/err" "a decision needs the parent in_contact or located"
expect_exit 0 "$REUNITE" tracing set $father --to located --contact 3
expect_exit 0 "$REUNITE" search-task close 1 --result located
expect_exit 0 "$REUNITE" contact add --adult $father --kind call --result reached_parent --number +50255551234
expect_exit 0 "$REUNITE" tracing set $father --to in_contact --contact 4
expect_exit 0 "$REUNITE" tracing show $father
expect_eq "$(cat "$WORK/out")" "in_contact" "tracing state"
expect_exit 0 "$REUNITE" contact add --adult $father --kind child_parent_call --result completed --child $child --number +50255551234
expect_exit 0 "$REUNITE" contact list --adult $father
expect_eq "$(wc -l < "$WORK/out")" "5" "five contacts"
expect_contains "$WORK/out" "ana"

# Decision: a mother not linked cannot decide; a change needs a reason.
expect_exit 1 "$REUNITE" decision set --child $child --adult $mother --kind waiver --language es --date 2025-01-10
expect_exit 0 "$REUNITE" decision set --child $child --adult $father --kind undecided --language "K'iche'" --interpreter "Juana Tum" --date 2025-01-10
expect_exit 1 "$REUNITE" decision set --child $child --adult $father --kind reunify_home --language es --date 2025-01-12
expect_contains "$WORK/err" "reason: changing the decision"
expect_exit 0 "$REUNITE" decision set --child $child --adult $father --kind reunify_home --language es --witness "Lic. Pérez" --date 2025-01-12 --signed --reason "decided after the consular visit"
expect_exit 0 "$REUNITE" decision show --child $child
expect_eq "$(wc -l < "$WORK/out")" "2" "decision history"

# Eligibility: a provisional flag puts the father under review; resolving it clears it.
expect_exit 1 "$REUNITE" eligibility flag --adult $father --kind criminal_custody --evidence "jail roster" --reviewer ORR
expect_contains "$WORK/err" "reassess_by: required for criminal_custody"
expect_exit 0 "$REUNITE" eligibility flag --adult $father --kind criminal_custody --evidence "jail roster" --reviewer ORR --reassess-by 2027-01-01
expect_contains "$WORK/out" "is under_review"
expect_exit 0 "$REUNITE" eligibility review 1 --finality final --reason "confirmed by ICE"
expect_exit 0 "$REUNITE" eligibility show --adult $father
expect_contains "$WORK/out" "status	ineligible"
expect_exit 1 "$REUNITE" logistics plan --child $child --plan return_home
expect_contains "$WORK/err" "is ineligible"
expect_exit 0 "$REUNITE" eligibility resolve 1 --reason "released"
expect_exit 0 "$REUNITE" eligibility show --adult $father
expect_contains "$WORK/out" "status	eligible"

# Logistics in order, then closure.
expect_exit 1 "$REUNITE" logistics step --child $child --step travel_document --date 2025-01-20
expect_contains "$WORK/err" "has no logistics plan"
expect_exit 0 "$REUNITE" logistics plan --child $child --plan return_home
expect_exit 1 "$REUNITE" logistics step --child $child --step departed --date 2025-01-20
expect_contains "$WORK/err" "the next step of child $child is travel_document"
expect_exit 1 "$REUNITE" family close $child --reason reunified
expect_contains "$WORK/err" "needs the logistics step reunified"
d=20
for step in travel_document flight_booked escort receiving_agency_notified departed arrived reunified; do
  expect_exit 0 "$REUNITE" logistics step --child $child --step $step --date 2025-01-$d --by "Consulado GT"
  d=$((d + 1))
done
expect_exit 3 "$REUNITE" logistics step --child 99 --step departed --date 2025-01-20
expect_exit 0 "$REUNITE" family close $child --reason reunified
expect_exit 0 "$REUNITE" family show $child
expect_contains "$WORK/out" "closure	closed: reunified"
# A closed family refuses changes.
before="$(journal_rows)"
expect_exit 1 "$REUNITE" decision set --child $child --adult $father --kind waiver --language es --date 2025-01-30 --reason x
expect_contains "$WORK/err" "is closed"
expect_exit 1 "$REUNITE" contact add --adult $father --kind call --result no_answer --number +502
expect_exit 1 "$REUNITE" family close $child --reason other --note x
expect_eq "$(journal_rows)" "$before" "a closed family changes nothing"

# Deadlines.
expect_exit 0 "$REUNITE" deadline add --title "Status report" --kind court --due "$(date -u -d '+3 days' +%F)" --child $child
expect_exit 1 "$REUNITE" deadline add --title "x" --kind urgent --due 2025-01-01
expect_contains "$WORK/err" "kind: 'urgent' is not one of court, internal"
expect_exit 0 "$REUNITE" report overdue --within 7 --csv
expect_contains "$WORK/out" "status,due_at,kind,title,child,adult,deadline"
expect_contains "$WORK/out" "Status report"
expect_exit 0 "$REUNITE" deadline done 1
expect_exit 1 "$REUNITE" deadline done 1
expect_exit 0 "$REUNITE" deadline list
expect_eq "$(wc -l < "$WORK/out")" "0" "no open deadlines"

# The journal holds the contract's entities; the audit log every write.
for entity in tracing contact search_task decision eligibility eligibility_flag logistics logistics_step closure deadline; do
  n="$(sqlite3 "$REUNITE_DB" "SELECT COUNT(*) FROM journal WHERE entity = '$entity'")"
  [ "$n" -gt 0 ] && pass || fail "no journal entry for $entity"
done
expect_eq "$(sqlite3 "$REUNITE_DB" "SELECT after_value FROM journal WHERE entity = 'closure' AND entity_id = $child AND field = 'reason'")" "reunified" "closure journal"
expect_exit 0 "$REUNITE" history $father
expect_contains "$WORK/out" 'tracing state: "field_search" -> "located"'
expect_exit 0 "$REUNITE" history $child
expect_contains "$WORK/out" 'closure reason: "" -> "reunified"'
expect_exit 0 "$REUNITE" audit --action add_contact
expect_contains "$WORK/out" "ana"

finish
