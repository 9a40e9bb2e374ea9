#!/usr/bin/env bash
# Runs ON THE GPU MACHINE, from anywhere in the checkout, after bench/prepare-device.sh packed .device/ here:
#   device run, carry [".device"], timeout_s 540, command:  bash bench/run-on-device.sh
# One global deadline (BUDGET_S, default 480 s from the start); each step's limit is the least of its cap and
# what is left, and a step that cannot get its minimum is skipped with one line. Most valuable first:
#   probe     the Java GPU probe (name, SMs, driver, fatbin loads); stops everything, in seconds, without a GPU
#   tests     the GPU tests (GPU vs the Java reference, backends, bench, run command) with JUnit, no Maven
#   multigrid bench steady (issue 13): batched mg-gmres on the GPU vs the CPU solver (2 threads: the 2-core CPU),
#             201x81x33 model, 64-model family, 801x321 and 1601x641        -> <device>-steady-<date>.json
#   split     bench split: split step 201x81x33, one model                 -> <device>-<date>-201x81x33-m1.json
#   cusparse  builds bench/cusparse/gtsv_bench, times cuSPARSE on the same systems, merges into the split JSON
#             (the split step also times cuSPARSE from Java, JCusparse, when libcusparse.so.12 is found: cusparse_java)
#   steady    SteadyGpuBench, 201x81x33, one model                         -> <device>-<date>-steady-201x81x33-m1.json
#   large     bench split: 2001x801x33, one model (bandwidth; no cuSPARSE export, which would be 2.5 GB)
#                                                                          -> <device>-<date>-2001x801x33-m1.json
#   family    bench split 201x81x33 with 64 models (+ cuSPARSE x64), then SteadyGpuBench with 64 models
#                                                                          -> ...-201x81x33-m64.json, ...-steady-201x81x33-m64.json
# Into $OUT (at most 8 files come back): run-on-device.log (with the GPU tests' report), summary.json (each step's status and
# seconds, the device) and the JSONs above under $OUT/bench/results/. Copy those to bench/results/ and commit them.
#
#   bash bench/run-on-device.sh [--dry-run] [--rehearse] [STEP...]     (STEPs from the list; probe always runs)
#   --dry-run   print each step's command and limit without running any; DRY_STEP_S=N pretends each step took N s
#   --rehearse  no GPU needed: tiny grids, --backend auto, does not stop at the probe (checks the commands here)
# Exit status: 0 all steps passed; 1 a step failed, timed out or was skipped for time; 2 no Java or no packed jar;
# 3 no usable GPU (the probe's reason is printed).
set -uo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
BUDGET_S=${BUDGET_S:-480}
deadline=$((start + BUDGET_S))
OUT=${OUT:-target/device-out}
DEVICE=${DEVICE:-.device}                 # what prepare-device.sh packed
results="$OUT/bench/results"
mkdir -p "$results"
exec > >(tee -a "$OUT/run-on-device.log") 2>&1

dry=0 rehearse=0 only=()
for a in "$@"; do
  case $a in
    --dry-run) dry=1;; --rehearse) rehearse=1;;
    probe|tests|multigrid|split|cusparse|steady|large|family) only+=("$a");;
    quick) only+=(tests split);;   # the old script's word
    *) echo "run-on-device: unknown argument '$a' (steps: probe tests multigrid split cusparse steady large family; --dry-run, --rehearse)"; exit 2;;
  esac
