#!/usr/bin/env bash
# Regenerates the golden captures in this folder from a real net-snmp agent (tests/peers/snmpd.sh) and net-snmp's
# command-line tools: each tool runs with -d, which hex-dumps every datagram it sends and receives; each dump is
# saved as NAME.request.hex / NAME.response.hex with the command that produced it in a leading comment.
#   tests/Qdms.Protocols.Snmp.Tests/TestData/capture.sh        (all)
#   tests/Qdms.Protocols.Snmp.Tests/TestData/capture.sh v3     (only the SNMPv3 exchanges)
# SNMPv3 exchanges have several packets (discovery, report, request, response): they are numbered,
# v3-NAME.N.request.hex / v3-NAME.N.response.hex, N counting each direction separately.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
out=$(../../peers/snmpd.sh 0)
eval "${out// /;}"
trap 'kill $PID' EXIT
export MIBS=""
version=$(snmpget --version 2>&1 | head -1)
capture() { # NAME COMMAND...
  local name=$1; shift
  local dump
  dump=$("$1" -d "${@:2}" 2>&1 || true)
  # awk: split the -d output into packets; hex columns are fields 2..17 of lines that start with an offset.
  echo "$dump" | awk -v name="$name" -v cmd="$*" -v ver="$version" '
    /^Sending [0-9]+ bytes/ { file = name ".request.hex"; n++ }
    /^Received [0-9]+ byte/ { file = name ".response.hex"; n++ }
    /^Sending|^Received/ { printf "# %s\n# net-snmp %s against tests/peers/snmpd.sh; captured with -d\n", cmd, ver > file; next }
    /^[0-9][0-9][0-9][0-9]: / && file != "" { line = ""; for (i = 2; i <= NF && i <= 18 && $i ~ /^[0-9A-F][0-9A-F]$/; i++) line = line $i " "; print line > file }
  '
}
capture_v3() { # NAME COMMAND...
  local name=$1; shift
  local dump
  dump=$("$1" -d "${@:2}" 2>&1 || true)
  echo "$dump" | awk -v name="v3-$name" -v cmd="$*" -v ver="$version" '
    /^Sending [0-9]+ bytes/ { file = name "." (++sent) ".request.hex" }
    /^Received [0-9]+ byte/ { file = name "." (++received) ".response.hex" }
    /^Sending|^Received/ { printf "# %s\n# net-snmp %s against tests/peers/snmpd.sh; captured with -d\n", cmd, ver > file; next }
    /^[0-9][0-9][0-9][0-9]: / && file != "" { line = ""; for (i = 2; i <= NF && i <= 18 && $i ~ /^[0-9A-F][0-9A-F]$/; i++) line = line $i " "; print line > file }
  '
}
v3() { # USER LEVEL [AUTH [PRIV]]: net-snmp arguments for a user of snmpd.sh
  local args=(-v3 -u "$1" -l "$2")
  [ -n "${3:-}" ] && args+=(-a "$3" -A "authpass-$1")
  [ -n "${4:-}" ] && args+=(-x "$4" -X "privpass-$1")
  echo "${args[@]}"
}
capture_v3 noauth-get snmpget $(v3 noauth noAuthNoPriv) 127.0.0.1:"$PORT" 1.3.6.1.2.1.1.5.0
capture_v3 shaaes-get snmpget $(v3 shaaes authPriv SHA AES) 127.0.0.1:"$PORT" 1.3.6.1.2.1.1.5.0 1.3.6.1.2.1.1.3.0
capture_v3 sha256aes256-getbulk snmpbulkget -Cn0 -Cr4 $(v3 sha256aes256 authPriv SHA-256 AES-256) 127.0.0.1:"$PORT" 1.3.6.1.2.1.1
capture_v3 md5des-get snmpget $(v3 md5des authPriv MD5 DES) 127.0.0.1:"$PORT" 1.3.6.1.2.1.1.5.0
capture_v3 wrongauth-get snmpget -v3 -u shaaes -l authPriv -a SHA -A wrong-password -x AES -X privpass-shaaes 127.0.0.1:"$PORT" 1.3.6.1.2.1.1.5.0
if [ "${1:-}" = v3 ]; then ls -1 v3-*.hex; exit 0; fi
capture v2c-get snmpget -v2c -c public 127.0.0.1:"$PORT" 1.3.6.1.2.1.1.5.0 1.3.6.1.2.1.1.3.0
capture v1-get snmpget -v1 -c public 127.0.0.1:"$PORT" 1.3.6.1.2.1.1.1.0
capture v1-nosuchname snmpget -v1 -c public 127.0.0.1:"$PORT" 1.3.6.1.2.1.1.99.0
capture v2c-nosuch snmpget -v2c -c public 127.0.0.1:"$PORT" 1.3.6.1.2.1.1.99.0 1.3.6.1.2.1.1.5.1
capture v2c-getnext snmpgetnext -v2c -c public 127.0.0.1:"$PORT" 1.3.6.1.2.1.1.2
capture v2c-endofmibview snmpgetnext -v2c -c public 127.0.0.1:"$PORT" 1.3.6.1.6.3.16.1.5.2.1.6.6.95.110.111.110.101.95.1.2
capture v2c-getbulk snmpbulkget -v2c -Cn1 -Cr5 -c public 127.0.0.1:"$PORT" 1.3.6.1.2.1.1.3 1.3.6.1.2.1.4.31.1.1.4
capture v2c-set snmpset -v2c -c private 127.0.0.1:"$PORT" 1.3.6.1.2.1.1.4.0 s "golden@example.net"
capture v1-trap snmptrap -v1 -c public 127.0.0.1:"$PORT" 1.3.6.1.4.1.8072.2.3 192.0.2.7 6 17 12345 1.3.6.1.2.1.1.5.0 s "trap"
capture v2c-trap snmptrap -v2c -c public 127.0.0.1:"$PORT" 54321 1.3.6.1.6.3.1.1.5.1 1.3.6.1.2.1.1.5.0 s "trap"
ls -1 *.hex
