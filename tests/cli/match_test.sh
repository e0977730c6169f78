#!/usr/bin/env bash
# reunite match on CSV files: dedupe and link canonical lists with the built-in model,
# a settings file for another layout, explain, and the errors with their exit codes.
source "$(dirname "$0")/lib.sh"

for sub in dedupe link explain; do expect_exit 0 "$REUNITE" match "$sub" --help; done
expect_exit 2 "$REUNITE" match
expect_exit 2 "$REUNITE" match dedupe "$WORK/none.csv"          # --out missing

expect_exit 0 "$REUNITE" synth --families 150 --seed 5 --out "$WORK/lists"
expect_exit 0 "$REUNITE" match dedupe "$WORK/lists/adults.csv" --out "$WORK/clusters.csv" --verbose
expect_contains "$WORK/out" "clusters"
expect_contains "$WORK/err" "lambda"
expect_contains "$WORK/err" "compare"
expect_eq "$(head -1 "$WORK/clusters.csv")" "record_id,cluster_id" "clusters header"
expect_eq "$(wc -l < "$WORK/clusters.csv")" "$(wc -l < "$WORK/lists/adults.csv")" "one row per record"
# Same input, same seed, one or two threads: the same file.
expect_exit 0 "$REUNITE" match dedupe "$WORK/lists/adults.csv" --out "$WORK/clusters1.csv" --threads 1
if cmp -s "$WORK/clusters.csv" "$WORK/clusters1.csv"; then pass; else fail "dedupe differs with 1 thread"; fi

expect_exit 0 "$REUNITE" match link "$WORK/lists/adults.csv" "$WORK/lists/children.csv" --out "$WORK/pairs.csv" --all
expect_eq "$(head -1 "$WORK/pairs.csv")" "left_id,right_id,match_weight,probability" "pairs header"

# A record and its copy in another agency's list explain as a strong match.
read -r a b < <(python3 - "$WORK/lists/truth_entities.csv" <<'PY'
import csv, sys, collections
by = collections.defaultdict(list)
for r in csv.DictReader(open(sys.argv[1])):
    if r["list"] == "adults": by[r["person_id"]].append(r["record_id"])
print(*next(v for v in by.values() if len(v) > 1)[:2])
PY
)
expect_exit 0 "$REUNITE" match explain "$WORK/lists/adults.csv" --left-id "$a" --right-id "$b"
expect_contains "$WORK/out" "prior"
expect_contains "$WORK/out" "given_name"
expect_contains "$WORK/out" "match weight"
expect_exit 3 "$REUNITE" match explain "$WORK/lists/adults.csv" --left-id "$a" --right-id no-such-id
expect_contains "$WORK/err" "no record 'no-such-id'"

# Any header-first CSV through a settings file.
cat > "$WORK/a.csv" <<'CSV'
id, first, last, born
1, ana, pop, 19900101
2, jose, xol, 19850302
CSV
cat > "$WORK/b.csv" <<'CSV'
id, first, last, born
x, anna, pop, 19900101
y, pedro, caal, 19700101
CSV
cat > "$WORK/s.json" <<'JSON'
{"link_type": "link", "unique_id_column": "id", "csv": {"trim_leading_space": true},
 "comparisons": [
   {"kind": "string", "column": "first", "levels": ["exact", {"jaro_winkler": 0.85}]},
   {"kind": "string", "column": "last", "levels": ["exact"]},
   {"kind": "date", "column": "born", "date_format": "YYYYMMDD"}],
 "blocking_rules": ["last", "born.year"]}
JSON
expect_exit 0 "$REUNITE" match link "$WORK/a.csv" "$WORK/b.csv" --settings "$WORK/s.json" --out "$WORK/ab.csv" --all
expect_contains "$WORK/ab.csv" "1,x,"

# Errors: a bad settings file names the JSON path; unreadable files; wrong columns.
echo '{"comparisons": [{"kind": "string", "column": "first", "levels": ["jaro"]}], "blocking_rules": ["first"]}' > "$WORK/bad.json"
expect_exit 1 "$REUNITE" match link "$WORK/a.csv" "$WORK/b.csv" --settings "$WORK/bad.json" --out "$WORK/x.csv"
expect_contains "$WORK/err" '$.comparisons[0].levels[0]: unknown level'
expect_exit 5 "$REUNITE" match dedupe "$WORK/missing.csv" --out "$WORK/x.csv"
expect_exit 5 "$REUNITE" match link "$WORK/a.csv" "$WORK/b.csv" --settings "$WORK/nofile.json" --out "$WORK/x.csv"
expect_exit 1 "$REUNITE" match dedupe "$WORK/a.csv" --out "$WORK/x.csv"   # not canonical, no settings
expect_exit 5 "$REUNITE" match link "$WORK/a.csv" "$WORK/b.csv" --settings "$WORK/s.json" --out "$WORK/no/dir/x.csv"

# --pairs: every scored pair by descending weight, with the clusters (dedupe) or whether
# it was linked (link), and each comparison's level.
expect_exit 0 "$REUNITE" match link "$WORK/a.csv" "$WORK/b.csv" --settings "$WORK/s.json" --out "$WORK/ab1.csv" \
  --pairs "$WORK/ab_pairs.csv"
expect_contains "$WORK/out" "scored pairs"
expect_eq "$(head -1 "$WORK/ab_pairs.csv")" \
  "left_id,right_id,match_weight,probability,linked,first_level,last_level,born_level" "link pairs header"
