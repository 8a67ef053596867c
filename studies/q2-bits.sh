#!/usr/bin/env bash
# Question 2 (issue 16): factorized latents bits:L, L = 3, 4, 6, 8, on MNIST 0/1/2 and on all ten digits.
# Are there cycles among the visited states of the 2^L state space, and how does the LL compare with one-hot
# at the same number of states (one-hot:8, one-hot:16 trained here; the EM ceilings at 8, 16, 64 and 256
# components bound every one-hot model with that many states)? --help for the options.
ORIGINAL_ARGS=("$@")
source "$(dirname "$0")/lib.sh"
parse_args "$@"
echo "question 2: factorized latents -> $OUT"
plan_q2_bits
onehot=latent=one-hot:8,one-hot:16
[ "$QUICK" = 1 ] && onehot=latent=one-hot:8
sweep q2-onehot-012 --digits 0,1,2 --per-class "$PER_CLASS" --grid "$onehot"
sweep q2-onehot-all --digits "$DIGITS_ALL" --per-class "$PER_CLASS" --grid "$onehot"
for l in $(BITS_GRID | sed 's/latent=//; s/bits://g; s/,/ /g'); do
  k=$((1 << l))
  em "em-012-$k" "$k" $((3 * PER_CLASS)) 784 --digits 0,1,2 --per-class "$PER_CLASS"
  em "em-all-$k" "$k" $((10 * PER_CLASS)) 784 --digits "$DIGITS_ALL" --per-class "$PER_CLASS"
done
run_all "question 2"
[ "$SLURM" = 1 ] && [ "$COLLECT_ONLY" = 0 ] && exit 0
tables q2 "Q2: bits:L against one-hot with as many states" q2-bits-012 q2-onehot-012 q2-bits-all q2-onehot-all
report_cpu "question 2"
