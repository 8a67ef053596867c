# Shared by studies/q*.sh (sourced, not run): options, data, sweeps, CPU accounting, tables.
# Every study is a list of `nelc sweep` grids (plus `nelc em` ceilings); running one again skips what is
# finished (sweep cells with their `done` marker, EM fits with their em.json), so a killed study resumes.

set -euo pipefail
STUDIES=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$STUDIES")
NELC_HOME=${NELC_HOME:-$HOME/.cache/nelc}
export NELC_HOME

usage() {
  cat <<USAGE
usage: $0 [--quick] [--out DIR] [--threads N] [--seeds A..B] [--epochs N] [--per-class N] [--nice N]
          [--chain-length T] [--rb-samples S] [--precision REL] [--em-restarts R]
          [--slurm [--slurm-option OPT]...] [--collect-only]
  --quick          a tiny version of every grid (minutes on 2 cores): checks the pipeline, not the science
  --out DIR        where the sweeps go (default runs/studies, or runs/studies-quick with --quick)
  --threads N      cells run at once (default: all cores)
  --seeds A..B     seeds of every setting (default 1..12; --quick 1..2)
  --epochs N       training epochs (default: the paper's 120; --quick 4)
  --per-class N    rows per class (default 1000; --quick 60)
  --nice N         run the training under nice -n N (default 0)
  --chain-length T, --rb-samples S, --precision REL
                   the evaluation of every cell (nelc sweep plan's; default its own: 100000, 2000, 0.02)
  --em-restarts R  EM restarts per ceiling (default 10; --quick 2)
  --slurm          plan, then submit every grid as a Slurm job array (nelc sweep slurm --submit) and stop;
                   run the script again without --slurm once the arrays have finished, to collect
  --slurm-option O passed to nelc sweep slurm (repeatable), e.g. --slurm-option=--partition=short
  --collect-only   train nothing: the tables from the cells finished so far
  --bits L,L,...   question 2's bits:L grid (default 3,4,6,8; --quick 3,4)
  --skip GLOB      leave out the sweeps and EM fits whose name matches GLOB (repeatable), e.g.
                   --skip 'q2-*-all' --skip 'em-all-*' (the names are the directories under --out)
USAGE
}

CHAIN=""; RB=""; PRECISION=""; EM_RESTARTS=""; BITS=""
QUICK=0; OUT=""; THREADS=""; SEEDS=""; EPOCHS=""; PER_CLASS=""; NICE=0; SLURM=0; COLLECT_ONLY=0
SLURM_OPTIONS=(); SKIP=()
parse_args() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --quick) QUICK=1 ;;
      --out) OUT=$2; shift ;;
      --out=*) OUT=${1#*=} ;;
      --threads) THREADS=$2; shift ;;
      --threads=*) THREADS=${1#*=} ;;
      --seeds) SEEDS=$2; shift ;;
      --seeds=*) SEEDS=${1#*=} ;;
      --epochs) EPOCHS=$2; shift ;;
      --epochs=*) EPOCHS=${1#*=} ;;
      --per-class) PER_CLASS=$2; shift ;;
      --per-class=*) PER_CLASS=${1#*=} ;;
      --nice) NICE=$2; shift ;;
      --nice=*) NICE=${1#*=} ;;
      --chain-length) CHAIN=$2; shift ;;
      --chain-length=*) CHAIN=${1#*=} ;;
      --rb-samples) RB=$2; shift ;;
      --rb-samples=*) RB=${1#*=} ;;
      --precision) PRECISION=$2; shift ;;
      --precision=*) PRECISION=${1#*=} ;;
      --em-restarts) EM_RESTARTS=$2; shift ;;
      --em-restarts=*) EM_RESTARTS=${1#*=} ;;
      --slurm) SLURM=1 ;;
      --slurm-option) SLURM_OPTIONS+=("$2"); shift ;;
      --slurm-option=*) SLURM_OPTIONS+=("${1#*=}") ;;
      --collect-only) COLLECT_ONLY=1 ;;
      --bits) BITS=$2; shift ;;
      --bits=*) BITS=${1#*=} ;;
      --skip) SKIP+=("$2"); shift ;;
      --skip=*) SKIP+=("${1#*=}") ;;
      -h|--help) usage; exit 0 ;;
      *) echo "$0: unknown option '$1' (--help lists them)" >&2; exit 2 ;;
    esac
    shift
  done
  if [ "$QUICK" = 1 ]; then
    OUT=${OUT:-runs/studies-quick}; SEEDS=${SEEDS:-1..2}; EPOCHS=${EPOCHS:-4}; PER_CLASS=${PER_CLASS:-60}
    # a short schedule and a short evaluation chain: every step of the pipeline, little of the physics
    SCHEDULE=(--epochs "$EPOCHS" --steps-per-epoch 10 --batch 16:32)
    EVALUATION=(--chain-length "${CHAIN:-4000}" --burn-in 200 --rb-samples "${RB:-200}")
    EM_OPTIONS=(--restarts "${EM_RESTARTS:-2}" --iterations 30)
  else
    OUT=${OUT:-runs/studies}; SEEDS=${SEEDS:-1..12}; EPOCHS=${EPOCHS:-120}; PER_CLASS=${PER_CLASS:-1000}
    SCHEDULE=(--epochs "$EPOCHS")
    EVALUATION=()
    [ -z "$CHAIN" ] || EVALUATION+=(--chain-length "$CHAIN")
    [ -z "$RB" ] || EVALUATION+=(--rb-samples "$RB")
    EM_OPTIONS=(--restarts "${EM_RESTARTS:-10}")
  fi
  [ -z "$PRECISION" ] || EVALUATION+=(--precision "$PRECISION")
  THREADS=${THREADS:-$(nproc)}
  mkdir -p "$OUT"
  OUT=$(cd "$OUT" && pwd)
  SWEEPS=(); EMS=(); ESTIMATE=0; EM_PENDING=0; SWEEPS_PENDING=0
  cpu_seconds
  CPU_START=$CPU_NOW
  WALL_START=$(date +%s)
}

