#!/usr/bin/env bash
# A real Slurm round trip for `nelc sweep`, on this machine: installs Debian's slurm-wlm and munge, starts a
# one-node cluster (munged, slurmctld, slurmd; generated slurm.conf; loopback only), plans a 4-cell sweep on small
# synthetic data, runs it once locally (`nelc sweep run --all`) and once as a Slurm job array
# (`nelc sweep slurm --submit`), waits for the array, collects both, and checks that every cell's parameters are
# bit-identical. The daemons it started are always stopped (trap), and its temporary directory removed.
#
# Usage: scripts/slurm-test.sh            (as root)
# Environment:
#   NELC_CMD             how to run nelc (default: the repository's ./nelc launcher, which builds the jar)
#   SLURM_TEST_TIMEOUT   seconds to wait for the job array (default 300)
#   SLURM_TEST_KEEP=1    keep the temporary directory (logs, sweeps) for a look
# Exit: 0 passed; 1 failed; 77 skipped (not root, no apt-get, or the packages cannot be installed here).
set -euo pipefail
SKIP=77
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
t_start=$(date +%s.%N)
say() { printf 'slurm-test: %s\n' "$*"; }
skip() { say "SKIPPED: $*"; exit "$SKIP"; }
fail() { say "FAILED: $*"; exit 1; }
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

[ "$(id -u)" = 0 ] || skip "needs root (installs packages and starts daemons)"

# --- 1. packages -----------------------------------------------------------------------------------------------
have_slurm() { command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v sbatch >/dev/null \
  && command -v munged >/dev/null; }
if ! have_slurm; then
  command -v apt-get >/dev/null || skip "no apt-get: cannot install slurm-wlm and munge"
  say "installing slurm-wlm and munge with apt-get"
  timeout 600 apt-get update -q >/dev/null 2>&1 || skip "apt-get update failed (no access to Debian's packages?)"
  cand=$(apt-cache policy slurm-wlm 2>/dev/null | awk '/Candidate:/ { print $2 }')
  [ -n "$cand" ] && [ "$cand" != "(none)" ] || skip "Debian offers no slurm-wlm package here"
  say "slurm-wlm candidate: $cand"
  DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -q --no-install-recommends slurm-wlm munge \
    >/dev/null 2>&1 || skip "apt-get install slurm-wlm munge failed"
  have_slurm || skip "slurm-wlm installed but its daemons are not on the PATH"
fi
say "$(slurmctld -V), $(munged -V 2>&1 | head -1)"

# --- 2. nelc ---------------------------------------------------------------------------------------------------
# NELC_CMD as given, else a private copy of the launcher's jar (built on first use), so that a rebuild of the
# working tree during the test cannot change the classes under the running tasks.
if [ -n "${NELC_CMD:-}" ]; then
  read -r -a NELC <<< "$NELC_CMD"
else
  "$here/nelc" --version >/dev/null || fail "cannot build nelc"
  NELC=(java -jar "@WORK@/nelc.jar")
fi
nelc() { "${NELC[@]}" "$@"; }

# --- 3. a one-node cluster -------------------------------------------------------------------------------------
work=$(mktemp -d /tmp/nelc-slurm-test.XXXXXX)
chmod 711 "$work"
if [ "${NELC[*]}" = "java -jar @WORK@/nelc.jar" ]; then
  cp "$here/nelc-app/target/nelc.jar" "$work/nelc.jar"
  NELC=(java -jar "$work/nelc.jar")
fi
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/log"
daemon_pids=()
job=""
cleanup() {
  local rc=$?
  set +e
  if [ -n "$job" ] && command -v scancel >/dev/null; then SLURM_CONF="$work/slurm.conf" scancel "$job" 2>/dev/null; fi
  for pid in "${daemon_pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${daemon_pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
  done
  # job steps (slurmstepd and the nelc tasks) of this test, if any outlived slurmd: found by our unique work path
  for p in /proc/[0-9]*; do
    if tr '\0' ' ' < "$p/cmdline" 2>/dev/null | grep -qF "$work"; then kill -9 "${p#/proc/}" 2>/dev/null; fi
  done
  if [ "${SLURM_TEST_KEEP:-0}" = 1 ]; then say "kept $work"; else rm -rf "$work"; fi
  say "daemons stopped; total $(elapsed "$t_start") s"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pick_port() {
  local p
  for p in $(seq "$1" "$(($1 + 200))"); do
    if port_free "$p"; then echo "$p"; return; fi
  done
  fail "no free port near $1"
}
ctld_port=$(pick_port 26817)
slurmd_port=$(pick_port $((ctld_port + 1)))
host=$(hostname -s)
mem_mb=$(awk '/MemTotal/ { print int($2 / 1024 * 0.8) }' /proc/meminfo)
cpus=$(nproc)

dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
munged -F --force --key-file="$work/munge/munge.key" --socket="$work/munge/munge.socket" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/log/munged.log" --seed-file="$work/munge/munged.seed" \
  >"$work/log/munged.out" 2>&1 &
daemon_pids+=($!)
for _ in $(seq 50); do [ -S "$work/munge/munge.socket" ] && break; sleep 0.1; done
[ -S "$work/munge/munge.socket" ] || { cat "$work/log/munged.out"; fail "munged did not start"; }

select=select/cons_tres
[ -e /usr/lib/x86_64-linux-gnu/slurm-wlm/select_cons_tres.so ] || [ -n "$(find /usr/lib -name 'select_cons_tres.so' -print -quit 2>/dev/null)" ] \
  || select=select/cons_res
cat >"$work/slurm.conf" <<CONF
# generated by scripts/slurm-test.sh
ClusterName=nelctest
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/munge.socket
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SelectType=$select
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
MinJobAge=600
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
slurmctld -D -f "$SLURM_CONF" >"$work/log/slurmctld.out" 2>&1 &
daemon_pids+=($!)
slurmd -D -f "$SLURM_CONF" >"$work/log/slurmd.out" 2>&1 &
daemon_pids+=($!)
t_idle=$(date +%s.%N)
state=""
for _ in $(seq 120); do
  state=$(sinfo -h -N -o '%T' 2>/dev/null | head -1 || true)
  [ "$state" = idle ] && break
  sleep 0.5
done
if [ "$state" != idle ]; then
  tail -20 "$work/log/slurmctld.out" "$work/log/slurmd.out"
  fail "the node is not idle after 60 s (state '$state')"
fi
say "cluster up: node $host idle after $(elapsed "$t_idle") s ($select, ports $ctld_port/$slurmd_port)"

# --- 4. data and two identical plans -----------------------------------------------------------------------------
# 3 prototypes of 36 pixels, 60 noisy copies each (10 % of the pixels flipped), labelled: PrototypeTeacher-style text
awk 'BEGIN { srand(42); D = 36;
  for (k = 0; k < 3; k++) for (i = 0; i < D; i++) p[k, i] = (rand() < 0.5);
  for (k = 0; k < 3; k++) for (n = 0; n < 60; n++) {
    row = k "\t"; for (i = 0; i < D; i++) { b = p[k, i]; if (rand() < 0.1) b = 1 - b; row = row b } print row } }' \
  >"$work/data.txt"
