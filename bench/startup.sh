#!/usr/bin/env bash
# Cold start and idle memory of `./qdms serve` (after the first build), median of N runs.
#   bench/startup.sh [RUNS]     (default 7)
# Each run: a fresh data directory (so migrations and first-start admin creation are included), start, time until
# /healthz answers, then after 5 s idle read VmRSS of the server process, then stop it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-7}
./qdms --help >/dev/null   # build if needed, outside the measurement
port=18481
times=(); rss=()
for i in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  t0=$(date +%s.%N)
  QDMS_ADMIN_PASSWORD=bench-password-1 ./qdms serve --data "$data" --urls "http://127.0.0.1:$port" >"$data/log" 2>&1 &
  launcher=$!
  until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.01; done
  t1=$(date +%s.%N)
  sleep 5
  pid=$(pgrep -f "Qdms.Server.dll.*$data" | head -1)
  rss+=("$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")")
  kill "$pid"; wait "$launcher" 2>/dev/null || true
  times+=("$(echo "$t1 - $t0" | bc)")
  rm -rf "$data"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "runs: $runs"
echo "cold start to /healthz (s): median $(median "${times[@]}")  all: ${times[*]}"
echo "idle RSS after 5 s (MiB): median $(echo "scale=1; $(median "${rss[@]}")/1024" | bc)  all KiB: ${rss[*]}"
