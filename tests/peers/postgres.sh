#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 cluster on loopback for QDMS's tests, without systemd.
#   tests/peers/postgres.sh [PORT]      (default port 55432; 0 picks a free one)
# Prints one line: PID=<postmaster pid> PORT=<port> DIR=<dir> and leaves the cluster running.
# Role qdms/qdmspass may create databases (each test fixture makes its own). Stop: kill -INT <pid>.
# fsync, synchronous_commit and full_page_writes are off: the data is disposable and tests run faster.
set -euo pipefail
BIN=/usr/lib/postgresql/15/bin
if [ ! -x "$BIN/initdb" ]; then
  echo "postgres.sh: PostgreSQL 15 is not installed (apt-get install postgresql-15; .ci/run does this)" >&2
  exit 3
fi
PORT=${1:-55432}
if [ "$PORT" = 0 ]; then
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
fi
DIR=$(mktemp -d /tmp/qdms-pg.XXXXXX)
chown postgres:postgres "$DIR"
runuser -u postgres -- "$BIN/initdb" -D "$DIR/data" -U postgres -N --auth-local=trust --auth-host=scram-sha-256 \
  -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1
runuser -u postgres -- "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/pg.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  start >/dev/null
psql -q -h "$DIR" -p "$PORT" -U postgres -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE qdms LOGIN CREATEDB PASSWORD 'qdmspass'" -c "CREATE DATABASE qdms OWNER qdms" >/dev/null
echo "PID=$(head -1 "$DIR/data/postmaster.pid") PORT=$PORT DIR=$DIR"
