#!/usr/bin/env bash
# The TR-069 ACS under load, in one run (docs/benchmarks.md, "TR-069 ACS"):
#  1. the ceiling: bare Kestrel with the engine's settings (bench/Qdms.Bench.KestrelCeiling) answering empty POSTs, driven by
#     the simulator's HTTP client with --concurrency exchanges in flight for --ceiling-seconds;
#  2. per database (--db sqlite, postgres or both): a fresh Release server with one tr069 engine; --cpes CPEs boot, then
#     for each rate of --rates, open-loop periodic informs at that many sessions/s (each CPE once per cpes/rate seconds,
#     phases spread) for --duration s, with parameter writes (contact, 6 parameters, 1 event per session); then a boot storm of --storm new CPEs at once (one TCP
#     connection each, 503 + Retry-After honoured with Retry-After scaled by --retry-scale); server CPU seconds per session;
#  3. with --memory N: server RSS with 10,000 and with N × 10,000 known devices (sessions closed; N = 10 for 100,000), and the
#     difference per device.
# Ports: QDMS_BENCH_PORT (default 18683) for the API, +64 for the ACS, +117 for the ceiling server.
# PostgreSQL is a private durable cluster (fsync and synchronous_commit on, as in production). Load average before each phase.
#   bench/tr069-load.sh [--db sqlite|postgres|both] [--cpes 6800] [--rates "1000 3400"] [--duration 15] [--storm 10000]
#                       [--max-sessions N] [--concurrency 64] [--ceiling-seconds 10] [--retry-scale 0.02] [--memory N] [--skip-load]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
db=both; cpes=6800; rates="1000 3400"; duration=15; storm=10000; max_sessions=""; concurrency=64; ceiling=10; retry_scale=0.02; memory=0; skip_load=0
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=$2; shift 2 ;;
    --cpes) cpes=$2; shift 2 ;;
    --rates) rates=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --storm) storm=$2; shift 2 ;;
    --max-sessions) max_sessions=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --ceiling-seconds) ceiling=$2; shift 2 ;;
    --retry-scale) retry_scale=$2; shift 2 ;;
    --memory) memory=$2; shift 2 ;;
    --skip-load) skip_load=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for p in src/Qdms.Server tools/Qdms.Tools.CpeSim bench/Qdms.Bench.KestrelCeiling; do
  dotnet build "$p" -c Release --nologo -v quiet >/dev/null
