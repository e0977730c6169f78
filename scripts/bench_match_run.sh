#!/usr/bin/env bash
# make bench: `reunite match run` on a database, first in full, then incrementally
# after a newer list changes a few adults' records. Prints figures; never fails on timing.
set -euo pipefail
BIN="$1"; FAMILIES="${2:-50000}"; CHANGED="${3:-20}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
source "$(dirname "$0")/bench_lib.sh"
load_synthetic "$BIN" "$TMP/run.db" "$TMP" "$FAMILIES" 7
/usr/bin/time -f "  full match run: %e s wall, %M KB peak" "$BIN" --db "$TMP/run.db" match run | sed 's/^/  /'
# A newer list: the same adults, CHANGED of them with a new phone number.
python3 - "$TMP/adults.csv" "$TMP/newer.csv" "$CHANGED" <<'PY'
import csv, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(src, newline='', encoding='utf-8') as f, open(dst, 'w', newline='', encoding='utf-8') as g:
    r = csv.DictReader(f); w = csv.DictWriter(g, r.fieldnames); w.writeheader()
    for i, row in enumerate(r):
        if i % 997 == 0 and n > 0:
            row['phones'] = f'+502 5555 {1000 + n:04d}'; n -= 1
        w.writerow(row)
PY
"$BIN" --db "$TMP/run.db" import --quiet --source ICE --kind adult "$TMP/newer.csv" > /dev/null
/usr/bin/time -f "  incremental match run after $CHANGED changed adults: %e s wall, %M KB peak" \
  "$BIN" --db "$TMP/run.db" match run | sed 's/^/  /'
