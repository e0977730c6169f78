#!/usr/bin/env bash
# Fuzzy person search through the CLI: import synthetic lists, then find a known
# adult from a misspelled, accent-less, reordered version of the name.
source "$(dirname "$0")/lib.sh"

expect_exit 0 "$REUNITE" synth --families 300 --seed 11 --out "$WORK/lists"
expect_exit 0 "$REUNITE" import --source ORR --kind child "$WORK/lists/children.csv"
expect_exit 0 "$REUNITE" import --source ICE --kind adult "$WORK/lists/adults.csv"

# A known adult with two surnames, and a garbled retelling of the name: accents
# dropped, one letter of the paternal surname missing, surnames in the
# "SURNAMES, GIVEN" order, upper case.
read -r record query year < <(python3 - "$WORK/lists/adults.csv" <<'PY'
import csv, sys, unicodedata
def plain(s):
    return ''.join(c for c in unicodedata.normalize('NFD', s) if unicodedata.category(c) != 'Mn')
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8')))
for r in rows:
    surnames = r['surnames'].split()
    given = r['given_names'].split()
    if len(surnames) == 2 and len(surnames[0]) >= 6 and given and r['date_of_birth']:
        pat = plain(surnames[0])
        pat = pat[:3] + pat[4:]
        q = f"{pat} {plain(surnames[1])}, {plain(given[0])}".upper()
        dob = r['date_of_birth']  # ICE writes MM/DD/YYYY, CBP YYYYMMDD or ISO
        print(r['record_id'], q.replace(' ', '_'), dob[-4:] if '/' in dob else dob[:4])
        break
PY
)
query="${query//_/ }"
[ -n "$record" ] && pass || fail "no suitable adult in the synthetic list"

# The record id has digits: a substring search, which finds exactly that record.
expect_exit 0 "$REUNITE" people --search "$record"
id=$(awk 'NR == 1 {print $1}' "$WORK/out")
[ -n "$id" ] && pass || fail "record $record not found"

expect_exit 0 "$REUNITE" people --search "$query" --limit 3
if awk '{print $1}' "$WORK/out" | grep -qx "$id"; then pass; else
  fail "'$query' does not find person $id in the top 3"; cat "$WORK/out" >&2
fi
expect_contains "$WORK/err" "search over"

# With the birth year, and the adults only: first.
expect_exit 0 "$REUNITE" people --search "$query" --born "$year" --kind adult --limit 3
expect_eq "$(awk 'NR == 1 {print $1}' "$WORK/out")" "$id" "first hit with --born $year"
expect_contains "$WORK/out" "born $year"
[ "$(grep -c ' child ' "$WORK/out" || true)" -eq 0 ] && pass || fail "--kind adult listed a child"

# One line per person on stdout; --limit caps it.
expect_exit 0 "$REUNITE" people --search "$query" --limit 5 --min-score 0
expect_eq "$(wc -l < "$WORK/out")" "5" "lines for --limit 5"

# The old substring search is still there.
expect_exit 0 "$REUNITE" people --search "$query" --exact-text
expect_eq "$(wc -l < "$WORK/out")" "0" "substring search for a misspelled name"

# Identifiers in the forms people type them find their person exactly (issue 14):
# the A-number with or without its A, with dashes or spaces; a phone number;
# the list's record id in lower case; the person id.
read -r arecord anum phone < <(python3 - "$WORK/lists/adults.csv" <<'PY'
import csv, re, sys
for r in csv.DictReader(open(sys.argv[1], encoding='utf-8')):
    digits = re.sub(r'\D', '', r['a_number'])
    phones = [p for p in re.split(r'[;/,]', r['phones']) if len(re.sub(r'\D', '', p)) >= 10]
    if len(digits) == 9 and phones:
        print(r['record_id'], digits, re.sub(r'\s+', '_', phones[0].strip()))
        break
PY
)
phone="${phone//_/ }"
[ -n "$anum" ] && pass || fail "no adult with an A-number and a phone in the synthetic list"
expect_exit 0 "$REUNITE" people --search "$arecord" --exact-text
aid=$(awk 'NR == 1 {print $1}' "$WORK/out")
for form in "A$anum" "a$anum" "$anum" "${anum:0:3}-${anum:3:3}-${anum:6:3}" "A# ${anum:0:3} ${anum:3:3} ${anum:6:3}"; do
  expect_exit 0 "$REUNITE" people --search "$form"
  expect_eq "$(awk 'NR == 1 {print $1}' "$WORK/out")" "$aid" "first hit for A-number form '$form'"
  expect_contains "$WORK/out" "same A-number"
done
expect_exit 0 "$REUNITE" people --search "$phone"
if awk '{print $1}' "$WORK/out" | grep -qx "$aid"; then pass; else fail "phone '$phone' does not find person $aid"; fi
expect_contains "$WORK/out" "same phone number"
expect_exit 0 "$REUNITE" people --search "$(echo "$arecord" | tr 'A-Z' 'a-z')"
expect_eq "$(awk 'NR == 1 {print $1}' "$WORK/out")" "$aid" "first hit for the record id in lower case"
expect_exit 0 "$REUNITE" people --search "$aid"
if awk '{print $1}' "$WORK/out" | grep -qx "$aid"; then pass; else fail "person id $aid not found"; fi
expect_contains "$WORK/out" "same person id"

# Filters: --only-born and --only-country keep only the people they describe.
expect_exit 0 "$REUNITE" people --search "$query" --only-born "$year" --min-score 0 --limit 50
[ -s "$WORK/out" ] && pass || fail "--only-born $year found no one"
[ "$(grep -vc " $year-[0-9][0-9]-[0-9][0-9] " "$WORK/out" || true)" -eq 0 ] && pass || {
  fail "--only-born $year listed someone born another year"; cat "$WORK/out" >&2; }
expect_exit 1 "$REUNITE" people --search "$query" --only-country "Atlantis"

# Wrong use.
expect_exit 2 "$REUNITE" people --born 1985
expect_exit 1 "$REUNITE" people --search "juan" --country Atlantis
expect_exit 1 "$REUNITE" people --search "juan" --born 1985-13-40
expect_exit 1 "$REUNITE" people --search "--- ..."

finish
