#!/usr/bin/env bash
# The five questions of issue 16 in sequence (question 1 first: 4 and 5 reuse its grid), with the same
# options (--quick, --out, ...); at the end the total CPU (user + system of everything they ran) and wall time.
set -euo pipefail
dir=$(dirname "$0")
start=$(date +%s)
for q in q1-more-classes q5-reversible q3-other-data q4-score q2-bits; do
  "$dir/$q.sh" "$@"
done
f=$(mktemp)
times > "$f"
cpu=$(tail -1 "$f" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.0f", u[1]*60 + u[2] + s[1]*60 + s[2] }')
rm -f "$f"
echo "all five questions: measured CPU $cpu s, wall $(( $(date +%s) - start )) s"
