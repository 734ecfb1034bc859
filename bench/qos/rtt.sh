#!/usr/bin/env bash
# ICMP echo rate to N loopback targets (127.0.0.1, 127.0.0.2 … spread over 127.x.y.z): qdms's pinger beside fping, to the same
# targets, alternating, in the same run. Needs root (raw ICMP) and fping (apt-get install fping).
# Usage: bench/qos/rtt.sh [targets=10000] [rounds=3] [runs=3]
set -euo pipefail
n=${1:-10000}; rounds=${2:-3}; runs=${3:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
dotnet build -c Release "$root/bench/Qdms.Bench.Qos" >/dev/null
bench="$root/artifacts/bin/Qdms.Bench.Qos/release/Qdms.Bench.Qos"
targets=$(mktemp); trap 'rm -f "$targets"' EXIT
python3 -c "
for i in range($n): print('127.%d.%d.%d' % (i // 62500, i // 250 % 250, i % 250 + 1))" > "$targets"
for run in $(seq "$runs"); do
  s=$(date +%s.%N); out=$(fping -q -c "$rounds" -i 0 -p 10 -f "$targets" 2>&1 || true); e=$(date +%s.%N)
  echo "$out" | sed -n 's/.*xmt\/rcv\/%loss = \([0-9]*\)\/\([0-9]*\)\/.*min\/avg\/max = \([0-9.]*\)\/\([0-9.]*\)\/.*/\1 \2 \4/p' |
    awk -v s="$s" -v e="$e" -v n="$n" -v r="$rounds" '{x += $1; y += $2; a += $3} END {
      printf "fping -c %d -i 0 -p 10: %d probes to %d targets in %.3f s -> %.0f probes/s; lost %d; mean of per-target avg RTT %.1f µs\n", r, x, n, e - s, x / (e - s), x - y, a / NR * 1000 }'
  "$bench" rtt --targets "$n" --rounds "$rounds" --inflight 1000
  "$bench" rtt --targets "$n" --rounds "$rounds" --inflight 32
done
