#!/usr/bin/env bash
# A model family on a real (single-node, loopback) Slurm, from a fresh clone with no target/:
#   1. installs Debian's slurm-wlm and munge if missing (apt-get; needs root),
#   2. starts munged, slurmctld and slurmd with a key, config, state and logs in a temporary folder,
#   3. clones this repository's HEAD (commit first: the clone has no uncommitted change and no target/),
#   4. submits a 3-task job array over a 6-model coarse family sharing one folder; all three launchers start at
#      once and must build the jar once; cancels task 2 in the middle of a model,
#   5. resubmits the same array, which must resume and complete, then merges,
#   6. asserts: 6 of 6 models, no staging leftovers, every task of the second submission COMPLETED with exit 0:0.
# The daemons are stopped by their PIDs at the end, also on failure. The temporary folder is removed on
# success and kept (its path printed, with the daemons' logs) on failure. About 2 minutes on 2 cores.
# Usage: scripts/slurm-smoke.sh            (environment: SMOKE_KEEP=1 keeps the temporary folder)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
say() { echo "[slurm-smoke $(date +%H:%M:%S)] $*"; }
fail() { say "FAILED: $*"; exit 1; }

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null \
    || ! command -v munged >/dev/null; then
  [ "$(id -u)" = 0 ] || fail "slurm-wlm and munge are not installed and installing them needs root"
  say "installing slurm-wlm and munge (apt-get) ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q slurm-wlm munge >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q slurm-wlm munge >/dev/null; }
fi
command -v git >/dev/null || fail "needs git"

work=$(mktemp -d /tmp/anisocr-slurm-smoke.XXXXXX)
chmod 700 "$work"
pids=()
cleanup() {
  rc=$?
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
  for p in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null || true
  done
  if [ "$rc" != 0 ] || [ "${SMOKE_KEEP:-0}" = 1 ]; then
    say "kept $work (slurmctld.log, slurmd.log, munged.log, logs/)"
    [ "$rc" != 0 ] && tail -n 20 "$work"/slurmctld.log "$work"/slurmd.log 2>/dev/null || true
  else
    rm -rf "$work"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- munge: our own key and socket --------------------------------------------------------------------------
dd if=/dev/urandom of="$work/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge.key"
munged --foreground --force --key-file="$work/munge.key" --socket="$work/munge.socket" \
  --pid-file="$work/munged.pid" --log-file="$work/munged.log" --seed-file="$work/munged.seed" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -S "$work/munge.socket" ] && break; sleep 0.1; done
[ -S "$work/munge.socket" ] || fail "munged did not start (see $work/munged.log)"

# --- Slurm: one node on loopback, CPUs 3 so that the three array tasks run at once ---------------------------
port=$((20000 + RANDOM % 20000))
mkdir -p "$work/state" "$work/spool" "$work/logs"
export SLURM_CONF="$work/slurm.conf"
cat > "$SLURM_CONF" <<EOF
ClusterName=anisocr-smoke
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge.socket
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SlurmdParameters=config_overrides
ReturnToService=2
MpiDefault=none
KillWait=5
MinJobAge=3600
NodeName=localhost NodeAddr=127.0.0.1 CPUs=3 State=UNKNOWN
PartitionName=smoke Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
slurmctld -D -i -f "$SLURM_CONF" >/dev/null 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" -N localhost >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 100); do
  [ "$(sinfo -h -o %T 2>/dev/null | head -n 1)" = idle ] && break
  sleep 0.3
done
[ "$(sinfo -h -o %T 2>/dev/null | head -n 1)" = idle ] || fail "the node did not come up idle: $(sinfo 2>&1)"
say "$(sinfo --version) up on loopback (port $port): $(sinfo -h -o '%P %D node(s) %c CPUs %T')"

# --- a fresh clone and a 6-model family ----------------------------------------------------------------------
git clone -q "$repo" "$work/repo"
[ ! -e "$work/repo/target" ] || fail "the clone has a target/"
say "fresh clone of $(git -C "$work/repo" log -1 --format='%h %s' | cut -c1-80) (no target/)"
cat > "$work/base.toml" <<'EOF'
# Coarse realistic model, time-stepped for 5 Myr so that a model lasts long enough to be cancelled in the middle.
name = "smoke"
[grid]
r_max_kpc = 20.0
half_height_kpc = 4.0
dr_kpc = 0.25
dz_kpc = 0.25
[momentum]
p_min_GeV = 1.0
p_max_GeV = 10000.0
count = 9
[diffusion]
delta_par = 0.3
delta_perp = 0.5
eps_D = 0.1
[field]
model = "realistic"
[source]
model = "pulsar"
[solver]
mode = "transient"
[solver.transient]
dt_Myr = 0.001
t_end_Myr = 5.0
EOF
fam="$work/family"
cat > "$work/family.sbatch" <<EOF
#!/bin/bash
#SBATCH --job-name=anisocr-smoke
#SBATCH --array=1-3
#SBATCH --cpus-per-task=1
#SBATCH --output=$work/logs/%A_%a.out
cd "$work/repo"
./anisocr sweep "$work/base.toml" --vary eps_D=0.1,0.01 --vary delta_perp=0.5:0.7:3 \\
    --shard \${SLURM_ARRAY_TASK_ID}/\${SLURM_ARRAY_TASK_COUNT} --threads \${SLURM_CPUS_PER_TASK} --out "$fam"
