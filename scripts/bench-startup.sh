#!/usr/bin/env bash
# Start-up cost of the commands a user types, for several ways of running the CLI, side by side.
#
#   scripts/bench-startup.sh [ROUNDS=5] [LABEL=COMMAND ...]
#
# Each variant is a label and a command prefix that runs nelc (default: `plain=java -jar <nelc.jar>`
# against `launcher=<repo>/nelc`, i.e. the JVM's defaults against the launcher's flags and class-data
# archive). Each round runs every variant once, in turn, on:
#   train     nelc train --epochs 1 --steps-per-epoch 1 --quiet   (start-up, data, 1 step, model.json)
#   evaluate  nelc evaluate <that model.json>                     (start-up, data, a 0.2 s evaluation)
#   version   nelc --version                                      (the JVM and the command line only)
# under /usr/bin/time, and prints per variant and command the median (min-max) of the wall time and of
# the CPU time (user + sys, all threads). The machine is shared: the script prints the load average
# before and after; compare variants within one run only.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-5}"
shift || true
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# outside the timings: builds the CLI jar, and the launcher's class-data archive (made by a first train)
"$here/nelc" train --epochs 1 --steps-per-epoch 1 --quiet --out "$out/warm-up" >/dev/null
labels=()
commands=()
if [ $# -eq 0 ]; then
  set -- "plain=java -jar $here/nelc-app/target/nelc.jar" "launcher=$here/nelc"
fi
for v in "$@"; do
  labels+=("${v%%=*}")
  commands+=("${v#*=}")
done
echo "load before: $(uptime)"
for r in $(seq 1 "$rounds"); do
  for i in "${!labels[@]}"; do
    l="${labels[$i]}"
    c="${commands[$i]}"
    run="$out/run-$l-$r"
    /usr/bin/time -f '%e %U %S' -o "$out/$l-train-$r" $c train --epochs 1 --steps-per-epoch 1 --quiet --out "$run" >/dev/null
    /usr/bin/time -f '%e %U %S' -o "$out/$l-evaluate-$r" $c evaluate "$run/model.json" >/dev/null
    /usr/bin/time -f '%e %U %S' -o "$out/$l-version-$r" $c --version >/dev/null
  done
done
echo "load after:  $(uptime)"
python3 - "$out" "$rounds" "${labels[@]}" <<'PY'
import statistics, sys
out, rounds, labels = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def fmt(v):
    return f"{statistics.median(v):.2f} s ({min(v):.2f}-{max(v):.2f})"
print(f"{'variant':<12} {'command':<9} {'wall':<22} {'cpu (user+sys)':<22}")
for cmd in ("train", "evaluate", "version"):
    for l in labels:
        wall, cpu = [], []
        for r in range(1, rounds + 1):
            e, u, s = map(float, open(f"{out}/{l}-{cmd}-{r}").read().split()[-3:])
            wall.append(e)
            cpu.append(u + s)
        print(f"{l:<12} {cmd:<9} {fmt(wall):<22} {fmt(cpu):<22}")
PY
