#!/usr/bin/env bash
# make bench: the web workspace under load. Loads FAMILIES synthetic families into a
# SQLite database, serves it, and drives the family page and the search API with wrk
# from a second process (64 connections, 2 threads). Prints figures; never fails on timing.
set -euo pipefail
BIN="$1"; FAMILIES="${2:-100000}"; SECONDS_EACH="${3:-15}"
command -v wrk > /dev/null || { echo "web bench: skipped (wrk is not installed)"; exit 0; }
source "$(dirname "$0")/bench_lib.sh"
bench_workdir
DB="$TMP/web.db"
load_synthetic "$BIN" "$DB" "$TMP" "$FAMILIES" 11
"$BIN" --db "$DB" org add Bench > /dev/null
echo "bench-password-2018" | "$BIN" --db "$DB" user add bench --org Bench --role coordinator --password-stdin > /dev/null
TOKEN="$("$BIN" --db "$DB" token create --user bench --name wrk | grep -o 'rnt_[A-Za-z0-9_-]*' | head -1)"
serve_db "$BIN" "$DB" "$TMP/serve.log"
CHILDREN="$("$BIN" --db "$DB" people --kind child --limit 2000 | awk '{print $1}' | grep -E '^[0-9]+$' | head -2000)"
# wrk script: cycle through family ids / misspelt surnames, with the token.
python3 - "$TMP" $CHILDREN <<'PY'
import sys
tmp, ids = sys.argv[1], sys.argv[2:]
names = ["lopes", "ernandez", "garsia", "peres", "xol", "tzul", "mejia", "rodrigues", "gonzales", "kaal"]
for name, paths in [("family", [f"/api/families/{i}" for i in ids]),
                    ("search", [f"/api/people?search={n}&limit=10" for n in names])]:
    with open(f"{tmp}/{name}.lua", "w") as f:
        f.write("paths = {" + ",".join(f'"{p}"' for p in paths) + "}\n")
        f.write("i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format('GET', paths[i])\nend\n")
PY
echo "  $(grep -c . <<< "$CHILDREN") family ids cycled; server $URL; $FAMILIES families"
for name in family search; do
  curl -s -o /dev/null -w "  warm-up $name: HTTP %{http_code}\n" -H "Authorization: Bearer $TOKEN" \
    "$URL$(grep -o '"/api[^"]*"' "$TMP/$name.lua" | head -1 | tr -d '"')"
  echo "  $name (64 connections, ${SECONDS_EACH} s; targets: >= 2000 requests/s, p99 < 50 ms):"
  wrk -t2 -c64 -d"${SECONDS_EACH}s" --latency -H "Authorization: Bearer $TOKEN" -s "$TMP/$name.lua" "$URL" |
    grep -E "Requests/sec|99%|50%|Non-2xx|Socket errors" | sed 's/^/    /'
done
