#!/usr/bin/env bash
# Live stream fan-out and delay (docs/benchmarks.md, "Live updates"): a fresh SQLite server, then bench/Qdms.Bench.Live
# with 1, 10 and 100 readers of GET /api/v1/live and 2,000 tasks queued through the API by 4 writers.
#   bench/live.sh [--clients 1,10,100] [--tasks 2000] [--db CONN]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
clients=1,10,100; tasks=2000; db=""
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) clients=$2; shift 2 ;;
    --tasks) tasks=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
dotnet build src/Qdms.Server -c Release --nologo -v quiet >/dev/null
dotnet build bench/Qdms.Bench.Live -c Release --nologo -v quiet >/dev/null
data=$(mktemp -d); port=18483
trap 'kill $server 2>/dev/null || true; rm -rf "$data"' EXIT
serve_args=(--data "$data")
if [ -n "$db" ]; then serve_args+=(--db "$db"); fi
QDMS_ADMIN_PASSWORD=bench-password-1 dotnet artifacts/bin/Qdms.Server/release/Qdms.Server.dll "${serve_args[@]}" \
  --urls "http://127.0.0.1:$port" --Logging:LogLevel:Default=Warning >"$data/server.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.1; done
dotnet artifacts/bin/Qdms.Bench.Live/release/Qdms.Bench.Live.dll --url "http://127.0.0.1:$port" --password bench-password-1 \
  --clients "$clients" --tasks "$tasks"
echo "server RSS after the runs: $(awk '/VmRSS/ {print $2}' /proc/$server/status) KiB"
