#!/usr/bin/env bash
# Runs ON THE GPU MACHINE, from the project root, after bench/prepare-device.sh packed .device/ here:
#   export PATH=$PWD/.device/jre/bin:$PATH; bash bench/run-on-device.sh [quick]
# 1. the GPU tests (GPU vs the Java reference, backend selection, bench) with JUnit, no Maven needed;
# 2. builds the cuSPARSE harness bench/cusparse/gtsv_bench.cu with the machine's nvcc;
# 3. SteadyGpuBench: the GPU steady solve of 201x81x33 for 1 model and a 64-model family (issue 6);
# 4. `bench` on 201x81x33 (1 model), on a 64-model family, and on 2001x801x33 (bandwidth target).
# Everything lands in $OUT (the device tool brings back at most 8 files): run-on-device.log,
# gpu-tests.txt and one bench JSON per case, named <device>-<date>-<case>.json; copy those JSONs to
# bench/results/ and commit them. "quick" runs only the tests, the steady bench and the first bench case; "steady" only the tests and the steady bench.
set -uo pipefail
OUT=${OUT:-bench/results/device-out}
mkdir -p "$OUT"
exec > >(tee -a "$OUT/run-on-device.log") 2>&1
work=$(mktemp -d)
jar=.device/anisocr.jar
testcp=".device/anisocr.jar:.device/test-classes:.device/device-testlibs/*"
status=0

echo "== machine"; date -u; nvidia-smi -L || true; nvidia-smi --query-gpu=driver_version --format=csv,noheader || true
java -version 2>&1 | head -1; nvcc --version | tail -1
java -cp "$jar" org.anisocr.solver.gpu.GpuDevice   # what the Java probe sees (name, SMs, memory, driver) or why not
dev=$(nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null | head -1 | tr 'A-Z' 'a-z' | sed -E 's/[^a-z0-9]+/-/g; s/^-//; s/-$//')
dev=${dev:-unknown-gpu}
day=$(date -u +%F)

echo "== GPU tests"
timeout 240 java -cp "$testcp" org.anisocr.DeviceTestRunner | tee "$OUT/gpu-tests.txt" || status=1

echo "== steady GPU solve (issue 6): 201x81x33 realistic, 1 model and a 64-model family"
timeout 300 java -cp "$jar" org.anisocr.bench.SteadyGpuBench --grid 201x81 --momenta 33 --models 1,64 --reps 3 \
  --out "$OUT/$dev-$day-steady-201x81x33.json" || status=1
[ "${1:-}" = steady ] && { echo "== done (steady only), status $status"; exit $status; }

echo "== cuSPARSE harness"
inc=$(find /usr/local/cuda*/include /usr/local/cuda*/targets/*/include /opt /usr/include /usr/local/lib /usr/lib/python3* \
      -name cusparse.h 2>/dev/null | head -1)
harness=""
if [ -n "$inc" ]; then
  incdir=$(dirname "$inc"); libdir=$(cd "$incdir/../lib" 2>/dev/null && pwd || true)
  [ -d "$incdir/../lib64" ] && libdir=$(cd "$incdir/../lib64" && pwd)
  lib=$(ls "$libdir"/libcusparse.so* 2>/dev/null | head -1)
  jit=$(find "$(dirname "$libdir")" /usr/local/cuda*/lib64 /opt -name 'libnvJitLink.so*' 2>/dev/null | head -1)
  rp="-Xlinker -rpath=$libdir"; [ -n "$jit" ] && rp="$rp -Xlinker -rpath=$(dirname "$jit")"
  echo "cusparse.h: $inc; library: $lib; nvJitLink: ${jit:-none}"
  if nvcc -O3 -std=c++17 -I"$incdir" -o "$work/gtsv_bench" bench/cusparse/gtsv_bench.cu "$lib" $rp; then harness="$work/gtsv_bench"; fi
else
  echo "cusparse.h not found: cuSPARSE figures will be null"
fi

bench() {   # bench CASE REPLICATE ARGS...
  local case=$1 rep=$2; shift 2
  local extra=()
  if [ -n "$harness" ]; then
    java -cp "$jar" org.anisocr.cli.BenchCommand "$@" --export-systems "$work/$case.sys" \
      && "$harness" "$work/$case.sys" "$rep" 20 > "$work/$case-cusparse.json" \
      && cat "$work/$case-cusparse.json" && extra=(--cusparse-json "$work/$case-cusparse.json")
  fi
  timeout 400 java -cp "$jar" org.anisocr.cli.BenchCommand "$@" --backend gpu "${extra[@]}" --out "$OUT/$dev-$day-$case.json" || status=1
}

echo "== bench 201x81x33, 1 model"
bench 201x81x33-m1 1 --grid 201x81 --momenta 33 --models 1
if [ "${1:-}" != quick ]; then
  echo "== bench 201x81x33, 64-model family"
  bench 201x81x33-m64 64 --grid 201x81 --momenta 33 --models 64 --cpu-reps 3 --cpu-steps 1 --gpu-reps 50
  echo "== bench 2001x801x33, 1 model"
  bench 2001x801x33-m1 1 --grid 2001x801 --momenta 33 --models 1 --cpu-reps 1 --cpu-steps 1 --gpu-reps 20
fi
rm -rf "$work"
echo "== done, status $status"; ls -la "$OUT"
exit $status
