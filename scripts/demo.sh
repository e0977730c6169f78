#!/usr/bin/env bash
# make demo: generate demo lists, import them into a fresh database, show a summary, then
# serve the web workspace on that database until Ctrl-C.
set -euo pipefail
BIN="$1"; DIR="$2"; FAMILIES="${3:-2000}"; PORT="${4:-8080}"
mkdir -p "$DIR"
DB="$DIR/demo.db"
# A demo password for demo data only; real deployments create their own users.
PASSWORD="reunite-demo-2018"
rm -f "$DB" "$DB-wal" "$DB-shm"
echo "== Generating $FAMILIES synthetic families (seed 2018) into $DIR"
"$BIN" synth --families "$FAMILIES" --seed 2018 --out "$DIR"
echo "== Creating $DB"
"$BIN" --db "$DB" init
echo "== Importing the children's list (ORR) and the adults' list (ICE/CBP)"
"$BIN" --db "$DB" --actor demo import --quiet --source ORR --kind child --date-order iso "$DIR/children.csv"
"$BIN" --db "$DB" --actor demo import --quiet --source ICE --kind adult --date-order iso "$DIR/adults.csv"
echo "== Matching: duplicates and child-parent links into the review queue"
"$BIN" --db "$DB" --actor demo match run
"$BIN" --db "$DB" review list --limit 5
# So that every demo role has something to see: a few likely parent links accepted,
# their families given to field team north (the field searcher's), and two of the
# adults marked at risk (the first in team north's families, the last usually outside them).
echo "== Demo case work: links accepted, families assigned to team north, adults at risk"
mapfile -t LINKS < <("$BIN" --db "$DB" review list --kind family_link --limit 6 2>/dev/null | awk 'NR > 1 {print $1, $4, $5}')
NORTH=()
AT_RISK=()
for i in "${!LINKS[@]}"; do
  read -r candidate child adult <<<"${LINKS[$i]}"
  "$BIN" --db "$DB" --actor demo review accept "$candidate" --reason "demo: the child named this adult"
  if [ "$i" -lt 4 ]; then
    "$BIN" --db "$DB" --actor demo assign "$child" --team north --reason "demo: last seen in team north's area"
    NORTH+=("$child")
  fi
  if [ "$i" -eq 0 ] || [ "$i" -eq 5 ]; then
    "$BIN" --db "$DB" --actor demo protect "$adult" --at-risk --notes "demo: threatened by the smuggler" \
      --reason "demo: reported by phone"
    AT_RISK+=("$adult")
  fi
done
echo "== Demo accounts (organisation Demo; one user per role, password $PASSWORD)"
"$BIN" --db "$DB" --actor demo org add Demo
for user in "demo coordinator" "case case_worker" "field field_searcher --team north" "liaison government_liaison" \
            "auditor auditor" "admin admin"; do
  set -- $user
  name="$1"; role="$2"; shift 2
  echo "$PASSWORD" | "$BIN" --db "$DB" --actor demo user add "$name" --org Demo --role "$role" "$@" --password-stdin
done
echo "== First children"
"$BIN" --db "$DB" people --kind child --limit 5
echo "== One child in full"
"$BIN" --db "$DB" show 1
cat <<MSG

Demo database: $DB
Try:
  $BIN --db $DB people --search "lopez" --limit 10
  $BIN --db $DB show 1
  $BIN --db $DB history 1
  $BIN --db $DB review list --kind family_link
  $BIN --db $DB review show 1

== Serving the web workspace on $DB (Ctrl-C stops it)
Open the address below in a browser and sign in as demo / $PASSWORD (coordinator), or as case, field
(field searcher, team north), liaison, auditor or admin with the same password.
Team north's families (what field sees): children ${NORTH[*]:-none}. Adults at risk: ${AT_RISK[*]:-none}
(their location and phones only for demo, admin and, in team north's families, field; liaison never sees
an adult's home location or phones).
MSG
exec "$BIN" --db "$DB" serve --port "$PORT"
