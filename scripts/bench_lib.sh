# Shared set-up of the benchmarks that need a loaded database (sourced, not run).

# load_synthetic BIN DB DIR FAMILIES SEED: writes FAMILIES synthetic families'
# lists into DIR and imports them (children from ORR, adults from ICE) into DB.
load_synthetic() {
  local bin="$1" db="$2" dir="$3" families="$4" seed="$5"
  "$bin" synth --families "$families" --seed "$seed" --out "$dir" > /dev/null
  "$bin" --db "$db" init > /dev/null
  "$bin" --db "$db" import --quiet --source ORR --kind child --date-order iso "$dir/children.csv" > /dev/null
  "$bin" --db "$db" import --quiet --source ICE --kind adult --date-order iso "$dir/adults.csv" > /dev/null
}

# serve_db BIN DB LOG: serves DB on a free port in the background; sets SERVER (its
# pid, for the caller's cleanup) and URL once it listens.
serve_db() {
  local bin="$1" db="$2" log="$3"
  "$bin" --db "$db" serve --port 0 > "$log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 100); do grep -q "listening on" "$log" && break; sleep 0.1; done
  URL="$(grep -o 'http://[0-9.:]*' "$log" | head -1)"
}
