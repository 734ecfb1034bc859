#!/usr/bin/env bash
# Refreshes docs/screenshots/*.png (the README's pictures): runs the portal's tests (the screenshot test and the page tests
# that capture their page once it shows its data, through Support/Screenshots.cs) against a real server with seeded data in
# Debian's Chromium at 1280×800. Needs what the portal tests need (chromium, Node.js 20.19+).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$root/docs/screenshots"
QDMS_SCREENSHOTS_DIR="$root/docs/screenshots" dotnet test "$root/tests/Qdms.Portal.Tests" --nologo
ls -l "$root/docs/screenshots"
