#!/usr/bin/env bash
# One path to the data (issue 13): the front ends (src/web, src/cli) reach case data
# only through access/, whose services check the role, withhold and audit. This
# fails, naming the file and line, when a front end includes a store/ header or
# calls a store entry point outside the few places listed below (each with why).
# Usage: one_path_test.sh SOURCE_DIR
set -uo pipefail
SRC="${1:?usage: one_path_test.sh SOURCE_DIR}/src"
FAILURES=0

# Files allowed to include store/ headers, and why.
declare -A INCLUDE_OK=(
  [web/access_authenticator.h]="sign-in: Accounts on the server's connection pool"
  [web/case_request.cc]="leases the request's connection and hands it to AccessServices"
  [web/refusal_audit.cc]="audits refusals before or without a signed-in user, on a pooled connection"
  [cli/cli.h]="OpenDatabase: the command line opens the database it hands to access/"
  [cli/common.cc]="OpenDatabase and init (migrations)"
  [cli/import_command.cc]="ImportOptions and ImportReport, the types ImportAccess takes and returns"
  [cli/serve_command.cc]="opens the server's connection pool"
)

# Store, linkage and workflow entry points that read or write around access/ (and
# the search index's unscoped hits, which CaseAccess::SearchPeople scopes), and the
# files allowed to call them (space separated), with why.
declare -A CALL_OK=(
  # Leasing a connection: a request's, a refusal's, sign-in's, the periodic anchor's.
  [Acquire]="web/case_request.cc web/refusal_audit.cc web/access_authenticator.cc cli/serve_command.cc"
  [AppendAuditEntry]="web/refusal_audit.cc"  # an anonymous refusal has no principal for access/
)
FORBIDDEN='\b(PersonRepository|JournalRepository|ReviewQueue|CaseWriter|WorkflowWriter|WorkflowReader|RunMatching|ImportAgencyList|ReadMatchState|GetMatchRun|RecordMatchRun|QueryAudit|AppendAudit|AppendAuditEntry|InsertAuditEntries|LatestRecordedAnchor|VerifyChains|CurrentAnchor|RecordAnchor|ProtectedPeople|AtRiskPeople|Acquire)\b|soci::|\.session\(\)|(->|\.)(Search|TeamScope)\('

fail() { echo "FAIL: $*" >&2; FAILURES=$((FAILURES + 1)); }

# Lines of `file` matching `pattern`, comment lines left out, as "LINE:TEXT".
code_matches() { grep -nE "$2" "$1" | grep -vE '^[0-9]+:[[:space:]]*//' || true; }

for file in "$SRC"/web/*.cc "$SRC"/web/*.h "$SRC"/cli/*.cc "$SRC"/cli/*.h; do
  case "$(basename "$file")" in *test*) continue ;; esac  # tests and their fixtures seed the store
  rel="${file#"$SRC"/}"
  while IFS= read -r hit; do
    [ -z "$hit" ] && continue
    [ -n "${INCLUDE_OK[$rel]+x}" ] || fail "$rel:${hit%%:*}: includes a store/ header; reach the data through access/ (${hit#*:})"
  done <<< "$(code_matches "$file" '^#include "store/')"
  while IFS= read -r hit; do
    [ -z "$hit" ] && continue
    while IFS= read -r name; do
      allowed="${CALL_OK[$name]:-}"
      [[ " $allowed " == *" $rel "* ]] || fail "$rel:${hit%%:*}: calls $name around access/ (${hit#*:})"
    done <<< "$(grep -oE "$FORBIDDEN" <<< "${hit#*:}")"
  done <<< "$(code_matches "$file" "$FORBIDDEN")"
  # Web handlers never hold the Database: only access/ services do.
  if [[ "$rel" == web/* ]]; then
    while IFS= read -r hit; do
      [ -z "$hit" ] && continue
      fail "$rel:${hit%%:*}: names Database; web routes reach the data through CaseRequest's services (${hit#*:})"
    done <<< "$(code_matches "$file" '\bDatabase\b')"
  fi
done

if [ "$FAILURES" -eq 0 ]; then echo "one path: no front end reaches the store around access/"; fi
[ "$FAILURES" -eq 0 ]
