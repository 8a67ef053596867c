#!/usr/bin/env bash
# CI check of the studies (scripts/test.sh runs it after the Maven suite, when the jar exists): every study
# in --quick mode into a fresh directory, then what it must have written — per question a table with every
# planned setting and all its runs finished, a figure under 200 KB, the CPU estimate before and the measured
# CPU after — and a second run of one study, which must find everything finished and train nothing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail() { echo "studies: FAILED: $*" >&2; exit 1; }
log=$out/all.log
"$here/all.sh" --quick --out "$out/runs" > "$log" 2>&1 || { tail -30 "$log" >&2; fail "all.sh --quick exited $?"; }
for q in 1 2 3 4 5; do
  md=$out/runs/q$q.md png=$out/runs/q$q.png
  [ -s "$md" ] || fail "question $q: no table $md"
  grep -q "^question $q: estimated CPU " "$log" || fail "question $q: no CPU estimate printed"
  grep -q "^question $q: measured CPU [0-9]* s" "$log" || fail "question $q: no measured CPU printed"
  # every row of the main table: 2 runs (the quick seeds), none missing or failed
  rows=$(grep -c '^| q[0-9]-\|^| q1-' "$md" || true)
  [ "$rows" -ge 1 ] || fail "question $q: empty table"
  bad=$(grep '^| q' "$md" | awk -F'|' 'NR > 0 && $3 !~ /^ 2 $/ && $3 !~ /claims|fewer/' | grep -v 'fewer than' || true)
  [ -z "$bad" ] || fail "question $q: rows without their 2 finished runs: $bad"
  [ -s "$png" ] || fail "question $q: no figure"
  [ "$(stat -c %s "$png")" -le 204800 ] || fail "question $q: figure over 200 KB"
done
grep -q '^| q5-rbm-012 .*(exact)' "$out/runs/q5.md" || fail "question 5: the RBM's LL is not the exact one"
grep -q 'q3-vote latent=one-hot:4' "$out/runs/q3.md" || fail "question 3: no voting-records row"
# resumable: the same command again finds every cell and EM fit finished
again=$("$here/q3-other-data.sh" --quick --out "$out/runs" 2>&1)
[ "$(echo "$again" | grep -c 'estimated CPU: .* for the 0 of ')" = 2 ] || fail "question 3 again: work left: $(echo "$again" | head -5)"
[ "$(echo "$again" | grep -c '^ran 0 cells')" = 2 ] || fail "question 3 again: cells were run again"
echo "$again" | grep -q 'EM with' && fail "question 3 again: an EM fit was run again"
echo "studies: 5 quick studies, tables, figures and resume: ok"
