#!/usr/bin/env bash
# Workflow figures on synthetic lists: the latency of one workflow command
# (a process each: open, migrate check, write, journal, audit) and the time of the
# overdue report, the search plan and a worklist over many families, then the
# web pages over the same data (due panel, search plan, worklist, status report,
# a family's workflow panel). Prints figures; never fails on timing. Usage: scripts/bench_workflow.sh BUILD_DIR [FAMILIES]
set -euo pipefail
BIN="$1/reunite"
FAMILIES="${2:-20000}"
source "$(dirname "$0")/bench_lib.sh"
bench_workdir
export REUNITE_DB="$TMP/wf.db"

load_synthetic "$BIN" "$REUNITE_DB" "$TMP/lists" "$FAMILIES" 3
# Setup only (not measured): the true family links and, for every tenth linked
# adult, an open search task at the adult's recorded place, written straight into
# the tables (the workflow reads them, not their journal).
sqlite3 "$REUNITE_DB" <<SQL
CREATE TEMP TABLE truth (child TEXT, adult TEXT, rel TEXT);
.mode csv
.import --skip 1 $TMP/lists/truth_links.csv truth
INSERT OR IGNORE INTO family_links (child_id, adult_id, relationship, verification)
  SELECT c.person_id, a.person_id, t.rel, 'claimed' FROM truth t
  JOIN source_records c ON c.source = 'ORR' AND c.record_id = t.child
  JOIN source_records a ON a.source = 'ICE' AND a.record_id = t.adult
  WHERE t.rel IN ('father', 'mother', 'legal_guardian', 'other_relative');
INSERT INTO search_tasks (adult_id, country, department, municipality, village, organisation, team, status, created_at, created_by)
  SELECT p.id, p.location_country, p.location_department, p.location_municipality, p.location_village, 'ICRC',
         CASE p.id % 3 WHEN 0 THEN 'north' WHEN 1 THEN 'south' ELSE 'east' END, 'open', '2018-07-01T00:00:00.000Z', 'bench'
  FROM people p WHERE p.role = 'adult' AND p.id % 10 = 0 AND p.location_country <> ''
  AND EXISTS (SELECT 1 FROM family_links l WHERE l.adult_id = p.id);
SQL
echo "== workflow over $FAMILIES synthetic families: $(sqlite3 "$REUNITE_DB" "SELECT COUNT(*) FROM people") people, $(sqlite3 "$REUNITE_DB" "SELECT COUNT(*) FROM family_links") links, $(sqlite3 "$REUNITE_DB" "SELECT COUNT(*) FROM search_tasks") open search tasks (SQLite)"

adults=($(sqlite3 "$REUNITE_DB" "SELECT adult_id FROM family_links ORDER BY adult_id LIMIT 100"))
start=$(date +%s.%N)
for a in "${adults[@]}"; do "$BIN" contact add --adult "$a" --kind call --result no_answer --number +50255550000 > /dev/null; done
end=$(date +%s.%N)
echo "contact add: $(echo "($end - $start) * 1000 / ${#adults[@]}" | bc) ms per command (${#adults[@]} commands, a process each)"
start=$(date +%s.%N)
for a in "${adults[@]}"; do "$BIN" tracing show "$a" > /dev/null; done
end=$(date +%s.%N)
echo "tracing show (a read, for the process's own cost): $(echo "($end - $start) * 1000 / ${#adults[@]}" | bc) ms per command"
start=$(date +%s.%N)
n=0
for i in $(seq 1 100); do "$BIN" contact add --adult "${adults[0]}" --kind visit --result not_found --place x --team north > /dev/null; n=$((n + 1)); done
end=$(date +%s.%N)
echo "contact add on one busy adult: $(echo "($end - $start) * 1000 / $n" | bc) ms per command"

/usr/bin/time -f "report overdue (first-contact rule over every linked adult): %e s wall, %M KB peak" \
  "$BIN" report overdue --within 7 > "$TMP/overdue.txt" 2> "$TMP/overdue.err" || true
grep -v "s wall" "$TMP/overdue.err" | sed 's/^/  /'
grep "s wall" "$TMP/overdue.err"
/usr/bin/time -f "search-task plan: %e s wall" "$BIN" search-task plan > "$TMP/plan.txt"
echo "  $(wc -l < "$TMP/plan.txt") places"
/usr/bin/time -o "$TMP/list.time" -f "search-task list --team north --csv (a team's worklist): %e s wall" \
  "$BIN" search-task list --team north --csv > "$TMP/north.csv" 2> /dev/null
cat "$TMP/list.time"
echo "  $(($(wc -l < "$TMP/north.csv") - 1)) tasks"

command -v curl > /dev/null || { echo "workflow pages: skipped (curl is not installed)"; exit 0; }
"$BIN" org add Bench > /dev/null
echo "bench-password-2018" | "$BIN" user add coord --org Bench --role coordinator --password-stdin > /dev/null
serve_db "$BIN" "$REUNITE_DB" "$TMP/serve.log"
login_cookies "$URL" coord bench-password-2018 "$TMP/coord.cookies"
child=$(sqlite3 "$REUNITE_DB" "SELECT child_id FROM family_links WHERE adult_id = ${adults[0]} LIMIT 1")
echo "== workflow pages over the same data (a coordinator; server $URL)"
time_pages "$URL" "$TMP/coord.cookies" 3 coord /deadlines/due/panel /search-plan "/search-plan/worklist?team=north" \
  "/search-plan/worklist.csv?team=north" /reports/status "/families/$child"
