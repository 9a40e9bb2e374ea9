#!/usr/bin/env bash
# Development check without a GPU: compiles kernels/anisocr.cu as C++ (kernels/emu/prelude.h stands in
# for CUDA), runs it on problems exported from the Java reference and compares (see emulate.cpp).
# Needs g++ >= 11 and a compiled project (./mvnw -q test-compile).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The only non-C++ constructs left: dynamic shared memory and the __shared__ qualifier.
# multigrid.cu (mg_relax_pcr) has them too: its rewritten copy in $work is the one anisocr_emu.cu.inc includes (an
# #include "..." looks beside the including file first).
emu_sed() { sed -e 's/extern __shared__ double shm\[\];/double* shm = g_shm.data();/' -e 's/__shared__ double acc\[256\];/static double acc[256];/' "$1"; }
emu_sed "$root/kernels/anisocr.cu" > "$work/anisocr_emu.cu.inc"
emu_sed "$root/kernels/multigrid.cu" > "$work/multigrid.cu"
# -I kernels: anisocr.cu includes the other kernels/*.cu (multigrid_setup.cu from there)
for prog in emulate emulate_steady emulate_multigrid emulate_multigrid_setup; do
  g++ -std=c++20 -O1 -ffp-contract=off -pthread -I"$root/kernels/emu" -I"$work" -I"$root/kernels" -o "$work/$prog" "$root/kernels/emu/$prog.cpp"
done
# EMU_CLASSPATH: the dependency classpath when the caller has it (the JUnit test passes its own), else from Maven
cp=${EMU_CLASSPATH:-$(cd "$root" && ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout)}
status=0
for c in toy p3 g2 family; do
  java -cp "$root/target/classes:$root/target/test-classes:$cp" org.anisocr.solver.gpu.KernelEmulationExport $c "$work/$c.bin"
  for solver in thomas pcr; do
    printf '%-6s ' $c; "$work/emulate" "$work/$c.bin" $solver || status=1
  done
done
# steady_band_lu and steady_band_lu_shm (GPU steady solve) vs DirectSteadySolver; block 16 exercises the strided pivot search
# (kl + 1 > blockDim), chunk 2 the chunked launch. "p3-61" (61×61) takes ~1 min; EMU_QUICK=1 skips it.
cases="toy p3 family realistic tilted random"; [ "${EMU_QUICK:-0}" = 1 ] || cases="$cases p3-61"
for c in $cases; do
  java -cp "$root/target/classes:$root/target/test-classes:$cp" org.anisocr.solver.gpu.SteadyEmulationExport $c "$work/steady-$c.bin"
  for kernel in global shm; do
    for blk in 16 64; do
      printf 'steady %-9s ' $c; "$work/emulate_steady" "$work/steady-$c.bin" $blk 2 $kernel || status=1
    done
  done
done
# batched mg-gmres kernels (mg_*) vs CpuMultigridBatch, every operation (10 OK lines a case, 5 on the one-level
# "random"); block 32 and 128; with the second, mg_relax_pcr too (2 more OK lines on a case with smoothed levels)
for c in realistic semi-z semi-r random; do
  java -cp "$root/target/classes:$root/target/test-classes:$cp" org.anisocr.solver.gpu.MultigridEmulationExport $c "$work/mg-$c.bin"
  "$work/emulate_multigrid" "$work/mg-$c.bin" 32 || status=1
  "$work/emulate_multigrid" "$work/mg-$c.bin" 128 pcr || status=1
done
# batched mg-gmres SETUP kernels (mg_assemble_paper, mg_line_factors, mg_galerkin_halve, mg_coarsest_factor) vs
# CpuMultigridBatch.pack: every level's operator and line factors, the coarsest band and pivots, the status per system (2L + 2 OK
# lines a case: family 8, semi-z 8, semi-r 10, random 6, singular 6: 3 of its 6 systems rejected); blocks 32 and 128
for c in family semi-z semi-r random singular; do
  java -cp "$root/target/classes:$root/target/test-classes:$cp" org.anisocr.solver.gpu.MultigridSetupEmulationExport $c "$work/mgsetup-$c.bin"
  for blk in 32 128; do "$work/emulate_multigrid_setup" "$work/mgsetup-$c.bin" $blk || status=1; done
done
exit $status
