#!/usr/bin/env bash
# How adult dedupe grows from 10,000 to 1,000,000 records (target: 1,000,000 in under
# 60 s on 2 cores with under 4 GB peak memory). For each size, `reunite synth` writes
# lists sized so that adults.csv has about that many records (about 1.47 adult records
# a family), `reunite match dedupe` clusters adults.csv with the built-in model, and
# synth_score.py scores the clusters against the truth. Prints one row a size: records,
# wall and CPU seconds, peak memory, candidate pairs compared (and pairs in blocks over
# max_block_pairs, skipped), precision, recall and F1 over pairs of records, and the
# machine's load average just before the run (wall time on a shared machine depends on
# it; processor time less so). A benchmark: it reports, it never fails on timing.
#
#   scripts/bench_dedupe_growth.sh BUILD_DIR [RECORDS...]   (default 10000 30000 100000 300000 1000000)
set -euo pipefail
BIN="$1/reunite"
shift
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 30000 100000 300000 1000000)
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

printf '%9s %7s %7s %8s %11s %11s %9s %7s %7s %5s\n' records wall_s cpu_s peak_MB pairs skipped precision recall F1 load
for N in "${SIZES[@]}"; do
  "$BIN" synth --families $((N * 100 / 147)) --seed 1 --out "$TMP/s" > /dev/null
  records=$(($(wc -l < "$TMP/s/adults.csv") - 1))
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %U %S %M" -o "$TMP/time" \
    "$BIN" match dedupe "$TMP/s/adults.csv" --out "$TMP/s/clusters.csv" --verbose > /dev/null 2> "$TMP/log"
  read -r wall user sys kb < "$TMP/time"
  pairs=$(sed -n 's/.* \([0-9]*\) candidate pairs/\1/p' "$TMP/log")
  skipped=$({ grep -o 'max_block_pairs ([0-9]*' "$TMP/log" || true; } | tr -d '(' | awk '{ n += $2 } END { print n + 0 }')
  score=$(python3 "$ROOT/scripts/synth_score.py" dedupe "$TMP/s/clusters.csv" "$TMP/s/truth_entities.csv" |
    awk '$1 == "precision" { print $2, $4, $6 }')
  read -r precision recall f1 <<< "$score"
  printf '%9d %7.1f %7.1f %8d %11d %11d %9s %7s %7s %5s\n' "$records" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" \
    $((kb / 1024)) "$pairs" "$skipped" "$precision" "$recall" "$f1" "$load"
  rm -rf "$TMP/s"
done
