#!/usr/bin/env bash
# Renders a report.html (nelc reproduce) to a PNG screenshot with headless Chromium, to look at it
# without a browser. Installs nothing: on Debian/Ubuntu get Chromium with
#     apt-get update && apt-get install -y chromium
# Usage: scripts/render-report.sh [REPORT.html] [OUT.png] [HEIGHT]
#   defaults: runs/paper/report.html, <report dir>/report.png, 4000 pixels tall (1400 wide).
set -euo pipefail
report="${1:-runs/paper/report.html}"
[ -f "$report" ] || { echo "render-report: no such file: $report" >&2; exit 2; }
report="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
out="${2:-$(dirname "$report")/report.png}"
height="${3:-4000}"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$browser" ] || { echo "render-report: chromium not found (apt-get install -y chromium)" >&2; exit 2; }
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
  --screenshot="$out" --window-size=1400,"$height" "file://$report" >/dev/null 2>&1
[ -s "$out" ] || { echo "render-report: no screenshot written" >&2; exit 1; }
echo "$out"