expect_eq "$(wc -l < "$WORK/ab_pairs.csv")" "$(wc -l < "$WORK/ab.csv")" "one row per scored pair, as --all"
expect_contains "$WORK/ab_pairs.csv" ',jaro_winkler >= 0.85,exact,"exact, January 1 default"'
expect_exit 0 "$REUNITE" match dedupe "$WORK/lists/adults.csv" --out "$WORK/clusters.csv" --pairs "$WORK/dd_pairs.csv"
expect_eq "$(head -1 "$WORK/dd_pairs.csv" | cut -d, -f1-6)" \
  "left_id,right_id,match_weight,probability,left_cluster_id,right_cluster_id" "dedupe pairs header"
# The cluster columns are the clusters file's; pairs come by descending weight.
if python3 - "$WORK/clusters.csv" "$WORK/dd_pairs.csv" <<'PY'
import csv, sys
cluster = {r["record_id"]: r["cluster_id"] for r in csv.DictReader(open(sys.argv[1]))}
rows = list(csv.DictReader(open(sys.argv[2])))
assert len(rows) > 50, len(rows)
for r in rows:
    assert cluster[r["left_id"]] == r["left_cluster_id"] and cluster[r["right_id"]] == r["right_cluster_id"], r
weights = [float(r["match_weight"]) for r in rows]
assert weights == sorted(weights, reverse=True)
PY
then pass; else fail "dedupe --pairs disagrees with the clusters"; fi

# Dates of any year, read in the column's format. A column read in the wrong format, or
# mostly empty, is named with examples; a comparison with nothing to compare is refused
# unless allowed.
cat > "$WORK/hist.csv" <<'CSV'
id,name,dob,city
1,edmund,1066-10-14,hastings
2,edmund,1066-10-14,
3,berthe,0800-12-25,
4,bertha,0800-12-25,
5,josiah,1850-02-03,
CSV
hist_settings() {
  cat > "$WORK/hist.json" <<JSON
{"unique_id_column": "id",
 "comparisons": [{"kind": "string", "column": "name", "levels": ["exact", {"jaro_winkler": 0.85}]},
                 {"kind": "date", "column": "dob", "date_format": "$1"},
                 {"kind": "string", "column": "city", "levels": ["exact"]}],
 "blocking_rules": ["name", "dob.year"]}
JSON
}
hist_settings '%d/%m/%Y'
expect_exit 1 "$REUNITE" match dedupe "$WORK/hist.csv" --settings "$WORK/hist.json" --out "$WORK/h.csv"
expect_contains "$WORK/err" "hist.csv: column 'dob' (comparison 'dob'): 5 of 5 values (100%) do not parse as dates in format '%d/%m/%Y', e.g. \"1066-10-14\", \"0800-12-25\", \"1850-02-03\"; no usable value"
expect_contains "$WORK/err" "--allow-empty-columns"
expect_exit 0 "$REUNITE" match dedupe "$WORK/hist.csv" --settings "$WORK/hist.json" --out "$WORK/h.csv" \
  --allow-empty-columns
expect_contains "$WORK/err" "reunite: warning: $WORK/hist.csv: column 'dob' (comparison 'dob'): 5 of 5 values (100%)"
expect_contains "$WORK/err" \
  "reunite: warning: $WORK/hist.csv: column 'city' (comparison 'city'): 4 of 5 records (80%) are empty"
for format in '%Y-%m-%d' 'YYYY-MM-DD' 'iso'; do
  hist_settings "$format"
  expect_exit 0 "$REUNITE" match dedupe "$WORK/hist.csv" --settings "$WORK/hist.json" --out "$WORK/h.csv" \
    --pairs "$WORK/h_pairs.csv"
  if grep -q "column 'dob'" "$WORK/err"; then fail "dob warned in format $format"; else pass; fi
  # left_id,right_id,match_weight,probability,left_cluster_id,right_cluster_id,name,dob,city
  expect_eq "$(awk -F, '$1 == "1" && $2 == "2" {print $7 "/" $8 "/" $9}' "$WORK/h_pairs.csv")" "exact/exact/null" \
    "1066 dates read in $format"
  expect_eq "$(awk -F, '$1 == "3" && $2 == "4" {print $8}' "$WORK/h_pairs.csv")" "exact" "0800 dates read in $format"
done
hist_settings 'DD/MM/YY'
expect_exit 1 "$REUNITE" match dedupe "$WORK/hist.csv" --settings "$WORK/hist.json" --out "$WORK/h.csv"
expect_contains "$WORK/err" "\$.comparisons[1].date_format: unknown date format 'DD/MM/YY'"

# A new user's settings for Splink's historical layout, on a hand-written 30-row file
# (dates from 800 to 1899): no column warning, and the dates are read.
HIST30="$(dirname "$0")/../data/match/historical_30.csv"
expect_exit 0 "$REUNITE" match dedupe "$HIST30" --settings "$(dirname "$0")/../../examples/public/historical_50k.json" \
  --out "$WORK/h30.csv" --pairs "$WORK/h30_pairs.csv"
if grep -q "warning" "$WORK/err"; then fail "historical_30: $(cat "$WORK/err")"; else pass; fi
expect_eq "$(wc -l < "$WORK/h30.csv")" "31" "historical_30: one row per record"
if python3 - "$WORK/h30_pairs.csv" <<'PY'
import csv, sys
rows = {(r["left_id"], r["right_id"]): r for r in csv.DictReader(open(sys.argv[1]))}
assert rows[("Q2-1", "Q2-2")]["dob_level"] == "exact", rows[("Q2-1", "Q2-2")]   # 0800-12-25
assert rows[("Q1-1", "Q1-2")]["dob_level"] == "exact"                             # 1066-10-14
assert sum(r["dob_level"] != "null" for r in rows.values()) == len(rows)          # every record has a date
PY
then pass; else fail "historical_30: dates not read"; fi
finish