done
wanted() { [ ${#only[@]} -eq 0 ] && return 0; local s; for s in "${only[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

# Problem sizes (the rehearsal shrinks them so that every command runs in seconds on a CPU).
grid=201x81 momenta=33 large=2001x801 family=64 backend=gpu mg=(--momenta 33 --highres 801x321,1601x641)
# (bench steady's model keeps its 10-1000 GeV fit window: it needs at least 2 bins there, hence 9 momenta)
[ $rehearse = 1 ] && { grid=21x11 momenta=3 large=41x21 family=4 backend=auto mg=(--momenta 9 --highres 101x41 --rehearse --reps 1 --cpu-family-sample 1); }

skew=0                                    # dry run: seconds the steps pretend to have taken
now() { echo $(( $(date +%s) + skew )); }
steps_json=() status=0 device="" day=$(date -u +%F)
work=$(mktemp -d)

summary() {   # $OUT/summary.json, also on an early stop
  local files; files=$(cd "$OUT" && find . -type f ! -name summary.json | sed 's|^\./||' | sort | sed 's/.*/"&"/' | paste -sd, -)
  { printf '{\n  "script": "bench/run-on-device.sh", "date_utc": "%s", "device": %s,\n' "$(date -u +%FT%TZ)" \
           "$( [ -n "$device" ] && printf '"%s"' "$device" || echo null)"
    printf '  "budget_s": %d, "elapsed_s": %d, "exit_status": %d, "dry_run": %s, "rehearsal": %s,\n' \
           "$BUDGET_S" $(( $(now) - start )) "$status" "$( [ $dry = 1 ] && echo true || echo false)" "$( [ $rehearse = 1 ] && echo true || echo false)"
    printf '  "steps": [\n%s\n  ],\n  "files": [%s]\n}\n' "$(IFS=$'\n'; echo "${steps_json[*]:-}" | sed '$!s/$/,/')" "$files"
  } > "$OUT/summary.json"
}
finish() { summary; rm -rf "$work"; }
trap finish EXIT
stop() {   # stop CODE MESSAGE: the one clear line, then a fast exit
  status=$1; shift
  echo "run-on-device: STOPPED: $*"
  exit "$status"
}
record() { steps_json+=("    {\"step\": \"$1\", \"status\": \"$2\", \"seconds\": $3, \"limit_s\": $4}"); }

# step NAME CAP_S MIN_S COMMAND...: runs COMMAND under min(CAP_S, time left); skipped when less than MIN_S is left.
step() {
  local name=$1 cap=$2 min=$3; shift 3
  local left=$((deadline - $(now))) lim t0 rc st
  if [ "$left" -lt "$min" ]; then
    echo "== $name: SKIPPED, ${left}s of ${BUDGET_S}s left (needs ${min}s)"
    record "$name" skipped_no_time 0 0; status=1; return 1
  fi
  lim=$(( cap < left ? cap : left ))
  echo "== $name (limit ${lim}s; ${left}s of ${BUDGET_S}s left)"
  t0=$(now)
  if [ $dry = 1 ]; then
    echo "   would run: $*"
    skew=$(( skew + ( ${DRY_STEP_S:-0} < lim ? ${DRY_STEP_S:-0} : lim ) ))
    rc=0
  else
    timeout -k 5 "$lim" "$@"; rc=$?
  fi
  case $rc in
    0) st=passed;;
    124|137) st=timed_out; echo "== $name: TIMED OUT after ${lim}s";;
    *) st=failed; echo "== $name: FAILED (exit $rc)";;
  esac
  record "$name" "$st" $(( $(now) - t0 )) "$lim"
  [ $rc = 0 ] || status=1
  return $rc
}

# ---- Java and the packed files ----
echo "== machine: $(date -u +%FT%TZ), $(uname -m), $(nproc) cores, budget ${BUDGET_S}s, OUT=$OUT"
[ -f "$DEVICE/anisocr.jar" ] || stop 2 "no $DEVICE/anisocr.jar: run bench/prepare-device.sh on the development machine and carry [\".device\"]"
if [ -f "$DEVICE/jre.tar.gz" ]; then
  mkdir -p "$work/jre" && tar -C "$work/jre" -xzf "$DEVICE/jre.tar.gz" || stop 2 "cannot unpack $DEVICE/jre.tar.gz"
  JAVA="$work/jre/bin/java"
elif command -v java >/dev/null; then
  JAVA=java; echo "note: no $DEVICE/jre.tar.gz; using the java on PATH"
else
  stop 2 "no Java: $DEVICE/jre.tar.gz is missing and there is no java on PATH (run bench/prepare-device.sh, carry [\".device\"])"
fi
"$JAVA" -version >/dev/null 2>&1 || stop 2 "the Java runtime does not start here: $("$JAVA" -version 2>&1 | head -1)"
# JCuda unpacks its native libraries into java.io.tmpdir and loads them from there: on a host whose /tmp is noexec
# that load fails, so they go to a folder of this checkout (ANISOCR_NATIVE_DIR overrides it).
native="${ANISOCR_NATIVE_DIR:-$PWD/target/native}"
mkdir -p "$native" || stop 2 "cannot create the native-library folder $native (set ANISOCR_NATIVE_DIR)"
J=("$JAVA" "-Djava.io.tmpdir=$native")
"$JAVA" --enable-native-access=ALL-UNNAMED -version >/dev/null 2>&1 && J+=(--enable-native-access=ALL-UNNAMED)
echo "java: $("$JAVA" -version 2>&1 | head -1); $(head -1 "$DEVICE/MANIFEST.txt" 2>/dev/null || echo 'no MANIFEST')"
# JCusparse (the bench's Java cuSPARSE baseline) needs libcusparse.so.12: CUDA 13 has it in its Python wheel.
if cusparse_libs=$(bench/cusparse/build.sh --find 2>&1); then
  export LD_LIBRARY_PATH="$cusparse_libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"; echo "libcusparse: $cusparse_libs"
else
  echo "libcusparse: not found ${cusparse_libs#cusparse: not found }; the cuSPARSE figures will be missing"
fi
jar="$DEVICE/anisocr.jar"
export JAR=$jar                           # for bench/cusparse/compare.sh
testcp="$DEVICE/anisocr.jar:$DEVICE/test-classes:$DEVICE/device-testlibs/*"

