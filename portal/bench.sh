#!/usr/bin/env bash
# Time to first render of the dashboard and the device list with 100,000 devices, in Debian's Chromium, and the bundle
# sizes (docs/benchmarks.md, "Web portal"). Prints the table; also writes it to $QDMS_PORTAL_BENCH_OUT when set.
# SQLite by default; QDMS_PORTAL_BENCH_DB=postgres runs the same on PostgreSQL (the tests' own cluster, or QDMS_TEST_POSTGRES).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
QDMS_PORTAL_BENCH=1 dotnet test "$root/tests/Qdms.Portal.Tests" -c Release --nologo \
  --filter "FullyQualifiedName~PortalBenchmark" --logger "console;verbosity=detailed"
