#!/usr/bin/env bash
# The five questions of issue 16 in sequence (question 1 first: 4 and 5 reuse its grid), with the same
# options (--quick, --out, ...).
set -euo pipefail
dir=$(dirname "$0")
for q in q1-more-classes q5-reversible q3-other-data q4-score q2-bits; do
  "$dir/$q.sh" "$@"
done
