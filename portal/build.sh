#!/usr/bin/env bash
# Builds the web portal into portal/dist when it is missing or older than its sources: `npm ci` from the committed lock
# file (only when node_modules is missing or older than the lock), then type-check and `vite build`.
# Used by ./qdms, the portal tests and CI. `--force` rebuilds anyway.
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$dir"

stale() {
  [ "${1:-}" = "--force" ] && return 0
  [ -f dist/index.html ] || return 0
  [ -n "$(find src index.html package.json package-lock.json vite.config.ts tsconfig.json -newer dist/index.html -print -quit)" ]
}

if ! stale "${1:-}"; then
  exit 0
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "portal: node and npm are needed to build the web portal (Node.js 20.19 or later)." >&2
  echo "portal: install them (Debian: the nodejs package from NodeSource, or apt-get install nodejs npm on a release with Node 20+)," >&2
  echo "portal: or run the server without the portal: the REST API and the CLI do not need it." >&2
  exit 1
fi
version="$(node -p 'process.versions.node')"
major="${version%%.*}"; rest="${version#*.}"; minor="${rest%%.*}"
if [ "$major" -lt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -lt 19 ]; }; then
  echo "portal: Node.js $version is too old to build the portal (Vite needs 20.19 or later)." >&2
  exit 1
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "portal: npm ci" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
echo "portal: building" >&2
npm run --silent build >&2
