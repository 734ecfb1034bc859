#!/usr/bin/env bash
# SNMP polling capacity of one node: N simulated v2c agents on loopback (bench/Qdms.Bench.SnmpPoll simulate), a fresh QDMS
# server with one SNMP device per agent, a 20-OID profile every 60 s assigned by tag, and the snmp engine; then one
# steady-state window is measured (polls on time, timeouts, server CPU and RSS, simulator CPU).
#   bench/snmp-poll.sh [--devices N] [--oids 20] [--interval 60] [--warmup 30] [--seconds 120] [--db CONN]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
devices=10000; oids=20; interval=60; warmup=30; seconds=120; db=""; base=30000
while [ $# -gt 0 ]; do
  case "$1" in
    --devices) devices=$2; shift 2 ;;
    --oids) oids=$2; shift 2 ;;
    --interval) interval=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
dotnet build bench/Qdms.Bench.SnmpPoll -c Release --nologo -v quiet >/dev/null
dotnet build src/Qdms.Server -c Release --nologo -v quiet >/dev/null
data=$(mktemp -d); port=18490
trap 'kill $server $sim 2>/dev/null || true; rm -rf "$data"' EXIT
dotnet artifacts/bin/Qdms.Bench.SnmpPoll/release/Qdms.Bench.SnmpPoll.dll simulate --agents "$devices" --base-port "$base" >"$data/sim.log" 2>&1 &
sim=$!
until grep -q READY "$data/sim.log"; do kill -0 $sim || { cat "$data/sim.log"; exit 1; }; sleep 0.2; done
serve_args=(--data "$data"); [ -n "$db" ] && serve_args+=(--db "$db")
QDMS_ADMIN_PASSWORD=bench-password-1 dotnet artifacts/bin/Qdms.Server/release/Qdms.Server.dll "${serve_args[@]}" \
  --urls "http://127.0.0.1:$port" --Logging:LogLevel:Default=Warning >"$data/server.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.1; done
dotnet artifacts/bin/Qdms.Bench.SnmpPoll/release/Qdms.Bench.SnmpPoll.dll drive --url "http://127.0.0.1:$port" --password bench-password-1 \
  --agents "$devices" --base-port "$base" --oids "$oids" --interval "$interval" --warmup "$warmup" --seconds "$seconds" \
  --server-pid "$server" --sim-pid "$sim"
grep -E "fail|warn" -i "$data/server.log" | head -5 || true
