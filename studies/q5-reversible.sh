#!/usr/bin/env bash
# Question 5 (issue 16): the reversible counterpart. The equilibrium RBM (--model rbm, exact gradient
# rbm-exact, at its own best rate 0.01 of docs/baselines.md) beside the nonequilibrium model (the paper's
# rate 0.1) in the one-hot settings: MNIST 0/1/2 with L = 6 and the ten digits with L = 10, 20, 30 (the grid
# of question 1, trained once for both). The RBM's LL is its exact one (closed-form partition function).
# --help for the options.
ORIGINAL_ARGS=("$@")
source "$(dirname "$0")/lib.sh"
parse_args "$@"
echo "question 5: the reversible counterpart -> $OUT"
plan_q1
grid=latent=one-hot:10,one-hot:20,one-hot:30
[ "$QUICK" = 1 ] && grid=latent=one-hot:10
RBM=(--model rbm --gradient rbm-exact --lr 0.01)
sweep q5-rbm-onehot-all "${RBM[@]}" --digits "$DIGITS_ALL" --per-class "$PER_CLASS" --grid "$grid"
sweep q5-neq-012 --digits 0,1,2 --per-class "$PER_CLASS" --latent one-hot:6
sweep q5-rbm-012 "${RBM[@]}" --digits 0,1,2 --per-class "$PER_CLASS" --latent one-hot:6
em em-012-6 6 $((3 * PER_CLASS)) 784 --digits 0,1,2 --per-class "$PER_CLASS"
run_all "question 5"
[ "$SLURM" = 1 ] && [ "$COLLECT_ONLY" = 0 ] && exit 0
tables q5 "Q5: nonequilibrium model against the equilibrium RBM" q5-neq-012 q5-rbm-012 q1-onehot-all \
  q5-rbm-onehot-all
report_cpu "question 5"
