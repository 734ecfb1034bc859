#!/usr/bin/env bash
# TR-069 connection requests per second over HTTP Digest: a fresh SQLite server with one tr069 engine (connection request
# credentials set), N simulated CPEs booted behind one connection request listener, then POST /api/v1/devices/{id}/connection-request
# for every one, C at a time; each wake-up is the ACS's unauthenticated GET (401 + challenge) and Digest GET (200), after which
# the CPE opens a session with 6 CONNECTION REQUEST.
#   bench/connreq.sh [--cpes N] [--concurrency C]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cpes=1000; concurrency=16
while [ $# -gt 0 ]; do
  case "$1" in
    --cpes) cpes=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
dotnet build src/Qdms.Server -c Release --nologo -v quiet >/dev/null
dotnet build bench/Qdms.Bench.ConnReq -c Release --nologo -v quiet >/dev/null
data=$(mktemp -d); port=18484; acs=18548
trap 'kill $server 2>/dev/null || true; rm -rf "$data"' EXIT
QDMS_ADMIN_PASSWORD=bench-password-1 dotnet artifacts/bin/Qdms.Server/release/Qdms.Server.dll --data "$data" \
  --urls "http://127.0.0.1:$port" --Logging:LogLevel:Default=Warning >"$data/server.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.1; done
token=$(curl -sf -H 'content-type: application/json' -d '{"username":"admin","password":"bench-password-1"}' \
  "http://127.0.0.1:$port/api/v1/auth/login" | sed 's/.*"token":"\([^"]*\)".*/\1/')
curl -sf -H "authorization: Bearer $token" -H 'content-type: application/json' \
  -d "{\"type\":\"tr069\",\"alias\":\"bench\",\"config\":{\"address\":\"127.0.0.1\",\"port\":$acs,\"cpeAuth\":\"none\",\"connectionRequestUsername\":\"acs-cr\",\"connectionRequestPassword\":\"cr-secret\"}}" \
  "http://127.0.0.1:$port/api/v1/engines" >/dev/null
curl -sf -X POST -H "authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/engines/tr069/1/start" >/dev/null
dotnet artifacts/bin/Qdms.Bench.ConnReq/release/Qdms.Bench.ConnReq.dll --url "http://127.0.0.1:$port" --password bench-password-1 \
  --acs "http://127.0.0.1:$acs/" --count "$cpes" --concurrency "$concurrency" --cr-user acs-cr --cr-password cr-secret
echo "server RSS after the run: $(awk '/VmRSS/ {print $2}' /proc/$server/status) KiB"
