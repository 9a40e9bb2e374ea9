#!/usr/bin/env bash
# Times cuSPARSE on the split step's own tridiagonal systems and merges the figures into a bench JSON:
#   bench/cusparse/compare.sh HARNESS SYSTEMS_FILE GRID MOMENTA REPLICATE BENCH_JSON JAVA_COMMAND...
# Exports model 0's systems (anisocr bench split --export-systems) into SYSTEMS_FILE unless it exists, runs the harness
# built by bench/cusparse/build.sh on them (REPLICATE copies stand for a family of that many models), prints its
# JSON, and merges it into BENCH_JSON (bench split --merge-into: cusparse, speedup_vs_cusparse). Used by run-on-device.sh.
set -euo pipefail
[ $# -ge 7 ] || { echo "usage: compare.sh HARNESS SYSTEMS_FILE GRID MOMENTA REPLICATE BENCH_JSON JAVA_COMMAND..." >&2; exit 2; }
harness=$1 systems=$2 grid=$3 momenta=$4 replicate=$5 result=$6; shift 6
jar=${JAR:-.device/anisocr.jar}
[ -f "$systems" ] || "$@" -cp "$jar" org.anisocr.cli.Main bench split --grid "$grid" --momenta "$momenta" --export-systems "$systems"
timings="${systems%.bin}-cusparse-x$replicate.json"
"$harness" "$systems" "$replicate" 20 > "$timings"
cat "$timings"
if [ -f "$result" ]; then
  "$@" -cp "$jar" org.anisocr.cli.Main bench split --merge-into "$result" --cusparse-json "$timings"
else
  echo "compare.sh: $result does not exist (its bench step failed): cuSPARSE timings above, not merged" >&2
  exit 1
fi
