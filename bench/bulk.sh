#!/usr/bin/env bash
# Time to queue one bulk task for 100,000 devices (POST /api/v1/devices/bulk-tasks with an empty filter as the sysop), and
# to read its progress (GET /api/v1/bulk-tasks/{id}), on SQLite (or PostgreSQL with --db CONN).
#   bench/bulk.sh [--devices N] [--runs R] [--db CONN] [--no-build]
# Builds Release, seeds N synthetic devices into a fresh database, starts the server, then R times: one POST (all N devices,
# kind reboot) and 5 GETs of its progress; prints each time. Every run adds N more tasks to the same table.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
devices=100000; runs=3; db=""; build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --devices) devices=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [ $build = 1 ]; then dotnet build QDMS.slnx -c Release --nologo -v quiet >/dev/null; fi
data=$(mktemp -d); port=18483
trap 'kill $server 2>/dev/null || true; rm -rf "$data"' EXIT
seed_args=(--data "$data" --devices "$devices"); serve_args=(--data "$data")
if [ -n "$db" ]; then seed_args+=(--db "$db"); serve_args+=(--db "$db"); fi
dotnet artifacts/bin/Qdms.Bench.Load/release/Qdms.Bench.Load.dll seed "${seed_args[@]}"
QDMS_ADMIN_PASSWORD=bench-password-1 dotnet artifacts/bin/Qdms.Server/release/Qdms.Server.dll "${serve_args[@]}" \
  --urls "http://127.0.0.1:$port" --Logging:LogLevel:Default=Warning >"$data/server.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.1; done
base="http://127.0.0.1:$port/api/v1"
token=$(curl -sf "$base/auth/login" -H 'Content-Type: application/json' -d '{"username":"admin","password":"bench-password-1"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
for run in $(seq 1 "$runs"); do
  answer=$(curl -sf -w ' %{time_total}' "$base/devices/bulk-tasks" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"kind":"reboot","filter":{}}')
  seconds=${answer##* }; job=$(echo "${answer% *}" | python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["id"], j["total"])')
  gets=""
  for _ in 1 2 3 4 5; do
    gets+=" $(curl -sf -o /dev/null -w '%{time_total}' "$base/bulk-tasks/${job%% *}" -H "Authorization: Bearer $token")"
  done
  echo "run $run: job ${job%% *} queued ${job##* } tasks in ${seconds} s; progress GETs (s):$gets"
done
echo "server RSS after the runs: $(awk '/VmRSS/ {print $2}' /proc/$server/status) KiB"
