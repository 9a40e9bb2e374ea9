#!/usr/bin/env bash
# Checks, without a GPU, that the device scripts behave before device time is spent on them (run by
# bench/prepare-device.sh after packing; needs .device/). Prints one line per check and "N passed, N failed".
#  1. the module check fails on a runtime that lacks modules the jar needs (so it can fail at all);
#  2. bench/run-on-device.sh stops within seconds, with one line and exit 2, when .device is missing;
#  3. ... and with exit 3 and the probe's reason when there is no usable GPU (ANISOCR_GPU=off fakes that);
#  4. its dry run lists the steps in order, each within the 480 s budget, and skips what does not fit;
#  5. its rehearsal (tiny grids, CPU) runs every step's real command and leaves at most 8 files in $OUT;
#  6. bench/cusparse/compare.sh merges a (stand-in) harness's timings into a bench JSON;
#  7. the packed runtime draws its PNG maps without system fonts and without libfontconfig.
set -uo pipefail
cd "$(git rev-parse --show-toplevel)"
pass=0 fail=0 tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok()  { echo "PASS $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
[ -f .device/anisocr.jar ] || { echo "check-device-scripts: no .device/: run bench/prepare-device.sh first"; exit 2; }

# 1. a runtime of java.base alone must be refused, naming java.desktop
jdk=${JLINK_JDK:-$(ls -d /usr/lib/jvm/temurin-*-jdk* 2>/dev/null | sort -V | tail -1)}
jdk=${jdk:-$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")}
"$jdk/bin/jlink" --add-modules java.base --output "$tmp/base-jre" >/dev/null 2>&1
msg=$(bench/prepare-device.sh --check-modules "$tmp/base-jre" 2>&1); rc=$?
[ $rc != 0 ] && [[ $msg == *java.desktop* ]] && ok "module check refuses a java.base-only runtime: ${msg##*: }" \
  || bad "module check accepted a java.base-only runtime (rc $rc: $msg)"

# 2. no .device: exit 2 at once
t0=$(date +%s); out=$(DEVICE="$tmp/none" OUT="$tmp/o2" bash bench/run-on-device.sh 2>&1); rc=$?; t=$(( $(date +%s) - t0 ))
[ $rc = 2 ] && [ $t -le 5 ] && [[ $out == *"STOPPED: no $tmp/none/anisocr.jar"* ]] && ok "no .device: exit 2 in ${t}s" \
  || bad "no .device: rc $rc in ${t}s: $(echo "$out" | tail -1)"

# 3. no usable GPU: exit 3 with the probe's reason, in seconds
t0=$(date +%s); out=$(ANISOCR_GPU=off OUT="$tmp/o3" bash bench/run-on-device.sh 2>&1); rc=$?; t=$(( $(date +%s) - t0 ))
[ $rc = 3 ] && [ $t -le 30 ] && [[ $out == *"STOPPED: no usable GPU (disabled by ANISOCR_GPU=off)"* ]] \
  && ok "no GPU: exit 3 in ${t}s: $(echo "$out" | tail -1)" || bad "no GPU: rc $rc in ${t}s: $(echo "$out" | tail -1)"

# 4. dry run: the order of the issue, and each step pretending to take 100 s runs the budget out
out=$(DRY_STEP_S=100 OUT="$tmp/o4" bash bench/run-on-device.sh --dry-run 2>&1)
order=$(echo "$out" | grep -o '^== [a-z0-9x-]*' | cut -c4- | paste -sd' ' -)
want="machine probe tests multigrid 201x81x33-m1 cusparse-build cusparse steady-201x81x33-m1 2001x801x33-m1 201x81x33-m64 steady-201x81x33-m64 done"
[ "$order" = "$want" ] && [[ $out == *"SKIPPED, 0s of 480s left"* ]] && [[ $out == *"done in 480s of 480s"* ]] \
  && ok "dry run: $order" || bad "dry run order '$order' (wanted '$want') or budget not enforced"

# 5. rehearsal: every step's command runs here on tiny grids; at most 8 files come back
OUT="$tmp/o5" bash bench/run-on-device.sh --rehearse > "$tmp/rehearse.log" 2>&1
n=$(find "$tmp/o5" -type f | wc -l); jsons=$(find "$tmp/o5/bench/results" -name '*.json' | wc -l)
ran=$(grep -c '"status": "passed"' "$tmp/o5/summary.json")
[ "$n" -le 8 ] && [ "$jsons" = 6 ] && [ "$ran" -ge 7 ] && ok "rehearsal: $ran steps passed, $jsons result JSONs, $n files in OUT" \
  || { bad "rehearsal: $ran steps passed, $jsons JSONs, $n files"; tail -20 "$tmp/rehearse.log"; }

# 6. the cuSPARSE merge: a stand-in harness's JSON lands in a bench JSON (compare.sh, bench --merge-into)
printf '#!/bin/sh\necho "{\\"device\\": \\"stand-in\\", \\"replicate\\": $2, \\"r\\": {\\"gtsv2StridedBatch_us\\": 20.0, \\"gtsvInterleavedBatch_us\\": 10.0}, \\"z\\": {\\"gtsv2StridedBatch_us\\": 8.0, \\"gtsvInterleavedBatch_us\\": 9.0}}"\n' > "$tmp/harness"
chmod +x "$tmp/harness"
result=$(ls "$tmp"/o5/bench/results/*-21x11x3-m1.json | head -1)
java_cmd=$(ls -d target/device-check/jre/bin/java 2>/dev/null || echo java)
JAR=.device/anisocr.jar bench/cusparse/compare.sh "$tmp/harness" "$tmp/sys.bin" 21x11 3 1 "$result" "$java_cmd" > "$tmp/compare.log" 2>&1
grep -q '"gtsv2StridedBatch_us" : 20.0' "$result" && ok "cuSPARSE timings merged into $(basename "$result")" \
  || { bad "cuSPARSE merge"; cat "$tmp/compare.log"; }

# 7. the packed runtime writes PNG maps on a machine without fonts and without libfontconfig (as an Ubuntu image
#    may be): a private mount namespace hides them (needs root; skipped otherwise)
fc=$(readlink -f "$(ldconfig -p 2>/dev/null | awk '/libfontconfig.so.1 / {print $NF; exit}')" 2>/dev/null || true)
mkdir -p "$tmp/nothing" && : > "$tmp/nothing.so"
hide="mount --bind $tmp/nothing /usr/share/fonts 2>/dev/null; mount --bind $tmp/nothing /etc/fonts 2>/dev/null;"
[ -n "$fc" ] && hide="$hide mount --bind $tmp/nothing.so $fc;"
if [ -x target/device-check/jre/bin/java ] && unshare -m true 2>/dev/null; then
  unshare -m bash -c "$hide target/device-check/jre/bin/java -Xmx1g -jar .device/anisocr.jar run bench/configs/smoke-21x21.toml \
    --out $tmp/nofonts --backend cpu" > "$tmp/nofonts.log" 2>&1
  n=$(ls "$tmp"/nofonts/*.png 2>/dev/null | wc -l)
  [ "$n" -ge 1 ] && ok "no fonts, no libfontconfig: the packed runtime wrote $n PNG maps" \
    || { bad "no fonts: no PNG written"; tail -3 "$tmp/nofonts.log"; }
else
  echo "SKIP no-fonts check (needs target/device-check/jre and unshare -m, i.e. root)"
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
