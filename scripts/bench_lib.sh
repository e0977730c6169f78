# Shared set-up of the benchmarks that need a loaded database (sourced, not run).

# bench_workdir: a temporary folder in TMP, removed on exit, when a server started
# by serve_db (SERVER) is stopped too.
bench_workdir() {
  TMP="$(mktemp -d)"
  SERVER=""
  trap bench_cleanup EXIT
}
bench_cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2> /dev/null || true; fi
  wait 2> /dev/null || true
  rm -rf "$TMP"
}

# load_synthetic BIN DB DIR FAMILIES SEED: writes FAMILIES synthetic families'
# lists into DIR and imports them (children from ORR, adults from ICE) into DB.
load_synthetic() {
  local bin="$1" db="$2" dir="$3" families="$4" seed="$5"
  "$bin" synth --families "$families" --seed "$seed" --out "$dir" > /dev/null
  "$bin" --db "$db" init > /dev/null
  "$bin" --db "$db" import --quiet --source ORR --kind child "$dir/children.csv" > /dev/null
  "$bin" --db "$db" import --quiet --source ICE --kind adult "$dir/adults.csv" > /dev/null
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

# login_cookies URL USER PASSWORD FILE: signs USER in through the JSON API and keeps
# the session cookie in FILE.
login_cookies() {
  curl -s -o /dev/null -c "$4" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$2\",\"password\":\"$3\"}" "$1/api/login"
}

# time_pages URL COOKIES ROUNDS LABEL PATH...: times each page with curl, one request
# at a time after a warm-up, and prints the best and worst of ROUNDS.
time_pages() {
  local url="$1" cookies="$2" rounds="$3" label="$4" path times
  shift 4
  for path in "$@"; do
    curl -s -o /dev/null -b "$cookies" "$url$path"
    times=$(for _ in $(seq 1 "$rounds"); do
      curl -s -o /dev/null -w '%{time_total}\n' -b "$cookies" "$url$path"
    done | sort -n)
    printf '  %-6s %-38s best %6.0f ms, worst %6.0f ms\n' "$label" "$path" \
      "$(head -1 <<< "$times" | awk '{print $1 * 1000}')" "$(tail -1 <<< "$times" | awk '{print $1 * 1000}')"
  done
}
