#!/usr/bin/env bash
# reunite org, user, token and audit: accounts created from the command line, the
# errors for a bad role, a repeated user and a short password, and the audit log.
source "$(dirname "$0")/lib.sh"

for sub in "org add" "user add" "user list" "token create" audit; do expect_exit 0 "$REUNITE" $sub --help; done

expect_exit 0 "$REUNITE" --actor root org add "Kids in Need"
expect_contains "$WORK/out" "organisation Kids in Need created"
expect_exit 1 "$REUNITE" org add "Kids in Need"
expect_contains "$WORK/err" "already exists"

echo "correct horse battery" > "$WORK/pw"
expect_exit 0 "$REUNITE" --actor root user add ana --org "Kids in Need" --role field_searcher --team north --language es --password-stdin < "$WORK/pw"
expect_contains "$WORK/out" "user ana (field_searcher, Kids in Need, team north) created"
expect_exit 1 "$REUNITE" user add ana --org "Kids in Need" --role auditor --password-stdin < "$WORK/pw"
expect_contains "$WORK/err" "already exists"
expect_exit 1 "$REUNITE" user add bob --org "Kids in Need" --role wizard --password-stdin < "$WORK/pw"
expect_contains "$WORK/err" "unknown role 'wizard'"
echo "short" | expect_exit 1 "$REUNITE" user add bob --org "Kids in Need" --role auditor --password-stdin
expect_contains "$WORK/err" "password too short"
expect_exit 3 "$REUNITE" user add bob --org "Nobody" --role auditor --password-stdin < "$WORK/pw"
expect_exit 2 "$REUNITE" user add bob --role auditor --password-stdin < "$WORK/pw"   # --org is required

expect_exit 0 "$REUNITE" user list
expect_contains "$WORK/out" "ana	Kids in Need	field_searcher	north	es	yes"

expect_exit 0 "$REUNITE" --actor root token create --user ana --name "ORR sync"
token="$(cat "$WORK/out")"
[[ "$token" == rnt_* ]] && pass || fail "token '$token' lacks its prefix"
expect_contains "$WORK/err" "not shown again"
expect_exit 3 "$REUNITE" token create --user nobody --name x

expect_exit 0 "$REUNITE" audit --actor root
for action in create_organisation create_user create_api_token; do expect_contains "$WORK/out" "$action"; done
expect_exit 0 "$REUNITE" audit --action create_user --limit 1
expect_eq "$(wc -l < "$WORK/out")" "2" "header and one entry"
# The token itself is never written to the audit log.
if grep -qF -- "$token" "$WORK/out"; then fail "audit log holds the token"; else pass; fi

# Reading a person's phones on the command line is audited, as on the web.
printf 'record_id,given_names,surnames,sex,date_of_birth,country,phones\nICE-1,Rosa,López,F,1985-02-03,GT,+502 5555 1234\n' > "$WORK/adults.csv"
expect_exit 0 "$REUNITE" import --quiet --source ICE --kind adult --date-order iso "$WORK/adults.csv"
expect_exit 0 "$REUNITE" --actor clerk show 1
expect_contains "$WORK/out" "+50255551234"
expect_exit 0 "$REUNITE" audit --actor clerk --action read_protected
expect_contains "$WORK/out" "phones"

finish