# ---- 1. probe ----
if command -v nvidia-smi >/dev/null; then
  echo "nvidia-smi: $(timeout 20 nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1 | head -2 | paste -sd';' -)"
else
  echo "nvidia-smi: not on PATH"
fi
if [ $dry = 1 ]; then
  step probe 60 0 "${J[@]}" -cp "$jar" org.anisocr.cli.GpuProbe
  device="dry-run"
else
  probe=$(timeout -k 5 60 "${J[@]}" -cp "$jar" org.anisocr.cli.GpuProbe 2>&1 | grep -v '^WARNING' | tail -1)
  echo "probe: $probe"
  case $probe in
    "no usable GPU"*|"")
      record probe no_gpu $(( $(now) - start )) 60
      [ $rehearse = 1 ] || stop 3 "${probe:-the GPU probe printed nothing}"
      device="no-gpu-rehearsal";;
    *) record probe passed $(( $(now) - start )) 60
       device=${probe%% (sm_*};;
  esac
fi
tag=$(echo "$device" | tr 'A-Z' 'a-z' | sed -E 's/[^a-z0-9]+/-/g; s/^-//; s/-$//')
json() { echo "$results/$tag-$day-$1.json"; }

# ---- 2. GPU tests ----
if wanted tests; then
  tests=()                                 # DeviceTestRunner's own list (GPU, backend, bench, run tests), in a rehearsal too
  # its report goes into run-on-device.log (a file of its own would make 9: the device tool brings back 8)
  step tests 150 30 "${J[@]}" -cp "$testcp" org.anisocr.DeviceTestRunner ${tests[@]+"${tests[@]}"}
fi

bench() {   # bench CASE CAP MIN ARGS...
  local case=$1 cap=$2 min=$3; shift 3
  step "$case" "$cap" "$min" "${J[@]}" -cp "$jar" org.anisocr.cli.Main bench split "$@" --backend "$backend" --out "$(json "$case")"
}

# ---- 3. issue 13: batched multigrid steady state, GPU vs the 2-thread CPU on the same runs ----
wanted multigrid && step multigrid 210 60 "${J[@]}" -cp "$jar" org.anisocr.cli.Main bench steady --backend "$backend" --threads 2 \
  --family $family "${mg[@]}" --out "$results/$tag-steady-$day.json"

# ---- 3b. split step, 201x81x33, one model ----
wanted split && bench ${grid}x$momenta-m1 90 30 --grid $grid --momenta $momenta --models 1

# ---- 4. cuSPARSE on the same systems (201x81x33: 25 MB of matrices), merged into step 3's JSON ----
harness=""
systems="$work/systems-$grid.bin"
if wanted cusparse || wanted family; then
  # nvcc here, and cuSPARSE from CUDA's Python wheels or /usr/local/cuda*; exit 3 and one line when it is missing.
  step cusparse-build 90 20 bench/cusparse/build.sh "$work/gtsv_bench" && harness="$work/gtsv_bench"
fi
wanted cusparse && [ -n "$harness" ] && step cusparse 90 20 \
  bench/cusparse/compare.sh "$harness" "$systems" $grid $momenta 1 "$(json ${grid}x$momenta-m1)" "${J[@]}"

# ---- 5. steady solve, one model ----
wanted steady && step steady-${grid}x$momenta-m1 120 30 "${J[@]}" -cp "$jar" org.anisocr.bench.SteadyGpuBench \
  --grid $grid --momenta $momenta --models 1 --reps 3 --out "$(json steady-${grid}x$momenta-m1)"

# ---- 6. 2001x801x33 (bandwidth target), no cuSPARSE ----
wanted large && bench ${large}x$momenta-m1 150 60 --grid $large --momenta $momenta --models 1 --cpu-reps 1 --cpu-steps 1 --gpu-reps 20

# ---- 7. the 64-model family: split step (+ cuSPARSE on model 0's systems x64), then the steady solve ----
if wanted family; then
  bench ${grid}x$momenta-m$family 120 30 --grid $grid --momenta $momenta --models $family --cpu-reps 3 --cpu-steps 1 --gpu-reps 50 \
    && [ -n "$harness" ] && step cusparse-m$family 60 15 \
         bench/cusparse/compare.sh "$harness" "$systems" $grid $momenta $family "$(json ${grid}x$momenta-m$family)" "${J[@]}"
  step steady-${grid}x$momenta-m$family 200 30 "${J[@]}" -cp "$jar" org.anisocr.bench.SteadyGpuBench \
    --grid $grid --momenta $momenta --models $family --reps 3 --no-reference --out "$(json steady-${grid}x$momenta-m$family)"
fi

n=$(find "$OUT" -type f | wc -l)
echo "== done in $(( $(now) - start ))s of ${BUDGET_S}s, exit status $status; $((n + 1)) files in $OUT (8 come back at most)"
find "$OUT" -type f | sort
exit $status
