#!/usr/bin/env bash
# The five questions of issue 16 in sequence, cheapest first, with the same options (--quick, --out, ...).
set -euo pipefail
dir=$(dirname "$0")
for q in q3-other-data q1-more-classes q5-reversible q2-bits q4-score; do
  "$dir/$q.sh" "$@"
done
