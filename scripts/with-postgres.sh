#!/usr/bin/env bash
# scripts/with-postgres.sh CMD...: runs CMD against a throwaway PostgreSQL server.
#
# Starts a new cluster in a temporary directory (trust auth, superuser "postgres",
# listening on a free port on 127.0.0.1 only), creates database "reunite", runs CMD
# with REUNITE_DB="postgresql://postgres@127.0.0.1:PORT/reunite" exported, then
# stops the server and deletes the directory, whatever CMD did. Exits with CMD's
# status (or 3 when the server cannot be started).
#
# Durability settings are PostgreSQL's defaults (fsync and synchronous_commit on),
# unlike the store tests' server, so timings taken under it are honest.
# As in src/store/test_postgres.h: the newest /usr/lib/postgresql/*/bin is used, and
# initdb/postgres run as user "postgres" when this script runs as root (they refuse
# to run as root).
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n | tail -n 1)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "with-postgres: no PostgreSQL server under /usr/lib/postgresql/*/bin; run scripts/install-deps.sh" >&2
  exit 3
fi

AS_PG=()
if [ "$(id -u)" -eq 0 ]; then AS_PG=(runuser -u postgres --); fi

DIR="$(mktemp -d /tmp/reunite-pg-XXXXXX)"
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$DIR"; fi
DATA="$DIR/data"
STARTED=0

cleanup() {
  if [ "$STARTED" -eq 1 ]; then
    "${AS_PG[@]}" "$BIN/pg_ctl" -D "$DATA" -m fast -w stop > /dev/null 2>&1 || true
  fi
  rm -rf "$DIR"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A TCP port that was free a moment ago; another process may take it before the
# server binds, so starting is retried with a new port.
free_port() {
  python3 - <<'EOF'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
EOF
}

if ! "${AS_PG[@]}" "$BIN/initdb" -D "$DATA" -A trust -U postgres -E UTF8 --no-locale > "$DIR/initdb.log" 2>&1; then
  echo "with-postgres: initdb failed:" >&2
  tail -n 20 "$DIR/initdb.log" >&2
  exit 3
fi

for attempt in 1 2 3; do
  PORT="$(free_port)"
  if "${AS_PG[@]}" "$BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 30 \
       -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1" start > /dev/null 2>&1; then
    STARTED=1
    break
  fi
done
if [ "$STARTED" -ne 1 ]; then
  echo "with-postgres: postgres did not start:" >&2
  tail -n 20 "$DIR/server.log" >&2 || true
  exit 3
fi

"$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres reunite

export REUNITE_DB="postgresql://postgres@127.0.0.1:$PORT/reunite"
status=0
"$@" || status=$?
exit "$status"
