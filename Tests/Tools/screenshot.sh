#!/usr/bin/env bash
# Renders the bundled dataset's HTML report as of 31 March 2025 (after the Jaffar Express
# hijacking) and photographs it in headless Chromium through Tests/Browser/check_report.py, which
# also checks the page (labels, zoom, the details panel), for Docs/report-screenshot.png (shown in
# the README). Needs Debian's chromium and chromium-driver, and Selenium in Tests/Browser/.venv
# (`python3 -m venv Tests/Browser/.venv && Tests/Browser/.venv/bin/pip install selenium`).
#   Tests/Tools/screenshot.sh [output.png]
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-Docs/report-screenshot.png}"
python=Tests/Browser/.venv/bin/python
[ -x "$python" ] || { echo "no $python: python3 -m venv Tests/Browser/.venv && Tests/Browser/.venv/bin/pip install selenium" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
swift build -c release --product risk-report >/dev/null
bin="$(swift build -c release --show-bin-path)/risk-report"
"$bin" --as-of 2025-03-31 --format html --output "$work/report.html"
top="$("$bin" --as-of 2025-03-31 --format json | python3 -c 'import json, sys
units = json.load(sys.stdin)["units"]
print(min(units, key=lambda u: (-u["risk"], u["id"]))["id"])')"
"$python" Tests/Browser/check_report.py "$work/report.html" --unit "$top" --labels Quetta,Sibi,Mach,Gwadar --screenshot "$out" >/dev/null
echo "wrote $out"
