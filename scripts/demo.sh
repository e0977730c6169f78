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
"$BIN" --db "$DB" --actor demo import --quiet --source ORR --kind child "$DIR/children.csv"
"$BIN" --db "$DB" --actor demo import --quiet --source ICE --kind adult "$DIR/adults.csv"
echo "== Matching: duplicates and child-parent links into the review queue"
"$BIN" --db "$DB" --actor demo match run
"$BIN" --db "$DB" review list --limit 5
# So that every demo role has something to see: a few likely parent links accepted,
# their families given to field team north (the field searcher's), and two of the
# adults marked at risk (the first in team north's families, the last usually outside them).
echo "== Demo case work: links accepted, families assigned to team north, adults at risk"
mapfile -t LINKS < <("$BIN" --db "$DB" review list --kind family_link --limit 9 2>/dev/null | awk 'NR > 1 {print $1, $4, $5}')
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
# The workflow at several stages, so the family panel, the search plan, the due items and
# the status report have something to show (docs/workflow.md): family 1 is in field search,
# family 2 decided to reunify at home and is half-way through its logistics, family 3 is
# reunified and closed, family 4 chose the waiver; plus a court deadline and a target.
echo "== Demo workflow: calls, a field search, decisions, logistics, closures, deadlines"
w() { "$BIN" --db "$DB" --actor demo "$@"; }
new_id() { grep -o '[0-9]\+' | head -1; }
call() { w contact add --adult "$1" --kind call --result "$2" --number "+502 5555 0100" --notes "demo call" | new_id; }
step_to() { w tracing set "$1" --to "$2" "$3" "$4" --reason "demo" >/dev/null; }
reach() {  # adult: a failed call, then a call that reached the parent
  step_to "$1" phone_attempted --contact "$(call "$1" no_answer)"
  step_to "$1" in_contact --contact "$(call "$1" reached_parent)"
}
decide() {  # child adult kind
  w decision set --child "$1" --adult "$2" --kind "$3" --language es --interpreter "Rosa Tzul" \
    --witness "Lic. Pérez" --date "$(date -u +%F)" --signed >/dev/null
}
FAMILIES=()
for line in "${LINKS[@]}"; do  # one parent per family, one family per parent (siblings share one)
  read -r _ child adult <<<"$line"
  [[ " ${FAMILIES[*]} " == *":$adult "* || " ${FAMILIES[*]} " == *" $child:"* ]] || FAMILIES+=("$child:$adult")
done
if [ "${#FAMILIES[@]}" -ge 3 ]; then
  IFS=: read -r c1 a1 <<<"${FAMILIES[0]}"
  step_to "$a1" phone_attempted --contact "$(call "$a1" no_answer)"
  step_to "$a1" not_reachable --contact "$(call "$a1" wrong_number)"
  task=$(w search-task add --adult "$a1" --country GT --department GT-AV --municipality Cobán --village Chamelco \
           --reason "demo: no phone signal" | new_id)
  w search-task assign "$task" --org ICRC --team north --reason "demo" >/dev/null
  step_to "$a1" field_search --task "$task"
  IFS=: read -r c2 a2 <<<"${FAMILIES[1]}"
  reach "$a2"; decide "$c2" "$a2" reunify_home
  w logistics plan --child "$c2" --plan return_home >/dev/null
  for s in travel_document flight_booked; do
    w logistics step --child "$c2" --step "$s" --date "$(date -u +%F)" --by "Consulado GT" >/dev/null
  done
  IFS=: read -r c3 a3 <<<"${FAMILIES[2]}"
  reach "$a3"; decide "$c3" "$a3" reunify_home
  w logistics plan --child "$c3" --plan return_home >/dev/null
  for s in travel_document flight_booked escort receiving_agency_notified departed arrived reunified; do
    w logistics step --child "$c3" --step "$s" --date "$(date -u +%F)" --by "Consulado GT" >/dev/null
  done
  w family close "$c3" --reason reunified >/dev/null
  if [ "${#FAMILIES[@]}" -ge 4 ]; then
    IFS=: read -r c4 a4 <<<"${FAMILIES[3]}"
    reach "$a4"; decide "$c4" "$a4" waiver
    w family close "$c4" --reason parent_chose_waiver >/dev/null
  fi
  w deadline add --title "Status report to the court" --kind court --due "$(date -u -d '+5 days' +%F)" >/dev/null
  w deadline add --title "Travel documents for family $c2" --kind internal --due "$(date -u -d '-2 days' +%F)" \
    --child "$c2" >/dev/null
  w report overdue --within 7 | head -5
fi
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
Workflow at several stages (child:parent): ${FAMILIES[*]:-none}: a field search, logistics under way,
reunified, waiver. See the family pages, /search-plan, /reports/status and the dashboard's due items.
MSG
exec "$BIN" --db "$DB" serve --port "$PORT"
