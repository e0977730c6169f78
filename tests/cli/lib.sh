# Helpers for CLI end-to-end tests. Each test script gets the reunite binary as $1.
set -euo pipefail
REUNITE="$1"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export REUNITE_DB="$WORK/test.db"
FAILURES=0
PASSES=0

fail() { echo "FAIL: $*" >&2; FAILURES=$((FAILURES + 1)); }
pass() { PASSES=$((PASSES + 1)); }

# expect_exit CODE CMD...: runs CMD, checks its exit code; output in $WORK/out, $WORK/err.
expect_exit() {
  local want="$1"; shift
  local got=0
  "$@" >"$WORK/out" 2>"$WORK/err" || got=$?
  if [ "$got" -ne "$want" ]; then
    fail "expected exit $want, got $got: $*"; sed 's/^/  stderr: /' "$WORK/err" | head -20 >&2
  else pass; fi
}

# expect_contains FILE TEXT
expect_contains() {
  if grep -qF -- "$2" "$1"; then pass; else fail "$1 lacks '$2'"; sed 's/^/  | /' "$1" | head -20 >&2; fi
}

expect_eq() { if [ "$1" = "$2" ]; then pass; else fail "expected '$2', got '$1' ($3)"; fi; }

finish() {
  echo "$PASSES passed, $FAILURES failed"
  [ "$FAILURES" -eq 0 ]
}
