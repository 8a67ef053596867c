#!/usr/bin/env bash
# Question 3 (issue 16): other data. Fashion-MNIST (Debian's dataset-fashion-mnist, IDX) on two class
# triples — 0,1,2 (T-shirt, trouser, pullover) and 5,7,9 (sandal, sneaker, ankle boot) — with the paper's
# one-hot L = 6, and a non-image binary table: the 1984 US House votes (vote.arff of Debian's weka package,
# 16 yes/no/abstain votes as 32 bits, party as the label) with one-hot L = 4 and 6. The table of question 1,
# and the paper's six claims judged per setting as nelc reproduce judges them. --help for the options.
ORIGINAL_ARGS=("$@")
source "$(dirname "$0")/lib.sh"
parse_args "$@"
echo "question 3: other data -> $OUT"
ensure_fashion
ensure_vote
triples="classes=0,1,2;5,7,9"
[ "$QUICK" = 1 ] && triples="classes=5,7,9"
sweep q3-fashion --data "$FASHION" --per-class "$PER_CLASS" --latent one-hot:6 --grid "$triples"
sweep q3-vote "${VOTE[@]}" --grid latent=one-hot:4,one-hot:6
em em-fashion-012-6 6 $((3 * PER_CLASS)) 784 --data "$FASHION" --classes 0,1,2 --per-class "$PER_CLASS"
em em-fashion-579-6 6 $((3 * PER_CLASS)) 784 --data "$FASHION" --classes 5,7,9 --per-class "$PER_CLASS"
em em-vote-4 4 336 32 "${VOTE[@]}"
em em-vote-6 6 336 32 "${VOTE[@]}"
run_all "question 3"
[ "$SLURM" = 1 ] && [ "$COLLECT_ONLY" = 0 ] && exit 0
tables q3 "Q3: Fashion-MNIST and the House votes" --claims q3-fashion q3-vote
report_cpu "question 3"