plan=(--seeds 1..2 --grid lr=0.05,0.1 --data "$work/data.txt" --per-class 60 --latent one-hot:3 --epochs 6
  --steps-per-epoch 10 --batch 8:32 --chain-steps 12 --chain-length 5000 --burn-in 100 --rb-samples 100)
nelc sweep plan --out "$work/local" "${plan[@]}" >/dev/null
nelc sweep plan --out "$work/cluster" "${plan[@]}" >/dev/null
cmp -s "$work/local/manifest.json" "$work/cluster/manifest.json" || fail "the same plan gave different manifests"

t_local=$(date +%s.%N)
nelc sweep run "$work/local" --all --threads 2 >"$work/log/local-run.out" || { cat "$work/log/local-run.out"; fail "local run"; }
say "local run: 4 cells in $(elapsed "$t_local") s"

# --- 5. the Slurm round trip ---------------------------------------------------------------------------------------
t_trip=$(date +%s.%N)
nelc sweep slurm "$work/cluster" --partition debug --time 00:10:00 --max-parallel 2 --submit >"$work/log/submit.out" \
  || { cat "$work/log/submit.out"; fail "nelc sweep slurm --submit"; }
job=$(tail -1 "$work/log/submit.out")
[[ "$job" =~ ^[0-9]+$ ]] || { cat "$work/log/submit.out"; fail "no job id"; }
grep -q -- '--array=0-3%2' "$work/cluster/slurm/sweep.sbatch" || fail "the script lacks --array=0-3%2"
say "submitted job array $job"
deadline=$(( $(date +%s) + ${SLURM_TEST_TIMEOUT:-300} ))
while [ -n "$(squeue -h -j "$job" -o %i 2>/dev/null)" ]; do
  if [ "$(date +%s)" -gt "$deadline" ]; then
    squeue; nelc sweep status "$work/cluster" || true
    tail -20 "$work"/cluster/slurm/logs/* "$work/log/slurmd.out" 2>/dev/null || true
    fail "the job array did not finish within ${SLURM_TEST_TIMEOUT:-300} s"
  fi
  sleep 1
done
nelc sweep status "$work/cluster" | tee "$work/log/status.out"
grep -q '4 done' "$work/log/status.out" || { tail -20 "$work"/cluster/slurm/logs/* || true; fail "not every cell is done"; }
nelc sweep collect "$work/cluster" >/dev/null
say "slurm round trip (submit, 4 array tasks, collect): $(elapsed "$t_trip") s"
nelc sweep collect "$work/local" >/dev/null

# --- 6. checks --------------------------------------------------------------------------------------------------
logs=$(ls "$work"/cluster/slurm/logs/ | wc -l)
[ "$logs" = 4 ] || fail "expected 4 task logs, found $logs"
for d in "$work"/cluster/cells/*/; do
  grep -q "\"slurmJob\" : \"${job}_" "$d/done" || fail "$d was not finished by a task of job $job"
done
sha() { grep -o '"parametersSha256" : "[0-9a-f]*"' "$1/summary.json"; }
[ "$(sha "$work/local" | wc -l)" = 4 ] || fail "the local sweep has not 4 finished cells"
if ! diff <(sha "$work/local") <(sha "$work/cluster"); then
  fail "parameters differ between the local run and the Slurm run"
fi
for d in "$work"/local/cells/*/; do
  id=$(basename "$d")
  a=$(sed -n '/"parameters"/,/"centering"/p' "$d/model.json")
  b=$(sed -n '/"parameters"/,/"centering"/p' "$work/cluster/cells/$id/model.json")
  [ -n "$a" ] && [ "$a" = "$b" ] || fail "cell $id: model.json parameters differ"
done
say "PASSED: 4 cells, parameters bit-identical between 'nelc sweep run --all' and the Slurm job array"
