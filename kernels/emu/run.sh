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
# EMU_SANITIZE=1: the same programs built with AddressSanitizer and UBSan (any report fails the run), dynamic shared
# memory filled with NaN before each block (EMU_NAN_SHM, prelude.h), the steady kernels also at the production block
# of 256 threads; then ThreadSanitizer builds of the two programs whose kernels meet at __syncthreads (steady LU, PCR
# relaxation, reduce_columns), on one case each. With EMU_QUICK=1 a smaller case list (one or two cases a program).
sanitize=${EMU_SANITIZE:-0}
quick=${EMU_QUICK:-0}
flags=(-O1)
[ "$sanitize" = 1 ] && flags=(-O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -DEMU_NAN_SHM)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
# -I kernels: anisocr.cu includes the other kernels/*.cu (multigrid_setup.cu from there); the four builds in parallel
build() {  # PROG OUTPUT FLAGS...
  local prog=$1 output=$2; shift 2
  g++ -std=c++20 -ffp-contract=off -pthread "$@" -I"$root/kernels/emu" -I"$work" -I"$root/kernels" -o "$output" "$root/kernels/emu/$prog.cpp"
}
pids=()
for prog in emulate emulate_steady emulate_multigrid emulate_multigrid_setup; do
  build $prog "$work/$prog" "${flags[@]}" & pids+=($!)
done
if [ "$sanitize" = 1 ]; then
  for prog in emulate_steady emulate_multigrid; do build $prog "$work/$prog-tsan" -O1 -fsanitize=thread & pids+=($!); done
fi
for p in "${pids[@]}"; do wait "$p"; done
# EMU_CLASSPATH: the dependency classpath when the caller has it (the JUnit test passes its own), else from Maven
cp=${EMU_CLASSPATH:-$(cd "$root" && ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout)}
status=0
split_cases="toy p3 g2 family"; [ "$sanitize$quick" = 11 ] && split_cases="toy"
for c in $split_cases; do
  java -cp "$root/target/classes:$root/target/test-classes:$cp" org.anisocr.solver.gpu.KernelEmulationExport $c "$work/$c.bin"
  for solver in thomas pcr; do
    printf '%-6s ' $c; "$work/emulate" "$work/$c.bin" $solver || status=1
  done
done
# steady_band_lu and steady_band_lu_shm (GPU steady solve) vs DirectSteadySolver; block 16 exercises the strided pivot search
# (kl + 1 > blockDim), chunk 2 the chunked launch. "p3-61" (61×61) takes ~1 min; EMU_QUICK=1 skips it.
cases="toy p3 family realistic tilted random"; [ "$quick" = 1 ] || cases="$cases p3-61"
blocks="16 64"
# sanitized: also the production block of 256 threads (GpuSteadySolver.BLOCK)
[ "$sanitize" = 1 ] && blocks="16 64 256"
[ "$sanitize$quick" = 11 ] && blocks="16 256"
[ "$sanitize$quick" = 11 ] && cases="toy random"
for c in $cases; do
  java -cp "$root/target/classes:$root/target/test-classes:$cp" org.anisocr.solver.gpu.SteadyEmulationExport $c "$work/steady-$c.bin"
  for kernel in global shm; do
    # quick and sanitized: 256 threads (256 std::threads at every barrier) on the small toy case only
    for blk in $blocks; do
      [ "$sanitize$quick$blk" = 11256 ] && [ "$c" != toy ] && continue
      printf 'steady %-9s ' $c; "$work/emulate_steady" "$work/steady-$c.bin" $blk 2 $kernel || status=1
    done
  done
done
# batched mg-gmres kernels (mg_*) vs CpuMultigridBatch, every operation (10 OK lines a case, 5 on the one-level
# "random"); block 32 and 128; with the second, mg_relax_pcr too (2 more OK lines on a case with smoothed levels)
mg_cases="realistic semi-z semi-r random"; [ "$sanitize$quick" = 11 ] && mg_cases="realistic"
for c in $mg_cases; do
  java -cp "$root/target/classes:$root/target/test-classes:$cp" org.anisocr.solver.gpu.MultigridEmulationExport $c "$work/mg-$c.bin"
  "$work/emulate_multigrid" "$work/mg-$c.bin" 32 || status=1
  "$work/emulate_multigrid" "$work/mg-$c.bin" 128 pcr || status=1
done
# batched mg-gmres SETUP kernels (mg_assemble_paper, mg_line_factors, mg_galerkin_halve, mg_coarsest_factor) vs
# CpuMultigridBatch.pack: every level's operator and line factors, the coarsest band and pivots, the status per system (2L + 2 OK
# lines a case: family 8, semi-z 8, semi-r 10, random 6, singular 6: 3 of its 6 systems rejected); blocks 32 and 128
setup_cases="family semi-z semi-r random singular"; [ "$sanitize$quick" = 11 ] && setup_cases="singular"
for c in $setup_cases; do
  java -cp "$root/target/classes:$root/target/test-classes:$cp" org.anisocr.solver.gpu.MultigridSetupEmulationExport $c "$work/mgsetup-$c.bin"
  for blk in 32 128; do "$work/emulate_multigrid_setup" "$work/mgsetup-$c.bin" $blk || status=1; done
done
# line kernels with no line (a 401x3-like grid keeps one interior row: the half-sweep of rows 2, 4, ... has none), as the
# host launches them (0 blocks) and with the one block it used to force; sweep_pcr with a block beyond its lines
printf 'zero-lines '; "$work/emulate_multigrid" zero-lines || status=1
if [ "$sanitize" = 1 ]; then
  # ThreadSanitizer: the kernels whose threads meet at __syncthreads (emulated by std::barrier) on small cases: the
  # steady LU with its shared window (and reduce_columns), mg_relax_pcr and sweep_pcr (zero-lines); the full multigrid
  # case without EMU_QUICK
  echo "ThreadSanitizer:"
  export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1}
  "$work/emulate_steady-tsan" "$work/steady-toy.bin" 16 2 shm || status=1
  "$work/emulate_multigrid-tsan" zero-lines || status=1
  [ "$quick" = 1 ] || "$work/emulate_multigrid-tsan" "$work/mg-realistic.bin" 128 pcr || status=1
fi
exit $status
