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
  "$BIN" --db "$TMP/bench.db" import --quiet --source BENCH --kind adult --date-order iso "$TMP/adults100k.csv"
/usr/bin/time -f "re-import 100k unchanged rows: %e s wall" \
  "$BIN" --db "$TMP/bench.db" import --quiet --source BENCH --kind adult --date-order iso "$TMP/adults100k.csv"
/usr/bin/time -f "dry run 100k rows (parse and validate only): %e s wall" \
  "$BIN" --db "$TMP/bench.db" import --quiet --dry-run --source BENCH2 --kind adult --date-order iso "$TMP/adults100k.csv"

if [ -x "$BUILD/reunite_bench" ]; then
  echo "== micro-benchmarks"
  "$BUILD/reunite_bench" --benchmark_min_time=0.2
fi
