#!/usr/bin/env bash
# Starts a throw-away Prosody XMPP server for the XMPP tests, with a private config, data dir and self-signed certificate
# (nothing under /etc or /var/lib is used):
#   tests/peers/prosody.sh [PORT]      (default 15222; 0 picks a free one)
# Prints one line: PID=<prosody pid> PORT=<c2s port> DIR=<dir> and leaves the server running. Stop: kill <pid>.
# VirtualHost "localhost"; c2s on 127.0.0.1 only; STARTTLS offered (not required) with $DIR/localhost.crt; SASL PLAIN only
# over TLS (SCRAM-SHA-1 works on plain TCP); in-band registration off: add accounts with
#   prosodyctl --config $DIR/prosody.cfg.lua register USER localhost PASSWORD     (as user prosody when run as root).
# Prosody refuses to run as root: as root it runs as the 'prosody' user the Debian package creates.
set -euo pipefail
if ! command -v prosody >/dev/null || ! command -v openssl >/dev/null; then
  echo "prosody.sh: prosody or openssl is not installed (apt-get install prosody lua-unbound openssl; .ci/run does this)" >&2
  exit 3
fi
PORT=${1:-15222}
if [ "$PORT" = 0 ]; then
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
fi
BASE=/tmp
[ -d /dev/shm ] && [ -w /dev/shm ] && BASE=/dev/shm
DIR=$(mktemp -d "$BASE/qdms-prosody.XXXXXX")
mkdir -p "$DIR/data"
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN=localhost -addext subjectAltName=DNS:localhost \
  -keyout "$DIR/localhost.key" -out "$DIR/localhost.crt" 2>/dev/null
cat >"$DIR/prosody.cfg.lua" <<CONF
pidfile = "$DIR/prosody.pid"
data_path = "$DIR/data"
log = { warn = "$DIR/prosody.log" }
interfaces = { "127.0.0.1" }
c2s_ports = { $PORT }
c2s_direct_tls_ports = { }
s2s_ports = { }
modules_enabled = { "saslauth"; "tls"; "disco"; "ping"; "presence"; "iq" }
modules_disabled = { "s2s"; "register" }
authentication = "internal_hashed"
c2s_require_encryption = false
allow_unencrypted_plain_auth = false
allow_registration = false
certificates = "$DIR"
VirtualHost "localhost"
  ssl = { key = "$DIR/localhost.key"; certificate = "$DIR/localhost.crt"; }
CONF
RUN=()
if [ "$(id -u)" = 0 ]; then
  chown -R prosody:prosody "$DIR"
  RUN=(runuser -u prosody --)
fi
nohup "${RUN[@]}" prosody --config "$DIR/prosody.cfg.lua" -F >"$DIR/stdout.log" 2>&1 &
for _ in $(seq 200); do
  if [ -s "$DIR/prosody.pid" ] && ss -ltn "sport = :$PORT" | grep -q LISTEN; then
    echo "PID=$(cat "$DIR/prosody.pid") PORT=$PORT DIR=$DIR"
    exit 0
  fi
  sleep 0.05
done
echo "prosody.sh: prosody did not start on port $PORT; its output:" >&2
cat "$DIR/stdout.log" "$DIR/prosody.log" >&2 2>/dev/null || true
exit 1
