#!/usr/bin/env bash
# make bench: the pages that count families (the dashboard, its due-items panel, the families list with
# its saved views and name filter) with
# FAMILIES synthetic families loaded, as a coordinator and as a field searcher of a
# team given 100 families. Times each page with curl (one request at a time, after a
# warm-up; best and worst of ROUNDS). Prints figures; never fails on timing.
set -euo pipefail
BIN="$1"; FAMILIES="${2:-100000}"; ROUNDS="${3:-5}"
command -v curl > /dev/null || { echo "pages bench: skipped (curl is not installed)"; exit 0; }
source "$(dirname "$0")/bench_lib.sh"
bench_workdir
DB="$TMP/pages.db"
load_synthetic "$BIN" "$DB" "$TMP" "$FAMILIES" 7
"$BIN" --db "$DB" org add Bench > /dev/null
PASSWORD="bench-password-2018"
echo "$PASSWORD" | "$BIN" --db "$DB" user add coord --org Bench --role coordinator --password-stdin > /dev/null
echo "$PASSWORD" | "$BIN" --db "$DB" user add field --org Bench --role field_searcher --team north --password-stdin > /dev/null
# Every 40th of the first 4,000 children (fewer at small sizes).
NORTH=0
for child in $("$BIN" --db "$DB" people --kind child --limit 4000 | awk '$1 ~ /^[0-9]+$/ && ++n % 40 == 1 {print $1}'); do
  "$BIN" --db "$DB" --actor bench assign "$child" --team north --reason bench > /dev/null
  NORTH=$((NORTH + 1))
done
serve_db "$BIN" "$DB" "$TMP/serve.log"
echo "  server $URL; $FAMILIES families; team north has $NORTH"
for user in coord field; do
  login_cookies "$URL" "$user" "$PASSWORD" "$TMP/$user.cookies"
  time_pages "$URL" "$TMP/$user.cookies" "$ROUNDS" "$user" / /deadlines/due/panel /families "/families?status=in_care" \
    "/families?page=100" "/families?sort=name" "/families?view=not_reached" "/families?view=not_reached&page=100" \
    "/families?view=deadline_7" "/families?name=lopez"
done
