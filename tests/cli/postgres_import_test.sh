#!/usr/bin/env bash
# The same lists imported into SQLite and into PostgreSQL (a throwaway server from
# scripts/with-postgres.sh, reached by a postgresql:// URL) read back the same:
# people, their source rows and their journals, after new, unchanged and updated
# rows. Also checks with-postgres.sh: the command's exit status comes back and the
# server is gone afterwards.
source "$(dirname "$0")/lib.sh"
WITH_PG="$(cd "$(dirname "$0")/../.." && pwd)/scripts/with-postgres.sh"

expect_exit 0 "$REUNITE" synth --families 300 --seed 5 --out "$WORK/lists"
python3 - "$WORK/lists/adults.csv" "$WORK/adults_v2.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
loc = rows[0].index('location')
rows[3][loc] = 'Otero County Processing Center'
csv.writer(open(sys.argv[2], 'w', newline='', encoding='utf-8'), lineterminator='\n').writerows(rows)
PY

# run.sh OUT: the import cycle against $REUNITE_DB, what it reads back in OUT.*,
# times (which differ from run to run) blanked.
cat > "$WORK/run.sh" <<EOF
set -e
"$REUNITE" init > /dev/null
"$REUNITE" import --quiet --source ORR --kind child "$WORK/lists/children.csv"
"$REUNITE" import --quiet --source ICE --kind adult "$WORK/lists/adults.csv"
"$REUNITE" import --quiet --source ICE --kind adult "$WORK/adults_v2.csv"
"$REUNITE" people --limit 100000 > "\$1.people"
for id in 1 2 300 \$(( \$(wc -l < "$WORK/lists/children.csv") + 2 )); do
  "$REUNITE" show \$id
  "$REUNITE" history \$id
done | sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z/TIME/g' > "\$1.detail"
EOF

REUNITE_DB="$WORK/sqlite.db" expect_exit 0 bash "$WORK/run.sh" "$WORK/sqlite"
cp "$WORK/out" "$WORK/sqlite.import"
expect_exit 0 "$WITH_PG" bash -c 'echo "$REUNITE_DB" > "$0/url"; bash "$0/run.sh" "$0/pg"' "$WORK"
cp "$WORK/out" "$WORK/pg.import"

expect_contains "$WORK/url" "postgresql://postgres@127.0.0.1:"
expect_contains "$WORK/pg.import" "0 new, 1 updated"
expect_contains "$WORK/pg.detail" "Otero County Processing Center"
for part in import people detail; do
  if cmp -s "$WORK/sqlite.$part" "$WORK/pg.$part"; then pass; else
    fail "SQLite and PostgreSQL differ in $part"; diff "$WORK/sqlite.$part" "$WORK/pg.$part" | head -20 >&2
  fi
done

# The server is stopped on exit: its port no longer answers.
port=$(sed -E 's/.*:([0-9]+)\/.*/\1/' "$WORK/url")
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then fail "server on port $port still running"; else pass; fi
expect_exit 7 "$WITH_PG" bash -c 'exit 7'
expect_exit 2 "$WITH_PG"

finish