nelc() { "$REPO/nelc" "$@"; }

# CPU seconds (user + system) used so far by this shell's finished children, as `times` reports them. It
# must run in this shell (in a $(...) subshell it would count the subshell's children only): the answer is
# left in CPU_NOW.
cpu_seconds() {
  local f
  f=$(mktemp)
  times > "$f"
  CPU_NOW=$(tail -1 "$f" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.1f", u[1]*60 + u[2] + s[1]*60 + s[2] }')
  rm -f "$f"
}

DIGITS_ALL=0,1,2,3,4,5,6,7,8,9

# Fashion-MNIST from Debian's dataset-fashion-mnist (IDX files); installed when missing and allowed.
FASHION=/usr/share/datasets/fashion-mnist
ensure_fashion() {
  [ -f "$FASHION/train-images-idx3-ubyte.gz" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "studies: installing Debian's dataset-fashion-mnist" >&2
    apt-get install -y dataset-fashion-mnist >/dev/null 2>&1 \
      || { apt-get update >/dev/null 2>&1 && apt-get install -y dataset-fashion-mnist >/dev/null 2>&1; } || true
  fi
  [ -f "$FASHION/train-images-idx3-ubyte.gz" ] && return 0
  echo "studies: Fashion-MNIST is missing: sudo apt-get install dataset-fashion-mnist" >&2
  exit 2
}

# The 1984 US House votes (UCI "Congressional Voting Records", vote.arff in Debian's weka package): 435
# members, 16 yes/no votes with abstentions, party as the label. Each vote becomes two bits (voted yes,
# voted no), so an abstention is 00 and nothing is lost. Extracted from the package file without installing
# weka (it would pull a JRE): apt-get download, dpkg-deb -x.
VOTE_CSV=$NELC_HOME/studies/vote.csv
ensure_vote() {
  [ -f "$VOTE_CSV" ] && return 0
  local arff=/usr/share/doc/weka/examples/vote.arff tmp
  mkdir -p "$(dirname "$VOTE_CSV")"
  if [ ! -f "$arff" ]; then
    tmp=$(mktemp -d)
    if ! (cd "$tmp" && apt-get download weka >/dev/null 2>&1 && dpkg-deb -x weka_*.deb x); then
      (cd "$tmp" && apt-get update >/dev/null 2>&1 && apt-get download weka >/dev/null 2>&1 && dpkg-deb -x weka_*.deb x) || {
        rm -rf "$tmp"
        echo "studies: the voting records are missing: apt-get download weka (Debian), or sudo apt-get install weka" >&2
        exit 2
      }
    fi
    arff=$tmp/x/usr/share/doc/weka/examples/vote.arff
  fi
  {
    printf 'party'
    for i in $(seq 1 16); do printf ',v%d_yes,v%d_no' "$i" "$i"; done
    echo
    grep -v '^[@%]' "$arff" | grep , | tr -d "'\r" | awk -F, '{
      printf "%s", $17
      for (i = 1; i <= 16; i++) printf ",%d,%d", ($i == "y"), ($i == "n")
      print ""
    }'
  } > "$VOTE_CSV.tmp"
  [ "$(wc -l < "$VOTE_CSV.tmp")" = 436 ] || { echo "studies: $arff: expected 435 rows" >&2; exit 2; }
  mv "$VOTE_CSV.tmp" "$VOTE_CSV"
  [ -n "${tmp:-}" ] && rm -rf "$tmp"
  return 0
}
VOTE=(--data "$VOTE_CSV" --label-column party --classes democrat,republican --per-class 168)

# skipped NAME: true when --skip left NAME out.
skipped() {
  local g
  for g in "${SKIP[@]}"; do
    # shellcheck disable=SC2053
    [[ $1 == $g ]] && return 0
  done
  return 1
}

# sweep NAME [nelc sweep plan flags...]: plans OUT/NAME with the mode's schedule, evaluation and seeds,
# adds its CPU estimate (nelc's cost model, printed by `sweep plan`) to ESTIMATE.
sweep() {
  local name=$1; shift
  skipped "$name" && { echo "  $name: skipped (--skip)"; return 0; }
  local log
  log=$(nelc sweep plan --out "$OUT/$name" --seeds "$SEEDS" "${SCHEDULE[@]}" "${EVALUATION[@]}" "$@")
  echo "$log" | sed -n '1p;/^estimated CPU/p' | sed "s#^#  $name: #"
  local s
  s=$(echo "$log" | sed -n 's/^estimated CPU: .* (\([0-9.]*\) s).*/\1/p')
  ESTIMATE=$(awk -v a="$ESTIMATE" -v b="${s:-0}" 'BEGIN { print a + b }')
  SWEEPS+=("$name")
  # a sweep with cells left costs its commands' start-ups too (run, collect); a finished one only its collect
  local left
  left=$(echo "$log" | sed -n 's/^estimated CPU: .* for the \([0-9]*\) of .*/\1/p')
  [ "${left:-0}" = 0 ] || SWEEPS_PENDING=$((SWEEPS_PENDING + 1))
}

# em NAME COMPONENTS ROWS D [data flags...]: the Bernoulli-mixture ceiling with that many components, on
# ROWS rows of dimension D (for the estimate only).
em() {
  local name=$1 k=$2 rows=$3 d=$4; shift 4
  skipped "$name" && return 0
  EMS+=("$name|$k|$*")
  if [ ! -f "$OUT/$name/em.json" ]; then
    EM_PENDING=$((EM_PENDING + 1))
    # measured on the full mode's 16 ceilings (docs/beyond-the-paper.md): 45-180 iterations of 0.17-0.43 ns
    # per (row, pixel, component) each, so about 120 x N x D x K x 0.3 ns per restart
    ESTIMATE=$(awk -v a="$ESTIMATE" -v r="${EM_OPTIONS[1]}" -v n="$rows" -v d="$d" -v k="$k" \
      'BEGIN { print a + r*120*n*d*k*0.3e-9 }')
  fi
}

# Runs everything planned (or submits it to Slurm), then the tables. Prints the CPU estimate first and the
# measured CPU last.
run_all() {
  local title=$1
  # nelc's cost model counts the multiply-adds of training and evaluation only; on the full mode's run of
  # docs/beyond-the-paper.md (a quiet machine) the cells took 0.7-1.3 times its figure (1.5 under load 15),
  # and each command (a JVM start, loading and binarizing the data, JIT) about 3 s more; the tables' compile
  # about 5 s
  local launches=$(( 2 * SWEEPS_PENDING + ${#SWEEPS[@]} + EM_PENDING ))
  ESTIMATE=$(awk -v m="$ESTIMATE" -v n="$launches" 'BEGIN { print 1.2 * m + 3 * n + 5 }')
  local human
  human=$(awk -v s="$ESTIMATE" 'BEGIN { if (s < 90) printf "%.1f s", s; else if (s < 5400) printf "%.1f min", s/60; else printf "%.1f h", s/3600 }')
  if [ "$COLLECT_ONLY" = 1 ]; then
    echo "$title: collect only: nothing is trained or fitted (a full run would now take about $human of CPU)"
  else
    echo "$title: estimated CPU $human for what is not finished yet (nelc's cost model x 1.2 + 3 s per command; one idle core, divide by $THREADS for the wall time)"
  fi
  local nice=()
  [ "$NICE" = 0 ] || nice=(nice -n "$NICE")
  if [ "$COLLECT_ONLY" = 0 ]; then
    local s e name k args
    for e in "${EMS[@]}"; do
      IFS='|' read -r name k args <<< "$e"
      [ -f "$OUT/$name/em.json" ] && continue
      # shellcheck disable=SC2086
      "${nice[@]}" "$REPO/nelc" em --components "$k" $args "${EM_OPTIONS[@]}" --threads "$THREADS" --out "$OUT/$name" >/dev/null
      echo "  $name: EM with $k components done"
    done
    for s in "${SWEEPS[@]}"; do
      if [ "$SLURM" = 1 ]; then
        nelc sweep slurm "$OUT/$s" "${SLURM_OPTIONS[@]}" --submit
      else
        # exit code 3 = some cell failed: collect lists it, the other cells go on
        "${nice[@]}" "$REPO/nelc" sweep run "$OUT/$s" --all --threads "$THREADS" || [ $? = 3 ]
      fi
    done
    if [ "$SLURM" = 1 ]; then
      echo "submitted; when the arrays have finished: $0 ${ORIGINAL_ARGS[*]/--slurm/} --collect-only"
      return 0
    fi
  fi
  for s in "${SWEEPS[@]}"; do
    nelc sweep collect "$OUT/$s" >/dev/null
  done
}

# report_cpu TITLE: the CPU (and wall) time this run of the script used, measured.
report_cpu() {
  local cpu
  cpu_seconds
  cpu=$(awk -v a="$CPU_NOW" -v b="$CPU_START" 'BEGIN { printf "%.0f", a - b }')
  echo "$1: measured CPU ${cpu} s in this run (training, evaluation, EM, collect, tables; cells finished earlier not counted), wall $(( $(date +%s) - WALL_START )) s"
}

# tables STEM TITLE [--claims] SWEEP...: OUT/STEM.md (the tables, studies/Tables.java) and OUT/STEM.png.
tables() {
  local stem=$1 title=$2; shift 2
  local args=() a e name k rest
  for a in "$@"; do
    if [ "$a" = --claims ]; then args+=(--claims); elif [ -f "$OUT/$a/manifest.json" ]; then args+=("$OUT/$a"); fi
  done
  for e in "${EMS[@]}"; do
    IFS='|' read -r name k rest <<< "$e"
    args+=(--em "$OUT/$name")
  done
  java -cp "$REPO/nelc-app/target/nelc.jar" "$STUDIES/Tables.java" --title "$title" --md "$OUT/$stem.md" \
    --png "$OUT/$stem.png" --curves-png "$OUT/$stem-curves.png" "${args[@]}"
  echo "(tables: $OUT/$stem.md, figures: $OUT/$stem.png, $OUT/$stem-curves.png; nelc $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?'))"
}

# The grids that several studies share: planned under the same name with the same flags, so they are the
# same sweep directory (re-planning an unchanged grid keeps every finished cell) and trained once.
plan_q1() {   # question 1: all ten digits, one-hot L = 10, 20, 30 (--quick: L = 10)
  local grid=latent=one-hot:10,one-hot:20,one-hot:30
  [ "$QUICK" = 1 ] && grid=latent=one-hot:10
  sweep q1-onehot-all --digits "$DIGITS_ALL" --per-class "$PER_CLASS" --grid "$grid"
  local l
  for l in $(echo "${grid#latent=}" | tr , ' '); do
    em "em-all-${l#one-hot:}" "${l#one-hot:}" $((10 * PER_CLASS)) 784 --digits "$DIGITS_ALL" --per-class "$PER_CLASS"
  done
}
BITS_GRID() {
  local l=${BITS:-}
  [ -n "$l" ] || { if [ "$QUICK" = 1 ]; then l=3,4; else l=3,4,6,8; fi; }
  echo "latent=bits:${l//,/,bits:}"
}
plan_q2_bits() {   # question 2: bits:L on MNIST 0/1/2 and on all ten digits
  sweep q2-bits-012 --digits 0,1,2 --per-class "$PER_CLASS" --grid "$(BITS_GRID)"
  sweep q2-bits-all --digits "$DIGITS_ALL" --per-class "$PER_CLASS" --grid "$(BITS_GRID)"
}
