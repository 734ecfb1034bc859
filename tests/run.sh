#!/usr/bin/env bash
# Runs every QDMS test suite (unit, storage and API on SQLite and on a real PostgreSQL that the fixtures start).
# Needs PostgreSQL 15, net-snmp, Prosody, Chromium and Node.js 20.19+ (apt-get install postgresql-15 snmpd snmp prosody
# lua-unbound openssl chromium; .ci/run does it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec dotnet test QDMS.slnx --nologo -c Debug --blame-hang-timeout 5m "$@"
