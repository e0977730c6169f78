#!/usr/bin/env bash
# make bench: prints figures; never fails on timing.
set -euo pipefail
BUILD="$1"
BIN="$BUILD/reunite"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

echo "== Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"

echo "== synth: 430,000 families (about 1,000,000 people)"
/usr/bin/time -f "synth 430k families: %e s wall, %M KB peak" "$BIN" synth --families 430000 --seed 1 --out "$TMP/big"
wc -l "$TMP/big/children.csv" "$TMP/big/adults.csv" | sed 's/^/  /'

echo "== import: 100,000 adult rows into a new SQLite database (target: under 5 s)"
head -n 100001 "$TMP/big/adults.csv" > "$TMP/adults100k.csv"
"$BIN" --db "$TMP/bench.db" init > /dev/null
/usr/bin/time -f "import 100k rows: %e s wall, %U s user, %M KB peak" \
  "$BIN" --db "$TMP/bench.db" import --quiet --source BENCH --kind adult "$TMP/adults100k.csv"
/usr/bin/time -f "re-import 100k unchanged rows: %e s wall" \
  "$BIN" --db "$TMP/bench.db" import --quiet --source BENCH --kind adult "$TMP/adults100k.csv"
/usr/bin/time -f "dry run 100k rows (parse and validate only): %e s wall" \
  "$BIN" --db "$TMP/bench.db" import --quiet --dry-run --source BENCH2 --kind adult "$TMP/adults100k.csv"

echo "== import: the same 100,000 rows into a new PostgreSQL database (throwaway local server, default durability; target: under 5 s)"
# shellcheck disable=SC2016  # expanded by the inner shell
"$(dirname "$0")/with-postgres.sh" bash -c '"$0" init > /dev/null &&
  /usr/bin/time -f "import 100k rows (PostgreSQL): %e s wall, %U s user (client), %M KB peak" \
    "$0" import --quiet --source BENCH --kind adult "$1"' "$BIN" "$TMP/adults100k.csv" ||
  echo "import 100k rows (PostgreSQL): not measured (see the error above)"

if [ -x "$BUILD/reunite_bench" ]; then
  echo "== micro-benchmarks"
  "$BUILD/reunite_bench" --benchmark_min_time=0.2 '--benchmark_filter=-PersonSearch1M|StatusReport'
  echo "== court status report: replay the journal of 100,000 families (~270,000 people, ~170,000 links, ~57,000 changes) and count the default tree"
  /usr/bin/time -f "status report benchmark: %e s wall, %M KB peak (building the database included)" \
    "$BUILD/reunite_bench" --benchmark_filter=StatusReport
  echo "== fuzzy person search over about 1,000,000 people (target: p99 under 20 ms)"
  /usr/bin/time -f "person search benchmark: %e s wall, %M KB peak (synth lists and parsed rows included)" \
    "$BUILD/reunite_bench" --benchmark_filter=PersonSearch1M
fi

# Linkage accuracy and invariants: all FEBRL files, the public labelled set, and adult
# dedupes and family links on two generators at 2,000 and 50,000 families.
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
bash "$(dirname "$0")/bench_linkage.sh" "$BUILD"

# The review queue's matching in a database: a full run, then an incremental one after
# a newer list changed 20 adults (only their neighbourhood is matched again).
echo "== match run on 50,000 synthetic families in SQLite: full, then incremental after 20 changed adults"
"$(dirname "$0")/bench_match_run.sh" "$BIN" 50000 20

# The web workspace under load from a second process (wrk): the family API and the
# fuzzy search API with an API token, 100,000 families loaded.
echo "== web: 100,000 families; family API and search API at 64 connections (targets: >= 2000 requests/s, p99 < 50 ms)"
"$(dirname "$0")/bench_web.sh" "$BIN" 100000 15

echo "== workflow: commands, the overdue report and the search plan over 20,000 synthetic families"
bash "$(dirname "$0")/bench_workflow.sh" "$BUILD" 20000
# How adult dedupe grows with the list: time, memory, pairs compared and accuracy from
# 10,000 to 1,000,000 records (scripts/bench_dedupe_growth.sh). DEDUPE_GROWTH_SIZES
# (record counts separated by spaces) measures other sizes, e.g. "10000 100000" for a
# quick look; the default ends at 1,000,000.
read -ra GROWTH_SIZES <<< "${DEDUPE_GROWTH_SIZES:-10000 30000 100000 300000 1000000}"
echo "== adult dedupe at ${GROWTH_SIZES[*]} records (target at 1,000,000: under 60 s on 2 cores, under 4 GB peak; load average now $(cut -d' ' -f1 /proc/loadavg))"
"$ROOT/scripts/bench_dedupe_growth.sh" "$BUILD" "${GROWTH_SIZES[@]}" | sed 's/^/  /' || echo "  dedupe growth: not measured (see the error above)"
# The pages that count families, one request at a time (target: about 100 ms at most;
# /families?sort=name still reads every child in scope).
echo "== pages: the dashboard and the families list with 100,000 families"
"$(dirname "$0")/bench_pages.sh" "$BIN" 100000 5
