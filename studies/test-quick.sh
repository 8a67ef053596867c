#!/usr/bin/env bash
# Check of the studies in --quick mode: test-quick.sh [QUESTION...] (default: 1 2 3 4 5; CI runs 5 and 3,
# about 2 CPU minutes). Runs each question's script into a fresh directory, then checks what it must
# write — a table with every planned setting and all its runs finished, the training curves, two figures
# under 200 KB each, the CPU estimate before and the measured CPU after — and, where run: question 5's RBM
# rows carry the exact LL, question 4's bits runs are bit-identical under both score factors, and question
# 3 run again finds every cell and EM fit finished and trains nothing, and with --collect-only says so.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
questions=("$@")
[ ${#questions[@]} -gt 0 ] || questions=(1 2 3 4 5)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail() { echo "studies: FAILED: $*" >&2; exit 1; }
script() { ls "$here"/q"$1"-*.sh; }
for q in "${questions[@]}"; do
  log=$out/q$q.log
  "$(script "$q")" --quick --out "$out/runs" > "$log" 2>&1 || { tail -30 "$log" >&2; fail "question $q exited non-zero"; }
  md=$out/runs/q$q.md png=$out/runs/q$q.png
  [ -s "$md" ] || fail "question $q: no table $md"
  grep -q "^question $q: estimated CPU " "$log" || fail "question $q: no CPU estimate printed"
  grep -q "^question $q: measured CPU [0-9]* s" "$log" || fail "question $q: no measured CPU printed"
  main=$(sed '/^Medians over the seeds/q' "$md")   # the main table, before its legend
  rows=$(echo "$main" | grep -c '^| q[0-9]' || true)
  [ "$rows" -ge 1 ] || fail "question $q: empty table"
  # every setting row: its 2 runs (the quick seeds) finished
  bad=$(echo "$main" | grep '^| q[0-9]' | awk -F'|' '$3 !~ /^ 2 $/ && $3 !~ /fewer than/' || true)
  [ -z "$bad" ] || fail "question $q: rows without their 2 finished runs: $bad"
  grep -q '^Training curves' "$md" || fail "question $q: no training-curves table"
  for f in "$png" "${png%.png}-curves.png"; do
    [ -s "$f" ] || fail "question $q: no figure $f"
    [ "$(stat -c %s "$f")" -le 204800 ] || fail "question $q: figure $f over 200 KB"
  done
  echo "studies: $(grep "measured CPU" "$log")"
done
sha() { awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "parameters_sha256") c = i; next } { print $c }' "$1"; }
for q in "${questions[@]}"; do
  case $q in
    5) grep -q '^| q5-rbm-012 .*(exact)' "$out/runs/q5.md" || fail "question 5: the RBM's LL is not the exact one" ;;
    4) [ -n "$(sha "$out/runs/q2-bits-012/summary.csv")" ] || fail "question 4: no parameter hashes"
       [ "$(sha "$out/runs/q2-bits-012/summary.csv")" = "$(sha "$out/runs/q4-exact-bits-012/summary.csv")" ] \
         || fail "question 4: bits runs differ between the paper and the exact score" ;;
    3) grep -q 'q3-vote latent=one-hot:4' "$out/runs/q3.md" || fail "question 3: no voting-records row"
       again=$("$(script 3)" --quick --out "$out/runs" 2>&1)
       [ "$(echo "$again" | grep -c 'estimated CPU: .* for the 0 of ')" = 2 ] \
         || fail "question 3 again: work left: $(echo "$again" | head -5)"
       [ "$(echo "$again" | grep -c '^ran 0 cells')" = 2 ] || fail "question 3 again: cells were run again"
       if echo "$again" | grep -q 'EM with'; then fail "question 3 again: an EM fit was run again"; fi
       collect=$("$(script 3)" --quick --out "$out/runs" --collect-only 2>&1)
       echo "$collect" | grep -q '^question 3: collect only: nothing is trained or fitted' \
         || fail "question 3 --collect-only: no collect-only line: $(echo "$collect" | head -5)"
       echo "$collect" | grep -q '^question 3: measured CPU [0-9]* s .*, wall [0-9]* s$' \
         || fail "question 3 --collect-only: no measured CPU and wall line" ;;
  esac
done
echo "studies: questions ${questions[*]} in --quick mode: tables, figures, CPU lines$([[ " ${questions[*]} " == *" 3 "* ]] && echo ', resume'): ok"
