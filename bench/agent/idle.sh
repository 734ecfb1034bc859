#!/usr/bin/env bash
# Measures qdms-agent while idle-serving: started, polled like the DeviceQoSEvaluator (batch=5 of every group
# every 5 s), CPU (utime+stime from /proc/<pid>/stat) counted over a window after a 10 s warm-up, VmRSS at the end.
# Usage: bench/agent/idle.sh <published qdms-agent dir> [port] [window seconds]   (extra env is passed through)
set -euo pipefail
dir=$1; port=${2:-59473}; window=${3:-60}
"$dir/qdms-agent" --address 127.0.0.1 --port "$port" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
url="http://127.0.0.1:$port/device-qos?batch=5&oids=1.4&oids=1.5.0&oids=2.1&oids=3.1&oids=3.2&oids=4.1"
poll() { curl -sf "$url" >/dev/null || true; }
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
for _ in $(seq 10); do poll; sleep 1; done   # warm-up: start-up JIT is not idle cost
start=$(ticks); t0=$(date +%s.%N)
end_at=$(( $(date +%s) + window ))
while [ "$(date +%s)" -lt "$end_at" ]; do poll; sleep 5; done
stop=$(ticks); t1=$(date +%s.%N)
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
awk -v a="$start" -v b="$stop" -v t0="$t0" -v t1="$t1" -v hz="$hz" -v rss="$rss" -v hwm="$hwm" -v total="$stop" 'BEGIN {
  printf "idle CPU %.2f %% of one core over %.0f s (%d ticks); start-up + warm-up %d ticks; VmRSS %.1f MB (peak %.1f MB)\n",
    (b - a) / hz / (t1 - t0) * 100, t1 - t0, b - a, a, rss / 1024, hwm / 1024 }'
