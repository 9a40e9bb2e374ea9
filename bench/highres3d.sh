#!/usr/bin/env bash
# 3D steady solver: anisocr's multigrid-preconditioned CG beside PETSc + hypre BoomerAMG on the same operators, per
# bin, and anisocr's whole 33-bin run per grid (JF12 field, eps_D, delta_par 0.3, delta_perp 0.7, R_max 20, H 4 kpc).
# Usage: bench/highres3d.sh [SPACINGS (default "0.5 0.25")] [EPS_D (default 0.01)] [BINS (default 0,16,32)]
# Writes bench/results/highres3d-<date>.json; bench/README.md ("3D steady solver") says what each figure is.
# PETSc comes from Debian (python3-petsc4py, PETSc 3.18 with hypre), installed here if missing; it is never a
# build dependency of anisocr. The matrices are written to a temporary folder (about 0.3 KB per node and bin).
set -euo pipefail
cd "$(dirname "$0")/.."
spacings=${1:-"0.5 0.25"}
eps=${2:-0.01}
bins=${3:-0,16,32}
work=$(mktemp -d "${TMPDIR:-/tmp}/anisocr-highres3d.XXXXXX")
trap 'rm -rf "$work"' EXIT

py=/usr/bin/python3
export PETSC_DIR=${PETSC_DIR:-/usr/lib/petscdir/petsc3.18/x86_64-linux-gnu-real}
if ! "$py" -c 'import petsc4py' 2>/dev/null; then
  echo "installing python3-petsc4py from Debian (apt) ..." >&2
  sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_=sudo
  $sudo_ apt-get install -y -q python3-petsc4py >&2
fi
./mvnw -q -B -DskipTests -Dcheckstyle.skip package >&2
jar=target/anisocr.jar

rows="$work/rows.jsonl"; : > "$rows"
for d in $spacings; do
  heap=-Xmx8g
  # anisocr, whole run: 33 bins on 2 threads (two warm-started chains of bins), one JVM, /usr/bin/time for RSS
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" \
    java $heap -cp "$jar" org.anisocr.bench.OperatorExport3D run "$d" "$eps" 2 > "$work/run.json"
  "$py" - "$d" "$load" "$work" >> "$rows" <<'PY'
import json, sys
d, load, work = sys.argv[1], sys.argv[2], sys.argv[3]
wall, rss_kb, user, sys_ = open(f"{work}/time").read().split()[-4:]
row = {"kind": "whole_run", "spacing_kpc": float(d), "loadavg_before": load, "process_wall_seconds": float(wall),
       "peak_rss_GB": int(rss_kb) / 2**20, "process_cpu_seconds": float(user) + float(sys_)}
row.update(json.load(open(f"{work}/run.json")))
print(json.dumps(row))
PY
  echo "$(tail -1 "$rows" | cut -c1-200)" >&2
  # per bin, the same operators: anisocr (cold, 1 thread) and PETSc + hypre (1 core)
  exp="$work/exp-$d"
  java $heap -cp "$jar" org.anisocr.bench.OperatorExport3D "$d" "$eps" "$bins" "$exp" 1e-10 > "$work/anisocr-bins.json"
  "$py" bench/petsc_solve3d.py "$exp" "$bins" 1e-10 > "$work/petsc-bins.json"
  "$py" - "$d" "$work" "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$rows" <<'PY'
import json, sys
d, work, load = sys.argv[1], sys.argv[2], sys.argv[3]
a = json.load(open(f"{work}/anisocr-bins.json")); p = json.load(open(f"{work}/petsc-bins.json"))
for ra, rp in zip(a["bins"], p["bins"]):
    row = {"kind": "per_bin", "spacing_kpc": float(d), "grid": a["grid"], "unknowns": a["unknowns"],
           "anisocr_setup_seconds_once_per_model": a["anisocr_setup_seconds_once_per_model"],
           "loadavg_after": load, "petsc_version": p["petsc_version"]}
    row.update(ra); row.update(rp)
    print(json.dumps(row))
PY
  rm -rf "$exp"
  echo "per-bin rows for $d written" >&2
done
mkdir -p bench/results
outfile=bench/results/highres3d-$(date -u +%Y-%m-%d).json
"$py" - "$rows" "$eps" > "$outfile" <<'PY'
import json, sys, platform, os
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print(json.dumps({"benchmark": "3D steady solve", "model": "JF12 field, delta_par 0.3, delta_perp 0.7, 33 momenta",
                  "eps_D": float(sys.argv[2]), "tolerance": 1e-10, "cpus": os.cpu_count(),
                  "machine": platform.processor() or platform.machine(), "rows": rows}, indent=1))
PY
echo "wrote $outfile" >&2
