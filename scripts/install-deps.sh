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
)

missing=()
for p in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi

# npm packages (pinned by package-lock.json) are installed only once the project has any.
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ -f "$root/web/package-lock.json" ] && [ ! -d "$root/web/node_modules" ]; then
  (cd "$root/web" && npm ci --no-audit --no-fund)
fi
