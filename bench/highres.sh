#!/usr/bin/env bash
# Issue 11 benchmark: anisocr's steady methods beside PETSc + hypre BoomerAMG on the same operators, per grid.
# Usage: bench/highres.sh [SPACINGS (default "0.1 0.05 0.025 0.0125")] [EPS_D (default 0.001)]
# Writes bench/results/highres-<date>.json; bench/HIGHRES.md says what each figure is.
# PETSc comes from Debian (python3-petsc4py, PETSc 3.18 with hypre), installed here if missing; it is never a
# build dependency of anisocr.
set -euo pipefail
cd "$(dirname "$0")/.."
spacings=${1:-"0.1 0.05 0.025 0.0125"}
eps=${2:-0.001}
base=configs/realistic-eps0.01-dperp0.7.toml
bins=0,16,32
work=$(mktemp -d "${TMPDIR:-/tmp}/anisocr-highres.XXXXXX")
trap 'rm -rf "$work"' EXIT

py=/usr/bin/python3
export PETSC_DIR=${PETSC_DIR:-/usr/lib/petscdir/petsc3.18/x86_64-linux-gnu-real}
if ! "$py" -c 'import petsc4py' 2>/dev/null; then
  echo "installing python3-petsc4py from Debian (apt) ..." >&2
  sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_=sudo
  $sudo_ apt-get install -y -q python3-petsc4py >&2
fi
./mvnw -q -B -DskipTests package >&2
jar=target/anisocr.jar

rows="$work/rows.jsonl"; : > "$rows"
for d in $spacings; do
  # auto first; then the method auto did not take (so both are measured at every grid, nothing twice)
  for method in auto other; do
    if [ "$method" = other ]; then
      chosen=$(tail -1 "$rows" | "$py" -c 'import json,sys; print(json.loads(sys.stdin.read()).get("steady_method") or "")')
      method=lu-gmres; [ "$chosen" = lu-gmres ] && method=mg-gmres
    fi
    cfg="$work/$d-$method.toml"
    sed -e "s/^eps_D = .*/eps_D = $eps/" -e "s/^name = .*/name = \"highres-$d-$method\"/" \
        -e "s/^dr_kpc = .*/dr_kpc = $d/" -e "s/^dz_kpc = .*/dz_kpc = $d/" \
        -e "s/^mode = \"steady\"/mode = \"steady\"\n[solver.steady]\nmethod = \"$method\"/" "$base" > "$cfg"
    heap=-Xmx8g; [ "$d" = 0.0125 ] && heap=-Xmx10g
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    set +e
    ANISOCR_JAVA_OPTS=$heap /usr/bin/time -f "%e %M %U %S" -o "$work/time" \
      ./anisocr run "$cfg" --out "$work/out-$d-$method" --threads 2 > "$work/log" 2>&1
    rc=$?
    set -e
    "$py" - "$d" "$method" "$rc" "$load" "$work" >> "$rows" <<'PY'
import json, sys
d, method, rc, load, work = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
row = {"kind": "whole_run", "spacing_kpc": float(d), "method_requested": method, "exit_code": rc, "loadavg_before": load}
if rc == 0:
    wall, rss_kb, user, sys_ = open(f"{work}/time").read().split()[-4:]
    s = json.load(open(f"{work}/out-{d}-{method}/summary.json"))
    row.update(process_wall_seconds=float(wall), peak_rss_GB=int(rss_kb) / 2**20, cpu_seconds=float(user) + float(sys_),
               solver_wall_seconds=s["wall_seconds"], residual=s["residual"], steady_method=s.get("steady_method"),
               steady_method_reason=s.get("steady_method_reason"), sweeps=s["sweeps"],
               sweeps_total=s.get("sweeps_total_all_bins"), hierarchies_or_factorisations=s.get("factorisations"),
               alpha_inner=s["analysis"].get("alpha_inner"), alpha_sun=s["analysis"].get("alpha_sun"))
else:
    row["message"] = open(f"{work}/log").read().strip().splitlines()[-1][:600]
print(json.dumps(row))
PY
    echo "$(tail -1 "$rows" | cut -c1-200)" >&2
  done
  # per bin, the same operators: anisocr mg-gmres (cold, 1 thread) and PETSc (1 core)
  exp="$work/exp-$d"
  java -Xmx8g -cp "$jar" org.anisocr.bench.OperatorExport "$work/$d-auto.toml" "$d" "$bins" "$exp" 1e-10 > "$work/anisocr-bins.json"
  lu=""; [ "$d" != 0.0125 ] && lu=--lu   # PETSc's LU at 1601x641 takes ~20 s a bin: skipped
  "$py" bench/petsc_solve.py "$exp" "$bins" 1e-10 $lu > "$work/petsc-bins.json"
  "$py" - "$d" "$work" "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$rows" <<'PY'
import json, sys
d, work, load = sys.argv[1], sys.argv[2], sys.argv[3]
a = json.load(open(f"{work}/anisocr-bins.json")); p = json.load(open(f"{work}/petsc-bins.json"))
for ra, rp in zip(a["bins"], p["bins"]):
    row = {"kind": "per_bin", "spacing_kpc": float(d), "grid": a["grid"], "unknowns": a["unknowns"], "loadavg_after": load,
           "petsc_version": p["petsc_version"]}
    row.update(ra); row.update(rp)
    print(json.dumps(row))
PY
  rm -rf "$exp"
  echo "per-bin rows for $d written" >&2
done
mkdir -p bench/results
outfile=bench/results/highres-$(date -u +%Y-%m-%d).json
"$py" - "$rows" "$eps" > "$outfile" <<'PY'
import json, sys, platform, os
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print(json.dumps({"benchmark": "issue 11 high-resolution steady solve", "model": "realistic field, delta_par 0.3, delta_perp 0.7, 33 momenta",
                  "eps_D": float(sys.argv[2]), "tolerance": 1e-10, "threads": 2, "cpus": os.cpu_count(),
                  "machine": platform.processor() or platform.machine(), "rows": rows}, indent=1))
PY
echo "wrote $outfile" >&2
