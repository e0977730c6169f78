#!/usr/bin/env bash
# Linkage accuracy and its invariants on data the engine was not shaped on, for
# `make bench` (issue 12): all FEBRL files, the public labelled set, and family links
# and adult dedupes on two generators, `reunite synth` and bench/indep_gen (written
# from ../shared/DOMAIN.md alone by someone who had not read the matcher or synth),
# at 2,000 and 50,000 families, moderate and high noise. Prints figures; never fails
# on them. Labels are used for scoring only.
#   scripts/bench_linkage.sh build/release [SIZES]   (SIZES default "2000 50000")
set -euo pipefail
BIN="$1/reunite"
SIZES="${2:-${LINKAGE_SIZES:-2000 50000}}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="$ROOT/../shared/data"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
indent() { sed 's/^/  /'; }

if [ -f "$SHARED/febrl/dataset4a.csv" ]; then
  F="$SHARED/febrl"
  echo "== FEBRL (targets: FEBRL4 F1 >= 0.998, FEBRL3 >= 0.995; reference tool 0.9997 in ~4.4 s and 0.9975 in ~2 s)"
  /usr/bin/time -f "febrl4 link: %e s wall, %U s user, %M KB peak" "$BIN" match link "$F/dataset4a.csv" \
    "$F/dataset4b.csv" --settings "$ROOT/examples/febrl/febrl4.json" --out "$TMP/f4.csv" > /dev/null
  python3 "$ROOT/scripts/febrl_score.py" link "$TMP/f4.csv" "$F/dataset4a.csv" "$F/dataset4b.csv" | indent
  for d in 1 2 3; do
    /usr/bin/time -f "febrl dataset$d dedupe: %e s wall, %U s user, %M KB peak" "$BIN" match dedupe \
      "$F/dataset$d.csv" --settings "$ROOT/examples/febrl/febrl3.json" --out "$TMP/f$d.csv" 2> "$TMP/err" > /dev/null
    grep -E "clusters by size|warning|s wall" "$TMP/err" | indent
    python3 "$ROOT/scripts/febrl_score.py" dedupe "$TMP/f$d.csv" "$F/dataset$d.csv" | indent
  done
fi

if [ -f "$SHARED/public/fake_1000.csv" ]; then
  echo "== public labelled set fake_1000 (target on the 50,000-record set: F1 >= 0.9)"
  for s in fake_1000 fake_1000_single_columns; do
    "$BIN" match dedupe "$SHARED/public/fake_1000.csv" --settings "$ROOT/examples/public/$s.json" \
      --out "$TMP/pub.csv" 2> "$TMP/err" > /dev/null
    echo "  $s.json:"
    grep -E "warning|note|clusters by size" "$TMP/err" | indent | indent
    python3 "$ROOT/scripts/cluster_score.py" "$TMP/pub.csv" "$SHARED/public/fake_1000.csv" --id unique_id \
      --truth cluster | indent | indent
  done
fi

# One generated pair of lists: adult dedupe and family links, with the invariants
# (cluster sizes, links per child and per adult, the model's health).
score_lists() {
  local dir="$1"
  /usr/bin/time -f "match dedupe adults: %e s wall, %U s user, %M KB peak" \
    "$BIN" match dedupe "$dir/adults.csv" --out "$dir/clusters.csv" 2> "$TMP/err" > /dev/null
  grep -E "clusters by size|warning|UNHEALTHY|s wall" "$TMP/err" | indent
  python3 "$ROOT/scripts/synth_score.py" dedupe "$dir/clusters.csv" "$dir/truth_entities.csv" | indent
  /usr/bin/time -f "match families: %e s wall, %U s user, %M KB peak" \
    "$BIN" match families "$dir/children.csv" "$dir/adults.csv" --out "$dir/links.csv" \
    --suggestions "$dir/suggestions.csv" --verbose 2> "$TMP/err" > /dev/null
  grep -E "^family:|note:|session |lambda .* over|s wall" "$TMP/err" | indent
  python3 "$ROOT/scripts/synth_score.py" families "$dir/links.csv" "$dir/truth_links.csv" | sed -n 1,4p | indent
  python3 "$ROOT/scripts/synth_score.py" suggestions "$dir/suggestions.csv" "$dir/truth_links.csv" \
    "$dir/truth_entities.csv" | indent
  python3 "$ROOT/scripts/synth_score.py" invariants "$dir/links.csv" "$dir/truth_entities.csv" | indent
}

echo "== family links and adult dedupe (targets: family links F1 >= 0.95 with precision >= 0.97 on both"
echo "   generators, precision >= 0.95 on lists never seen; adult dedupe F1 >= 0.99; no cluster of strangers)"
for n in $SIZES; do
  for noise in 1 2; do
    echo "-- reunite synth, $n families, noise $noise"
    "$BIN" synth --families "$n" --seed 7 --noise "$noise" --out "$TMP/s" > /dev/null
    score_lists "$TMP/s"
    rm -rf "$TMP/s"
  done
  for noise in moderate high; do
    echo "-- bench/indep_gen, $n families, $noise noise"
    python3 "$ROOT/bench/indep_gen/agency_lists.py" --families "$n" --seed 17 --noise "$noise" --out "$TMP/i" > /dev/null
    score_lists "$TMP/i"
    rm -rf "$TMP/i"
  done
done