EOF

wait_job() { # until no task of job $1 is pending or running (at most $2 s)
  local t=0
  while [ -n "$(squeue -h -j "$1" 2>/dev/null)" ]; do
    sleep 1; t=$((t + 1)); [ "$t" -lt "$2" ] || fail "job $1 still running after $2 s"
  done
}
task_states() { # "task state exitcode" per array task of job $1
  scontrol -o show job "$1" | sed -n 's/.*ArrayTaskId=\([0-9]*\) .*JobState=\([A-Z_]*\) .*ExitCode=\([0-9:]*\).*/\1 \2 \3/p' | sort -n
}

# --- first submission: cancel task 2 in the middle of its first model ---------------------------------------
job1=$(sbatch --parsable "$work/family.sbatch")
say "submitted array job $job1 (3 tasks, shards 1/3..3/3 of 6 models, all into $fam)"
# shard 2/3 runs members 1 and 4; its first model is in progress once its staging folder exists
for _ in $(seq 1800); do
  compgen -G "$fam/.m0001-*.partial-*" >/dev/null && break
  [ -n "$(squeue -h -j "${job1}_2" 2>/dev/null)" ] || fail "task 2 ended before its first model started: $(cat "$work"/logs/"${job1}"_2.out)"
  sleep 0.1
done
compgen -G "$fam/.m0001-*.partial-*" >/dev/null || fail "task 2 never started a model"
sleep 1
scancel "${job1}_2"
say "cancelled task ${job1}_2 in the middle of model m0001 (staging: $(cd "$fam" && echo .m0001-*.partial-*))"
wait_job "$job1" 600
say "first submission, per task (task state exit):"
task_states "$job1" | sed 's/^/    /'
for t in 1 2 3; do sed 's/^/    task '$t' | /' "$work/logs/${job1}_$t.out"; done
task_states "$job1" | grep -q '^2 CANCELLED' || fail "task 2 was not cancelled"
builds=$(cat "$work"/logs/"${job1}"_*.out | grep -c 'first use: building target/anisocr.jar' || true)
[ "$builds" = 1 ] || fail "expected one build among the three launchers, saw $builds"
set +e
(cd "$work/repo" && ./anisocr merge "$fam" --out "$work/partial-index.csv") > "$work/merge1.out" 2>&1
rc=$?
set -e
say "merge after the cancelled submission: exit $rc"
sed 's/^/    /' "$work/merge1.out"
[ "$rc" = 1 ] || fail "merge of an incomplete family should exit 1"

# --- second submission: resumes; every task must end COMPLETED 0:0 -----------------------------------------
job2=$(sbatch --parsable "$work/family.sbatch")
say "resubmitted as array job $job2"
wait_job "$job2" 600
say "second submission, per task (task state exit):"
task_states "$job2" | sed 's/^/    /'
for t in 1 2 3; do sed 's/^/    task '$t' | /' "$work/logs/${job2}_$t.out"; done
[ "$(task_states "$job2" | grep -c ' COMPLETED 0:0$')" = 3 ] || fail "not every task of job $job2 completed with exit 0"

(cd "$work/repo" && ./anisocr merge "$fam" --out "$work/family-index.csv") > "$work/merge2.out" 2>&1 \
  || { cat "$work/merge2.out"; fail "merge exited $?"; }
sed 's/^/    /' "$work/merge2.out"
grep -q 'merged 6 of 6 models' "$work/merge2.out" || fail "expected 6 of 6 models"
[ "$(wc -l < "$work/family-index.csv")" = 7 ] || fail "merged index should have a header and 6 rows"
leftovers=$(find "$fam" -name '.*partial*')
[ -z "$leftovers" ] || fail "staging leftovers: $leftovers"
say "merged index ($work/family-index.csv; columns index..residual):"
cut -d, -f1-8 "$work/family-index.csv" | column -t -s, | sed 's/^/    /'
say "family folder: $(ls -A "$fam" | tr '\n' ' ')"
say "PASSED: 6 of 6 models, no staging leftovers, every task of the second submission exit 0"
