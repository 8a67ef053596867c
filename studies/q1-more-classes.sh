#!/usr/bin/env bash
# Question 1 (issue 16): all ten MNIST digits, one-hot L = 10, 20, 30. Does the cycle through the prototypes
# persist, break into sub-cycles, or vanish as L grows? LL (median, best) and its gap to the EM ceiling with
# L components, σ, τ, Tr(M)/L, class KL, the fraction of runs with one clean cycle, and what is left of the
# cycle when it is not clean. --help for the options (studies/lib.sh); docs/beyond-the-paper.md for results.
ORIGINAL_ARGS=("$@")
source "$(dirname "$0")/lib.sh"
parse_args "$@"
echo "question 1: more classes, more states -> $OUT"
plan_q1
run_all "question 1"
[ "$SLURM" = 1 ] && [ "$COLLECT_ONLY" = 0 ] && exit 0
tables q1 "Q1: ten digits, one-hot L" q1-onehot-all
report_cpu "question 1"
