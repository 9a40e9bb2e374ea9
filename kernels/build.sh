#!/usr/bin/env bash
# Builds the committed GPU kernel fatbin from kernels/*.cu, so that building the Java project never
# needs a CUDA toolkit. Run after every change to a kernel source, then commit both outputs:
#   src/main/resources/kernels/anisocr.fatbin          SASS for sm_75/80/86/89/90 + compute_90 PTX
#   src/main/resources/kernels/anisocr.fatbin.sha256   SHA-256 of the sources (KernelSourceHashTest checks it)
# -fmad=false: no fused multiply-add contraction, so the kernels round exactly like the Java reference
# (Java never fuses); the sweeps are memory-bound, so this costs nothing measurable.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out="$root/src/main/resources/kernels"
mkdir -p "$out"
NVCC=${NVCC:-nvcc}
"$NVCC" --version | tail -1
"$NVCC" -fatbin -O3 -fmad=false -std=c++17 \
  -gencode arch=compute_75,code=sm_75 \
  -gencode arch=compute_80,code=sm_80 \
  -gencode arch=compute_86,code=sm_86 \
  -gencode arch=compute_89,code=sm_89 \
  -gencode arch=compute_90,code=sm_90 \
  -gencode arch=compute_90,code=compute_90 \
  -o "$out/anisocr.fatbin" "$here/anisocr.cu"
# Source hash: SHA-256 of the concatenation of kernels/*.cu sorted by file name (byte order, LC_ALL=C),
# the same rule as org.anisocr.solver.gpu.KernelSources.sourceHash().
(cd "$here" && LC_ALL=C ls -1 *.cu | LC_ALL=C sort | xargs cat) | sha256sum | cut -d' ' -f1 > "$out/anisocr.fatbin.sha256"
echo "wrote $out/anisocr.fatbin ($(stat -c %s "$out/anisocr.fatbin") bytes), source hash $(cat "$out/anisocr.fatbin.sha256")"
