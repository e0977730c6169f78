#!/usr/bin/env bash
# Idempotent installer of everything Reunite needs on Debian 12.
# Installs only what is missing; safe to run at every `make` invocation.
set -euo pipefail

DEB_PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libsoci-dev libsqlite3-dev libpq-dev
  libcpp-httplib-dev nlohmann-json3-dev libcli11-dev libspdlog-dev libfmt-dev
  libicu-dev libsodium-dev libssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  postgresql postgresql-contrib
  iso-codes python3 time
  libkainjow-mustache-dev chromium wrk libjemalloc-dev
  libxlsxwriter-dev sqlite3
)

missing=()
for p in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# Node and npm may come from Debian (two packages) or NodeSource (one nodejs that bundles
# npm, which conflicts with Debian's npm), so they are checked by command, not by package.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi

# npm packages, pinned by web/package-lock.json (the web assets embedded at build time and the
# browser-test driver). `npm ci` runs when node_modules is missing or older than the lock file,
# so a changed pin is picked up and an unchanged tree is left alone.
root="$(cd "$(dirname "$0")/.." && pwd)"
lock="$root/web/package-lock.json"
stamp="$root/web/node_modules/.package-lock.json"
if [ -f "$lock" ] && { [ ! -f "$stamp" ] || [ "$lock" -nt "$stamp" ]; }; then
  echo "install-deps: npm ci in web/"
  (cd "$root/web" && npm ci --no-audit --no-fund)
fi
