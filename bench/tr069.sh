#!/usr/bin/env bash
# TR-069 sessions per second: a fresh SQLite server with one tr069 engine, and the CPE simulator booting N CPEs
# (0 BOOTSTRAP + 1 BOOT: device created, 6 parameters and 2 events written) then R rounds of 2 PERIODIC sessions
# (contact and 6 parameters written, 1 event) with C sessions in flight.
#   bench/tr069.sh [--cpes N] [--rounds R] [--concurrency C]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cpes=1000; rounds=3; concurrency=32
while [ $# -gt 0 ]; do
  case "$1" in
    --cpes) cpes=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
dotnet build src/Qdms.Server -c Release --nologo -v quiet >/dev/null
dotnet build tools/Qdms.Tools.CpeSim -c Release --nologo -v quiet >/dev/null
data=$(mktemp -d); port=18483; acs=18547
trap 'kill $server 2>/dev/null || true; rm -rf "$data"' EXIT
QDMS_ADMIN_PASSWORD=bench-password-1 dotnet artifacts/bin/Qdms.Server/release/Qdms.Server.dll --data "$data" \
  --urls "http://127.0.0.1:$port" --Logging:LogLevel:Default=Warning >"$data/server.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.1; done
token=$(curl -sf -H 'content-type: application/json' -d '{"username":"admin","password":"bench-password-1"}' \
  "http://127.0.0.1:$port/api/v1/auth/login" | sed 's/.*"token":"\([^"]*\)".*/\1/')
curl -sf -H "authorization: Bearer $token" -H 'content-type: application/json' \
  -d "{\"type\":\"tr069\",\"alias\":\"bench\",\"config\":{\"address\":\"127.0.0.1\",\"port\":$acs,\"cpeAuth\":\"none\"}}" "http://127.0.0.1:$port/api/v1/engines" >/dev/null
curl -sf -X POST -H "authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/engines/tr069/1/start" >/dev/null
dotnet artifacts/bin/Qdms.Tools.CpeSim/release/Qdms.Tools.CpeSim.dll --acs "http://127.0.0.1:$acs/" \
  --count "$cpes" --rounds "$rounds" --concurrency "$concurrency"
echo "server RSS after the runs: $(awk '/VmRSS/ {print $2}' /proc/$server/status) KiB"
