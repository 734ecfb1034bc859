#!/usr/bin/env bash
# Device API throughput and latency with 100,000 devices in SQLite (or PostgreSQL with --db CONN).
#   bench/api.sh [--devices N] [--seconds S] [--db CONN]
# Builds Release, seeds N synthetic devices through the store's bulk insert into a fresh database, starts the server,
# and runs the load generator (bench/Qdms.Bench.Load) for each scenario at concurrency 1 and 4:
#   list   GET /api/v1/devices?page=P&size=50, P walking all pages (so deep OFFSETs are included), with the total
#   filter GET /api/v1/devices?q=SN-0xx (a prefix matching 1,000 devices) and ?group=group-N&page=P (5,000 matches)
#   get    GET /api/v1/devices/{id}
#   task   POST /api/v1/devices/{id}/tasks {"kind":"reboot"} (202)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
devices=100000; seconds=15; db=""
while [ $# -gt 0 ]; do
  case "$1" in
    --devices) devices=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
dotnet build QDMS.slnx -c Release --nologo -v quiet >/dev/null
data=$(mktemp -d); port=18482
trap 'kill $server 2>/dev/null || true; rm -rf "$data"' EXIT
seed_args=(--data "$data" --devices "$devices"); serve_args=(--data "$data")
if [ -n "$db" ]; then seed_args+=(--db "$db"); serve_args+=(--db "$db"); fi
dotnet artifacts/bin/Qdms.Bench.Load/release/Qdms.Bench.Load.dll seed "${seed_args[@]}"
QDMS_ADMIN_PASSWORD=bench-password-1 dotnet artifacts/bin/Qdms.Server/release/Qdms.Server.dll "${serve_args[@]}" \
  --urls "http://127.0.0.1:$port" --Logging:LogLevel:Default=Warning >"$data/server.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.1; done
for scenario in list filter get task; do
  for c in 1 4; do
    dotnet artifacts/bin/Qdms.Bench.Load/release/Qdms.Bench.Load.dll --url "http://127.0.0.1:$port" --password bench-password-1 \
      --scenario "$scenario" --concurrency "$c" --seconds "$seconds" --devices "$devices"
  done
done
echo "server RSS after the runs: $(awk '/VmRSS/ {print $2}' /proc/$server/status) KiB"
