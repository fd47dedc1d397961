#!/usr/bin/env bash
# Renders the bundled dataset's HTML report and photographs it in headless Chromium, for
# Docs/report-screenshot.png (shown in the README). Needs Debian's chromium package.
#   Tests/Tools/screenshot.sh [output.png]
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-Docs/report-screenshot.png}"
command -v chromium >/dev/null || { echo "chromium is not installed (apt-get install -y chromium)" >&2; exit 1; }
html="$(mktemp --suffix=.html)"
trap 'rm -f "$html"' EXIT
swift run -c release risk-report --as-of 2025-03-31 --format html --output "$html"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --screenshot="$out" --window-size=1280,1900 "file://$html"
echo "wrote $out"
