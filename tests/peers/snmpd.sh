#!/usr/bin/env bash
# Starts a throw-away net-snmp agent on udp 127.0.0.1 for Qdms.Protocols.Snmp's tests, with a private config
# (no file under /etc is read, no state goes to /var/lib/snmp).
#   tests/peers/snmpd.sh [PORT]      (default 16100; 0 picks a free one)
# Prints one line: PID=<snmpd pid> PORT=<port> DIR=<dir> and leaves the agent running. Stop: kill <pid>.
# Communities (v2c and v1): "public" read-only, "private" read-write, both from 127.0.0.1 only.
# SNMPv3 users (createUser below; auth password "authpass-<user>", priv password "privpass-<user>"), read-only
# unless named rw*: every auth protocol and every priv protocol appears at least once.
# The view hides the tables that list processes and sockets: they change from one walk to the next (each
# manager's own UDP socket and process show up), which would make walk comparisons flaky.
set -euo pipefail
if ! command -v snmpd >/dev/null || ! command -v snmpget >/dev/null; then
  echo "snmpd.sh: net-snmp is not installed (apt-get install snmpd snmp; .ci/run does this)" >&2
  exit 3
fi
PORT=${1:-16100}
if [ "$PORT" = 0 ]; then
  PORT=$(python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
fi
# State and log on tmpfs when there is one: on a machine busy with disk I/O, snmpd blocked for seconds writing its
# persistent state under /tmp (process state D), and every request in that window timed out.
BASE=/tmp
[ -d /dev/shm ] && [ -w /dev/shm ] && BASE=/dev/shm
DIR=$(mktemp -d "$BASE/qdms-snmpd.XXXXXX")
mkdir -p "$DIR/persist"
cat >"$DIR/snmpd.conf" <<CONF
agentAddress udp:127.0.0.1:$PORT
view qdms included .1
view qdms excluded .1.3.6.1.2.1.25.4
view qdms excluded .1.3.6.1.2.1.25.5
view qdms excluded .1.3.6.1.2.1.6.13
view qdms excluded .1.3.6.1.2.1.6.19
view qdms excluded .1.3.6.1.2.1.7.5
view qdms excluded .1.3.6.1.2.1.7.7
rocommunity public  127.0.0.1 -V qdms
rwcommunity private 127.0.0.1 -V qdms
# SNMPv3 users: name, auth, priv. Passwords follow the user name so a test can derive them.
createUser noauth
createUser authsha256 SHA-256 authpass-authsha256
createUser md5des MD5 authpass-md5des DES privpass-md5des
createUser shades SHA authpass-shades DES privpass-shades
createUser md5aes MD5 authpass-md5aes AES privpass-md5aes
createUser shaaes SHA authpass-shaaes AES privpass-shaaes
createUser sha224aes192 SHA-224 authpass-sha224aes192 AES-192 privpass-sha224aes192
createUser sha256aes256 SHA-256 authpass-sha256aes256 AES-256 privpass-sha256aes256
createUser sha384aes256 SHA-384 authpass-sha384aes256 AES-256 privpass-sha384aes256
createUser sha512aes192 SHA-512 authpass-sha512aes192 AES-192 privpass-sha512aes192
createUser md5aes256 MD5 authpass-md5aes256 AES-256 privpass-md5aes256
createUser shaaes192 SHA authpass-shaaes192 AES-192 privpass-shaaes192
createUser rwshaaes SHA authpass-rwshaaes AES privpass-rwshaaes
rouser noauth noauth -V qdms
rouser authsha256 auth -V qdms
rouser md5des priv -V qdms
rouser shades priv -V qdms
rouser md5aes priv -V qdms
rouser shaaes priv -V qdms
rouser sha224aes192 priv -V qdms
rouser sha256aes256 priv -V qdms
rouser sha384aes256 priv -V qdms
rouser sha512aes192 priv -V qdms
rouser md5aes256 priv -V qdms
rouser shaaes192 priv -V qdms
rwuser rwshaaes priv -V qdms
# sysContact and sysLocation are NOT set here: an object set in the config file becomes read-only (notWritable).
sysName     qdms-snmp-peer
CONF
# -f: foreground (so $! is the daemon); -C: no default config files; -c: ours.
SNMP_PERSISTENT_DIR="$DIR/persist" MIBS="" \
  nohup /usr/sbin/snmpd -f -C -c "$DIR/snmpd.conf" -Lf "$DIR/snmpd.log" -p "$DIR/snmpd.pid" >/dev/null 2>&1 &
PID=$!
for _ in $(seq 100); do
  snmpget -v2c -c public -t 0.2 -r 0 127.0.0.1:"$PORT" 1.3.6.1.2.1.1.5.0 >/dev/null 2>&1 && break
  kill -0 "$PID" 2>/dev/null || { echo "snmpd.sh: snmpd exited, see $DIR/snmpd.log" >&2; cat "$DIR/snmpd.log" >&2; exit 4; }
  sleep 0.1
done
echo "PID=$PID PORT=$PORT DIR=$DIR"
