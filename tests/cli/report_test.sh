#!/usr/bin/env bash
# reunite report status: counts from an imported and linked database, a report as
# of a past time unchanged by a later edit, zero before any data, every format (the
# XLSX a zip workbook whose cells match the CSV), a custom category tree, a bad tree
# file, the usage errors, and the audit entry of each read.
source "$(dirname "$0")/lib.sh"

expect_exit 0 "$REUNITE" report --help
expect_exit 0 "$REUNITE" report status --help
expect_contains "$WORK/out" "--as-of"

# Four children and five adults, all adults in US detention (seeded synthetic lists).
expect_exit 0 "$REUNITE" synth --families 4 --seed 3 --out "$WORK/lists"
expect_exit 0 "$REUNITE" import --source ORR --kind child "$WORK/lists/children.csv"
expect_exit 0 "$REUNITE" import --source ICE --kind adult "$WORK/lists/adults.csv"
expect_exit 0 "$REUNITE" people --kind child
mapfile -t CHILDREN < <(awk '$2=="child" {print $1}' "$WORK/out")
expect_exit 0 "$REUNITE" people --kind adult
mapfile -t ADULTS < <(awk '$2=="adult" {print $1}' "$WORK/out")
expect_eq "${#CHILDREN[@]}" 4 "children imported"
expect_exit 0 "$REUNITE" link "${CHILDREN[0]}" "${ADULTS[0]}" --relationship mother --reason "child named her"
expect_exit 0 "$REUNITE" link "${CHILDREN[1]}" "${ADULTS[2]}" --relationship father --reason "child named him"

# The count of node $2 in report CSV $1.
total() { awk -F, -v n="$2" '$2==n && $8=="total" {print $10}' "$1"; }

T1="$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)"
sleep 0.05
expect_exit 0 "$REUNITE" report status --as-of "$T1" --format csv --out "$WORK/t1.csv"
expect_contains "$WORK/out" "written to $WORK/t1.csv"
expect_eq "$(head -1 "$WORK/t1.csv")" "as_of,node,parent,depth,unit,label_en,label_es,dimension,key,count" "csv header"
expect_eq "$(total "$WORK/t1.csv" children)" 4 "children"
expect_eq "$(total "$WORK/t1.csv" parents)" 2 "parents"
expect_eq "$(total "$WORK/t1.csv" parents_in_us)" 2 "parents in the US (detained)"
expect_eq "$(total "$WORK/t1.csv" parents_outside_us)" 0 "parents outside the US"
expect_eq "$(total "$WORK/t1.csv" children_parent_whereabouts_unknown)" 2 "children with no parent linked"
expect_eq "$(total "$WORK/t1.csv" parents_not_located)" 2 "parents not located"

# A newer ICE list: the first linked adult was removed. The report as of T1 stays
# the same; the report now counts the removal.
python3 - "$WORK/lists/adults.csv" "$WORK/newer.csv" "$(awk -F, 'NR==2 {print $1}' "$WORK/lists/adults.csv")" <<'PY'
import csv, sys
src, dst, record = sys.argv[1:4]
with open(src, newline='', encoding='utf-8') as f, open(dst, 'w', newline='', encoding='utf-8') as g:
    r = csv.DictReader(f); w = csv.DictWriter(g, r.fieldnames); w.writeheader()
    for row in r:
        if row['record_id'] == record:
            row['status'] = 'removed'; row['removal_date'] = '2018-07-01'; row['location'] = ''
        w.writerow(row)
PY
expect_exit 0 "$REUNITE" import --source ICE --kind adult "$WORK/newer.csv"
expect_contains "$WORK/out" "1 updated"
expect_exit 0 "$REUNITE" report status --as-of "$T1" --format csv --out "$WORK/t1-again.csv"
if cmp -s "$WORK/t1.csv" "$WORK/t1-again.csv"; then pass; else fail "the report as of $T1 changed after a later edit"; fi
expect_exit 0 "$REUNITE" report status --format csv --out "$WORK/now.csv"
expect_eq "$(total "$WORK/now.csv" parents_outside_us)" 1 "parents outside the US after the removal"
expect_eq "$(total "$WORK/now.csv" parents_in_us)" 1 "parents in the US after the removal"

# The workflow commands move the counts: the removed mother reached by phone,
# then her decision to reunify at home (the report as of T1 still unchanged).
mother="${ADULTS[0]}"
expect_exit 0 "$REUNITE" contact add --adult "$mother" --kind call --result no_answer --number +50455551234
c1="$(grep -o 'contact [0-9]*' "$WORK/out" | awk '{print $2}')"
expect_exit 0 "$REUNITE" tracing set "$mother" --to phone_attempted --contact "$c1"
expect_exit 0 "$REUNITE" contact add --adult "$mother" --kind call --result reached_parent --number +50455551234
c2="$(grep -o 'contact [0-9]*' "$WORK/out" | awk '{print $2}')"
expect_exit 0 "$REUNITE" tracing set "$mother" --to in_contact --contact "$c2"
expect_exit 0 "$REUNITE" decision set --child "${CHILDREN[0]}" --adult "$mother" --kind reunify_home --language es \
  --date "$(date -u +%F)"
expect_exit 0 "$REUNITE" report status --format csv --out "$WORK/worked.csv"
expect_eq "$(total "$WORK/worked.csv" parents_outside_contacted)" 1 "removed parents contacted"
expect_eq "$(total "$WORK/worked.csv" parents_outside_decided_home)" 1 "removed parents deciding to reunify at home"
expect_eq "$(total "$WORK/worked.csv" children_decision_reunify_home)" 1 "children whose family decided"
expect_eq "$(total "$WORK/worked.csv" parents_located)" 1 "parents located"
expect_exit 0 "$REUNITE" report status --as-of "$T1" --format csv --out "$WORK/t1-third.csv"
if cmp -s "$WORK/t1.csv" "$WORK/t1-third.csv"; then pass; else fail "the report as of $T1 changed after the workflow"; fi

