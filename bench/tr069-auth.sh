#!/usr/bin/env bash
# TR-069 sessions per second with CPE authentication none vs Basic vs Digest, side by side in one run: one fresh SQLite server
# with three tr069 engines (cpeAuth none, basic, digest), N CPEs pre-registered with credentials for each authenticated engine
# (user = serial, password = pw-serial), then T trios of simulator runs (none, basic, digest, in turn), each a boot and R rounds
# of 2 PERIODIC sessions with C sessions in flight. Basic is sent on every request (the common CPE quirk); Digest answers the
# first 401 and keeps its nonce for the next sessions (nonceLifetimeSeconds 60).
#   bench/tr069-auth.sh [--cpes N] [--rounds R] [--trios T] [--concurrency C]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cpes=500; rounds=3; trios=3; concurrency=32
while [ $# -gt 0 ]; do
  case "$1" in
    --cpes) cpes=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --trios) trios=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
dotnet build src/Qdms.Server -c Release --nologo -v quiet >/dev/null
dotnet build tools/Qdms.Tools.CpeSim -c Release --nologo -v quiet >/dev/null
data=$(mktemp -d); port=18493; base=18560
trap 'kill $server 2>/dev/null || true; rm -rf "$data"' EXIT
# PBKDF2 iterations lowered only to register the CPEs quickly: no session checks a PBKDF2 hash (the sealed password is used)
QDMS_ADMIN_PASSWORD=bench-password-1 dotnet artifacts/bin/Qdms.Server/release/Qdms.Server.dll --data "$data" \
  --urls "http://127.0.0.1:$port" --Logging:LogLevel:Default=Warning --Qdms:Auth:PasswordIterations=10000 >"$data/server.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.1; done
api="http://127.0.0.1:$port/api/v1"
token=$(curl -sf -H 'content-type: application/json' -d '{"username":"admin","password":"bench-password-1"}' \
  "$api/auth/login" | sed 's/.*"token":"\([^"]*\)".*/\1/')
auth=(-H "authorization: Bearer $token" -H 'content-type: application/json')
index=0
for mode in none basic digest; do
  index=$((index + 1))
  curl -sf "${auth[@]}" -d "{\"type\":\"tr069\",\"alias\":\"auth-$mode\",\"config\":{\"address\":\"127.0.0.1\",\"port\":$((base + index)),\"cpeAuth\":\"$mode\"}}" \
    "$api/engines" >/dev/null
  curl -sf -X POST "${auth[@]}" "$api/engines/tr069/$index/start" >/dev/null
done
register() { # prefix: N devices 00D09E-SimGW-<prefix><8 digits> with credentials
  for i in $(seq 1 "$cpes"); do
    serial=$(printf '%s%08d' "$1" "$i")
    id=$(curl -sf "${auth[@]}" -d "{\"identities\":[{\"protocol\":\"tr069\",\"key\":\"00D09E-SimGW-$serial\"}]}" "$api/devices" | sed 's/^{"id":\([0-9]*\).*/\1/')
    curl -sf -X PUT "${auth[@]}" -d "{\"credentials\":{\"username\":\"$serial\",\"password\":\"pw-$serial\"}}" "$api/devices/$id/cwmp-auth" >/dev/null
  done
}
echo "registering $cpes CPEs for each of basic and digest…"
register BAS; register DIG
sim() { dotnet artifacts/bin/Qdms.Tools.CpeSim/release/Qdms.Tools.CpeSim.dll --count "$cpes" --rounds "$rounds" --concurrency "$concurrency" "$@"; }
for trio in $(seq 1 "$trios"); do
  echo "== trio $trio: none";   sim --acs "http://127.0.0.1:$((base + 1))/" --prefix NON
  echo "== trio $trio: basic";  sim --acs "http://127.0.0.1:$((base + 2))/" --prefix BAS --username '{serial}' --password 'pw-{serial}' --auth basic
  echo "== trio $trio: digest"; sim --acs "http://127.0.0.1:$((base + 3))/" --prefix DIG --username '{serial}' --password 'pw-{serial}' --auth challenge
done
for index in 1 2 3; do
  curl -sf "${auth[@]}" "$api/engines/tr069/$index" | grep -o '"alias":"[^"]*"\|"authFailures":"[^"]*"\|"sessionsStarted":"[^"]*"' | tr '\n' ' '; echo
done
echo "server RSS after the runs: $(awk '/VmRSS/ {print $2}' /proc/$server/status) KiB"