done
sim="artifacts/bin/Qdms.Tools.CpeSim/release/Qdms.Tools.CpeSim.dll"
port=${QDMS_BENCH_PORT:-18683}; acs=$((port + 64)); ceiling_port=$((port + 117))
server=""; ceiling_pid=""; pg_pid=""; work=$(mktemp -d)
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  [ -n "$ceiling_pid" ] && kill "$ceiling_pid" 2>/dev/null || true
  [ -n "$pg_pid" ] && kill -INT "$pg_pid" 2>/dev/null || true
  sleep 1; [ -f "$work/pgdir" ] && rm -rf "$(cat "$work/pgdir")"; rm -rf "$work"
}
trap cleanup EXIT
load() { echo "[load average: $(cut -d' ' -f1-3 /proc/loadavg)]"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

start_postgres() {
  local bin=/usr/lib/postgresql/15/bin dir pgport
  pgport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  dir=$(mktemp -d /tmp/qdms-bench-pg.XXXXXX); chown postgres:postgres "$dir"; echo "$dir" >"$work/pgdir"
  runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/pg.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $pgport -k $dir -c max_connections=200 -c shared_buffers=256MB" start >/dev/null
  pg_pid=$(head -1 "$dir/data/postmaster.pid")
  psql -q -h "$dir" -p "$pgport" -U postgres -c "CREATE DATABASE qdms" >/dev/null
  echo "Host=127.0.0.1;Port=$pgport;Database=qdms;Username=postgres;Maximum Pool Size=100"
}

start_server() { # $1 = sqlite | postgres
  local data="$work/data-$1" conn=""
  mkdir -p "$data"
  [ "$1" = postgres ] && conn=$(start_postgres)
  QDMS_ADMIN_PASSWORD=bench-password-1 dotnet artifacts/bin/Qdms.Server/release/Qdms.Server.dll --data "$data" \
    --urls "http://127.0.0.1:$port" --Logging:LogLevel:Default=Warning --Qdms:Storage:ConnectionString="$conn" >"$data/server.log" 2>&1 &
  server=$!
  until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do
    kill -0 "$server" 2>/dev/null || { echo "the server exited:" >&2; tail -20 "$data/server.log" >&2; exit 1; }
    sleep 0.1
  done
  token=$(curl -sf -H 'content-type: application/json' -d '{"username":"admin","password":"bench-password-1"}' \
    "http://127.0.0.1:$port/api/v1/auth/login" | sed 's/.*"token":"\([^"]*\)".*/\1/')
  local extra=""; [ -n "$max_sessions" ] && extra=",\"maxSessions\":$max_sessions"
  curl -sf -H "authorization: Bearer $token" -H 'content-type: application/json' \
    -d "{\"type\":\"tr069\",\"alias\":\"bench\",\"config\":{\"address\":\"127.0.0.1\",\"port\":$acs,\"cpeAuth\":\"none\"$extra}}" "http://127.0.0.1:$port/api/v1/engines" >/dev/null
  curl -sf -X POST -H "authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/engines/tr069/1/start" >/dev/null
}

stop_server() {
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  if [ -n "$pg_pid" ]; then kill -INT "$pg_pid"; while kill -0 "$pg_pid" 2>/dev/null; do sleep 0.1; done; pg_pid=""; fi
}

status() { curl -sf -H "authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/engines/tr069/1" | tr -d '\n'; echo; }

echo "== $(date -u +%FT%TZ) $(nproc) cores; cpes=$cpes rates=$rates/s duration=${duration}s storm=$storm maxSessions=${max_sessions:-default}"
if [ "$skip_load" = 0 ]; then
echo "== ceiling: bare Kestrel, empty POST -> 204, $concurrency in flight, ${ceiling}s"
dotnet artifacts/bin/Qdms.Bench.KestrelCeiling/release/Qdms.Bench.KestrelCeiling.dll --port "$ceiling_port" &
ceiling_pid=$!
until curl -s -o /dev/null -X POST "http://127.0.0.1:$ceiling_port/"; do sleep 0.1; done
load
t0=$(cpu_ticks "$ceiling_pid")
dotnet "$sim" --acs "http://127.0.0.1:$ceiling_port/" --empty-posts "$ceiling" --concurrency "$concurrency" | tee "$work/ceiling.txt"
t1=$(cpu_ticks "$ceiling_pid")
echo "ceiling server CPU: $(echo "scale=4; ($t1 - $t0) * 10 / $(grep -o '^empty-post *[0-9]*' "$work/ceiling.txt" | awk '{print $2}')" | bc) ms/exchange"
kill "$ceiling_pid"; wait "$ceiling_pid" 2>/dev/null || true; ceiling_pid=""

dbs=$db; [ "$db" = both ] && dbs="sqlite postgres"
for d in $dbs; do
  echo "== $d"
  start_server "$d"
  load
  dotnet "$sim" --acs "http://127.0.0.1:$acs/" --count "$cpes" --prefix SUS --concurrency "$concurrency" --retry-scale "$retry_scale" \
    --interval 2 --duration 5 >/dev/null || true # boot the fleet and warm up (JIT) outside the measurement
  for rate in $rates; do
    load
    t0=$(cpu_ticks "$server")
    /usr/bin/time -f "simulator CPU: %U s user + %S s system" -o "$work/simcpu.txt" \
      dotnet "$sim" --acs "http://127.0.0.1:$acs/" --count "$cpes" --prefix SUS --boot false --retry-scale "$retry_scale" \
      --interval "$(echo "scale=3; $cpes / $rate" | bc)" --duration "$duration" | tee "$work/sustained.txt" || true
    cat "$work/simcpu.txt"
    t1=$(cpu_ticks "$server")
    sessions=$(grep -o 'completed [0-9]*' "$work/sustained.txt" | head -1 | cut -d' ' -f2)
    echo "server CPU: $(( (t1 - t0) * 10 )) ms for $sessions sessions = $(echo "scale=3; ($t1 - $t0) * 10 / $sessions" | bc) ms/session"
  done
  if [ "$storm" -gt 0 ]; then
    load
    dotnet "$sim" --acs "http://127.0.0.1:$acs/" --count "$storm" --prefix STORM --storm true --retry-scale "$retry_scale" --rounds 0 || true
    echo "engine status: $(status)"
  fi
  echo "server RSS: $(rss_kib "$server") KiB"
  stop_server
done
fi

if [ "$memory" -gt 0 ]; then
  echo "== memory per known device (sqlite)"
  start_server sqlite
  for i in $(seq 0 $((memory - 1))); do
    dotnet "$sim" --acs "http://127.0.0.1:$acs/" --count 10000 --prefix "M$i" --concurrency "$concurrency" --rounds 0 >/dev/null
    if [ "$i" = 0 ]; then sleep 5; r10=$(rss_kib "$server"); echo "10,000 devices known: RSS $r10 KiB"; fi
  done
  sleep 5; r100=$(rss_kib "$server")
  echo "$((memory * 10000)) devices known: RSS $r100 KiB; ($r100 - $r10) KiB / $(( (memory - 1) * 10000 )) = $(( (r100 - r10) * 1024 / ((memory - 1) * 10000) )) bytes per device"
  echo "engine status: $(status)"
  stop_server
fi