# Before any data: every category counts zero.
expect_exit 0 "$REUNITE" report status --as-of 2000-01-01 --format json
python3 - "$WORK/out" <<'PY' && pass || fail "the report of 2000-01-01 is not all zeros"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["as_of"] == "2000-01-01T23:59:59.999Z" and doc["journal_entries"] == 0
assert doc["nodes"] and all(n["count"] == 0 for n in doc["nodes"])
PY

# Markdown (default) and HTML, in English and Spanish.
expect_exit 0 "$REUNITE" report status
expect_contains "$WORK/out" "# Court status report"
expect_contains "$WORK/out" "| Children | children | 4 |"
expect_exit 0 "$REUNITE" report status --lang es --format html --out "$WORK/r.html"
expect_contains "$WORK/r.html" '<html lang="es">'
expect_contains "$WORK/r.html" "Informe de situación para el tribunal"
expect_contains "$WORK/r.html" "Padres fuera de EE. UU."

# XLSX: a zip workbook with the two sheets, whose cells are the CSV's rows.
expect_exit 0 "$REUNITE" report status --as-of "$T1" --format xlsx --out "$WORK/t1.xlsx"
python3 - "$WORK/t1.xlsx" "$WORK/t1.csv" <<'PY' && pass || fail "the XLSX does not hold the CSV's rows"
import csv, sys, zipfile
import xml.etree.ElementTree as ET
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
names = set(z.namelist())
for need in ("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"):
    assert need in names, need
sheets = [s.get("name") for s in ET.fromstring(z.read("xl/workbook.xml")).find("m:sheets", NS)]
assert sheets == ["Tree", "Breakdown"], sheets
shared = []
if "xl/sharedStrings.xml" in names:
    for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
        shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
def column(ref):  # "C12" -> 2
    n = 0
    for ch in ref:
        if not ch.isalpha(): break
        n = n * 26 + ord(ch) - 64
    return n - 1
def rows(sheet):
    out = []
    for row in ET.fromstring(z.read(sheet)).iter("{%s}row" % NS["m"]):
        cells = {}
        for c in row.findall("m:c", NS):
            v = c.find("m:v", NS)
            text = "" if v is None else v.text
            if c.get("t") == "s": text = shared[int(text)]
            elif c.get("t") is None and text: text = str(int(float(text)))
            cells[column(c.get("r"))] = text
        out.append([cells.get(i, "") for i in range(max(cells) + 1)] if cells else [])
    return out
tree, breakdown = rows("xl/worksheets/sheet1.xml"), rows("xl/worksheets/sheet2.xml")
expected = list(csv.reader(open(sys.argv[2], newline="", encoding="utf-8")))
assert tree[0] == expected[0] and breakdown[0] == expected[0]
# Empty text cells are not written as shared strings: pad to the header's width.
got = [r + [""] * (len(expected[0]) - len(r)) for r in tree + breakdown[1:]]
assert got == expected, (got[:3], expected[:3])
PY
expect_exit 2 "$REUNITE" report status --format xlsx   # a workbook needs --out

# A custom tree: parents in the US by relationship.
cat > "$WORK/tree.json" <<'JSON'
{"format": "reunite-status-tree/1", "nodes": [
  {"id": "in_us", "label": {"en": "Parents in the US", "es": "Padres en EE. UU."}, "unit": "parents",
   "when": {"fact": "parent.whereabouts", "equals": "in_us"},
   "children": [{"id": "fathers", "label": {"en": "Fathers", "es": "Padres"}, "unit": "parents",
                 "when": {"fact": "link.relationship", "equals": "father"}}]}]}
JSON
expect_exit 0 "$REUNITE" report status --as-of "$T1" --tree "$WORK/tree.json" --format csv --out "$WORK/custom.csv"
expect_eq "$(total "$WORK/custom.csv" in_us)" 2 "custom tree: parents in the US"
expect_eq "$(total "$WORK/custom.csv" fathers)" 1 "custom tree: fathers in the US"

# A bad tree: the error names the file, the node and why; nothing else is read.
sed 's/"father"/"dad"/' "$WORK/tree.json" > "$WORK/bad-tree.json"
expect_exit 1 "$REUNITE" report status --tree "$WORK/bad-tree.json"
expect_contains "$WORK/err" "$WORK/bad-tree.json: node 'fathers' (nodes[0].children[0]): link.relationship cannot be 'dad'"
echo '{"format": ' > "$WORK/broken.json"
expect_exit 1 "$REUNITE" report status --tree "$WORK/broken.json"
expect_contains "$WORK/err" "broken.json: not valid JSON"
expect_exit 5 "$REUNITE" report status --tree "$WORK/none.json"
expect_contains "$WORK/err" "none.json"

# Usage errors.
expect_exit 1 "$REUNITE" report status --as-of 2018-02-30
expect_contains "$WORK/err" "--as-of: '2018-02-30'"
expect_exit 2 "$REUNITE" report status --format pdf
expect_exit 2 "$REUNITE" report status --lang fr
expect_exit 5 "$REUNITE" report status --format csv --out "$WORK/no/such/dir/r.csv"

# Each read is audited with its time and tree.
expect_exit 0 "$REUNITE" audit --action read_report --limit 100
expect_contains "$WORK/out" "status as of $T1, tree default"
expect_contains "$WORK/out" "tree $WORK/tree.json"

finish
