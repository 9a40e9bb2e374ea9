#!/usr/bin/env bash
# Builds the cuSPARSE baseline harness: bench/cusparse/build.sh OUTPUT_BINARY
# Finds cusparse.h and libcusparse in, in this order: $CUSPARSE_ROOT (a folder with include/ and lib/ or lib64/),
# the NVIDIA Python wheels (python3 -c 'import nvidia': nvidia/cu13/… in CUDA 13's, nvidia/cusparse/… in CUDA 12's),
# and /usr/local/cuda*. CUDA 13's wheel ships only the versioned libcusparse.so.12 (no libcusparse.so), and nvcc 13
# refuses a versioned library given as a file ("Don't know what to do with …"), so the link names the file exactly:
#   -L DIR -l:libcusparse.so.12   with an rpath to DIR (and to libnvJitLink's folder, which libcusparse needs).
# Prints the link line it used; exit 3 with one line when no cuSPARSE (or no nvcc) is found, 1 when nvcc fails.
# With --find instead of OUTPUT_BINARY: prints the library folders for LD_LIBRARY_PATH (JCusparse's needs), or exit 3.
set -euo pipefail
out=${1:?usage: bench/cusparse/build.sh OUTPUT_BINARY | --find}
here=$(cd "$(dirname "$0")" && pwd)

roots=()
[ -n "${CUSPARSE_ROOT:-}" ] && roots+=("$CUSPARSE_ROOT")
if command -v python3 >/dev/null; then
  while IFS= read -r p; do [ -n "$p" ] && roots+=("$p/cu13" "$p/cu12" "$p/cusparse" "$p/nvjitlink"); done \
    < <(python3 -c 'import nvidia; print("\n".join(nvidia.__path__))' 2>/dev/null || true)
fi
for d in /usr/local/cuda /usr/local/cuda-* /usr/local/cuda*/targets/*-linux; do [ -d "$d" ] && roots+=("$d"); done

inc="" lib="" libfile="" jit=""
for r in "${roots[@]}"; do
  [ -z "$inc" ] && [ -f "$r/include/cusparse.h" ] && inc="$r/include"
  for l in "$r/lib" "$r/lib64"; do
    if [ -z "$lib" ]; then
      # the unversioned name if there is one, else the highest versioned one
      f=$(ls "$l"/libcusparse.so "$l"/libcusparse.so.[0-9]* 2>/dev/null | sort -V | head -1 || true)
      [ -n "$f" ] && { lib=$l; libfile=$(basename "$f"); }
    fi
    [ -z "$jit" ] && ls "$l"/libnvJitLink.so* >/dev/null 2>&1 && jit=$l
  done
done
if [ "$out" = --find ] && [ -n "$lib" ]; then   # the folders to put on LD_LIBRARY_PATH (JCusparse needs libcusparse.so.12)
  if [ -n "$jit" ] && [ "$jit" != "$lib" ]; then echo "$lib:$jit"; else echo "$lib"; fi
  exit 0
fi
if [ -z "$inc" ] || [ -z "$lib" ]; then
  echo "cusparse: not found (cusparse.h: ${inc:-none}; libcusparse: ${lib:-none}; looked in: ${roots[*]:-nothing})" >&2
  exit 3
fi
command -v nvcc >/dev/null || { echo "cusparse: no nvcc on PATH" >&2; exit 3; }
link=(-L"$lib" -l:"$libfile" -Xlinker -rpath="$lib")
[ -n "$jit" ] && [ "$jit" != "$lib" ] && link+=(-Xlinker -rpath="$jit" -Xlinker -rpath-link="$jit")
cmd=(nvcc -O3 -std=c++17 -I"$inc" -o "$out" "$here/gtsv_bench.cu" "${link[@]}")
echo "cusparse: ${cmd[*]}"
"${cmd[@]}"
