#!/usr/bin/env bash
# Issue 13, items 8 and 9 on the command line: users updated, deactivated and
# reactivated, a password reset by an admin and changed by its user, API tokens
# with an expiry, listed and revoked, each audited; and `serve --trusted-proxy`,
# whose X-Forwarded-For alone names the client in the audit log.
source "$(dirname "$0")/lib.sh"

for sub in "user update" "user deactivate" "user reactivate" "user reset-password" "user change-password" \
           "token list" "token revoke"; do
  expect_exit 0 "$REUNITE" $sub --help
done

expect_exit 0 "$REUNITE" --actor root org add "Kids in Need"
echo "correct horse battery" > "$WORK/pw"
expect_exit 0 "$REUNITE" --actor root user add ana --org "Kids in Need" --role case_worker --password-stdin < "$WORK/pw"

# Role and team.
expect_exit 0 "$REUNITE" --actor root user update ana --role field_searcher --team north
expect_contains "$WORK/out" "user ana updated; their sessions ended"
expect_exit 0 "$REUNITE" user list
expect_contains "$WORK/out" "ana	Kids in Need	field_searcher	north	en	yes"
expect_exit 1 "$REUNITE" user update ana
expect_contains "$WORK/err" "nothing to change"
expect_exit 1 "$REUNITE" user update ana --role wizard
expect_contains "$WORK/err" "unknown role 'wizard'"
expect_exit 3 "$REUNITE" user update nobody --team south
expect_exit 0 "$REUNITE" --actor root user update ana --team ""
expect_exit 0 "$REUNITE" user list
expect_contains "$WORK/out" "ana	Kids in Need	field_searcher		en	yes"

# Deactivation.
expect_exit 0 "$REUNITE" --actor root user deactivate ana
expect_contains "$WORK/out" "user ana deactivated"
expect_exit 0 "$REUNITE" user list
expect_contains "$WORK/out" "ana	Kids in Need	field_searcher		en	no"
expect_exit 0 "$REUNITE" --actor root user reactivate ana
expect_exit 3 "$REUNITE" user deactivate nobody

# A reset the user must replace, then the user's own change (current password first).
echo "short" | expect_exit 1 "$REUNITE" user reset-password ana --password-stdin
expect_contains "$WORK/err" "password too short"
expect_exit 1 "$REUNITE" user reset-password ana
expect_contains "$WORK/err" "--password-stdin"
echo "temporary password 1" | expect_exit 0 "$REUNITE" --actor root user reset-password ana --password-stdin
expect_contains "$WORK/out" "must change it at their next sign-in"
printf 'not my password\nmy own passphrase\n' | expect_exit 6 "$REUNITE" user change-password ana --password-stdin
expect_contains "$WORK/err" "current password is not right"
printf 'temporary password 1\nshort\n' | expect_exit 1 "$REUNITE" user change-password ana --password-stdin
printf 'temporary password 1\nmy own passphrase\n' | expect_exit 0 "$REUNITE" user change-password ana --password-stdin
expect_contains "$WORK/out" "password of ana changed"

# Tokens: an expiry (default 90 days, 0 never), a list without secrets, revocation.
expect_exit 0 "$REUNITE" --actor root token create --user ana --name "sync" --expires-days 30
sync_token="$(cat "$WORK/out")"
expect_contains "$WORK/err" "(expires 20"
expect_exit 0 "$REUNITE" --actor root token create --user ana --name "archive" --expires-days 0
expect_contains "$WORK/err" "(expires never)"
expect_exit 0 "$REUNITE" --actor root token create --user ana --name "report"
expect_exit 2 "$REUNITE" token create --user ana --name x --expires-days -1
expect_exit 2 "$REUNITE" token create --user ana --name x --expires-days 4000
expect_exit 0 "$REUNITE" token list --user ana
expect_eq "$(wc -l < "$WORK/out")" "4" "header and three tokens"
expect_contains "$WORK/out" "	ana	archive	"
expect_contains "$WORK/out" "	never	active"
if grep -qF -- "$sync_token" "$WORK/out"; then fail "token list shows a secret"; else pass; fi
sync_id="$(awk -F'\t' '$3 == "sync" {print $1}' "$WORK/out")"
expect_exit 0 "$REUNITE" --actor root token revoke "$sync_id"
expect_contains "$WORK/out" "token $sync_id revoked"
expect_exit 0 "$REUNITE" token list
expect_contains "$WORK/out" "	sync	"
expect_eq "$(awk -F'\t' '$3 == "sync" {print $6}' "$WORK/out")" "revoked" "the revoked token's state"
expect_exit 3 "$REUNITE" token revoke 999

# Every change is in the audit log, never a secret.
expect_exit 0 "$REUNITE" audit --actor root --limit 100
for action in change_user deactivate_user activate_user reset_password create_api_token revoke_api_token; do
  expect_contains "$WORK/out" "	$action	"
done
expect_exit 0 "$REUNITE" audit --action change_password
expect_contains "$WORK/out" "	ana	field_searcher	change_password	user	"
expect_contains "$WORK/out" "	cli	"
expect_exit 0 "$REUNITE" audit --action change_password_failed
expect_contains "$WORK/out" "wrong current password"
expect_exit 0 "$REUNITE" audit --limit 1000
for secret in "$sync_token" "temporary password 1" "my own passphrase"; do
  if grep -qF -- "$secret" "$WORK/out"; then fail "the audit log holds '$secret'"; else pass; fi
done

# serve --trusted-proxy: the proxy's address is checked; from it, X-Forwarded-For names the client.
expect_exit 2 "$REUNITE" serve --port 0 --trusted-proxy proxy.example.org
expect_contains "$WORK/err" "give the proxy's IP address"
"$REUNITE" serve --port 0 --trusted-proxy 127.0.0.1 > "$WORK/serve.out" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q "listening on" "$WORK/serve.out" && break; sleep 0.1; done
base="$(grep -o 'http://[0-9.:]*' "$WORK/serve.out" | head -1)"
login() {  # login USER PASSWORD FORWARDED-FOR: the HTTP status
  curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -H "X-Forwarded-For: $3" \
       -d "{\"username\":\"$1\",\"password\":\"$2\"}" "$base/api/login"
}
expect_eq "$(login ana 'my own passphrase' '203.0.113.5')" "200" "login through the proxy"
expect_exit 0 "$REUNITE" audit --action login --limit 1
expect_contains "$WORK/out" "	203.0.113.5	"
"$REUNITE" token create --user ana --name "live" > "$WORK/live" 2>/dev/null
live="$(cat "$WORK/live")"
me() { curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $1" -H "X-Forwarded-For: 198.51.100.9" "$base/api/me"; }
expect_eq "$(me "$live")" "200" "a live token"
live_id="$("$REUNITE" token list --user ana | awk -F'\t' '$3 == "live" {print $1}')"
expect_exit 0 "$REUNITE" --actor root token revoke "$live_id"
sleep 1.2  # a server remembers a verified token for up to a second
expect_eq "$(me "$live")" "401" "a token revoked from the command line"
expect_exit 0 "$REUNITE" audit --action token_refused --limit 1
expect_contains "$WORK/out" "API token revoked"
expect_contains "$WORK/out" "	198.51.100.9	"
kill -TERM "$server"
wait "$server" || fail "serve did not exit cleanly"

finish
