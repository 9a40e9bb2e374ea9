#!/usr/bin/env bash
# Run HERE (the machine without a GPU), from the project root, before a device `run`. Packs everything
# the GPU machine needs into .device/ (git-ignored; name it in the run's carry list):
#   .device/anisocr.jar       the shaded jar (JCuda natives other than the driver binding left out: pom.xml)
#   .device/test-classes/     the test classes and .device/device-testlibs/ the JUnit launcher jars
#   .device/jre.tar.gz        a trimmed Java runtime (jlink), unpacked by bench/run-on-device.sh there
#   .device/MANIFEST.txt      what was packed: modules, JDK, glibc needed, sizes, commit
# and checks it: the runtime holds every module jdeps finds in the jar, the test classes and the JUnit jars
# (fails naming the missing ones), the packed runtime runs here (writes a PNG, runs DeviceTestRunner up to
# the GPU probe with --smoke), and the tree that travels stays under LIMIT_MIB (fails with the size).
#
#   bench/prepare-device.sh [--no-build] [--smoke] [--no-check]   (--no-check: skip bench/check-device-scripts.sh)
#   bench/prepare-device.sh --check-modules JAVA_HOME    # only the module check, on any runtime
# Environment: JLINK_JDK  the JDK whose jlink builds the runtime (default: the newest Temurin under
#                         /usr/lib/jvm, which needs only glibc 2.17 on the GPU machine; else jlink on PATH)
#              LIMIT_MIB  ceiling for tracked + untracked files + .device (default 48; the device tool's is 64)
# Then: device run, carry [".device"], timeout_s <= 540, command:  bash bench/run-on-device.sh
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
LIMIT_MIB=${LIMIT_MIB:-48}
# Not found by jdeps but wanted: JUL (JUnit, progress bar), JMX beans, XML (JUnit reports), sun.misc.Unsafe
# (jline, jackson), the zip file system (JUnit's classpath scanning of jars).
EXTRA_MODULES=java.logging,java.management,java.xml,jdk.unsupported,jdk.zipfs

# The modules the jar, the test classes and the JUnit jars need (jdeps), plus EXTRA_MODULES.
required_modules() {
  local cp="target/anisocr.jar:target/device-testlibs/*" deps
  deps=$( { jdeps --print-module-deps --ignore-missing-deps --multi-release 17 target/anisocr.jar
            jdeps --print-module-deps --ignore-missing-deps --multi-release 17 -cp "$cp" target/test-classes
            jdeps --print-module-deps --ignore-missing-deps --multi-release 17 target/device-testlibs/*.jar
            echo "$EXTRA_MODULES"; } | tr ',' '\n' | grep -v '^$' | sort -u | paste -sd, -)
  [[ $deps == *java.base* ]] || { echo "prepare-device: jdeps found nothing (is the jar built?)" >&2; return 1; }
  echo "$deps"
}

# check_modules JAVA_HOME: fails, naming them, when the runtime lacks a module the project needs.
check_modules() {
  local home=$1 have missing
  have=$("$home/bin/java" --list-modules | sed 's/@.*//' | sort -u)
  missing=$(comm -23 <(required_modules | tr ',' '\n' | sort -u) <(echo "$have"))
  if [ -n "$missing" ]; then
    echo "prepare-device: FAIL: the runtime $home lacks module(s) the jar or the tests need: $(echo $missing | tr ' ' ',')" >&2
    return 1
  fi
  echo "modules: every required module present ($(required_modules))"
}

if [ "${1:-}" = --check-modules ]; then check_modules "${2:?usage: prepare-device.sh --check-modules JAVA_HOME}"; exit; fi
build=1; smoke=0; check=1
for a in "$@"; do case $a in --no-build) build=0;; --smoke) smoke=1;; --no-check) check=0;; *) echo "unknown option $a" >&2; exit 2;; esac; done

if [ $build = 1 ]; then
  ./mvnw -q -B package -DskipTests
  ./mvnw -q -B test-compile
  rm -rf target/device-testlibs
  ./mvnw -q -B dependency:copy-dependencies -DincludeScope=test \
    -DincludeGroupIds=org.junit.jupiter,org.junit.platform,org.opentest4j,org.apiguardian \
    -DoutputDirectory=target/device-testlibs
fi

jdk=${JLINK_JDK:-$(ls -d /usr/lib/jvm/temurin-*-jdk* 2>/dev/null | sort -V | tail -1 || true)}
[ -n "$jdk" ] || jdk=$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")
modules=$(required_modules)
echo "jlink: $jdk; modules: $modules"
jre=target/device-jre
rm -rf "$jre"
# zip-0: the image is gzipped as a whole below, which packs the uncompressed module image ~15% smaller
# than jlink's own compression would, and the runtime starts without inflating classes.
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=zip-0 --output "$jre" 2>/dev/null \
  || "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=0 --output "$jre"
command -v strip >/dev/null && find "$jre" -name '*.so' -exec strip --strip-unneeded {} + || true
# Fonts inside the runtime: the GPU machine's image may have neither fontconfig nor fonts, and Java's text drawing
# (the PNG maps' labels) then fails with "Fontconfig head is null". A fontconfig.properties in lib/ maps every
# logical font to the DejaVu files in lib/fonts, which works with or without libfontconfig and system fonts.
dejavu=${DEJAVU_DIR:-/usr/share/fonts/truetype/dejavu}
[ -f "$dejavu/DejaVuSans.ttf" ] && [ -f "$dejavu/DejaVuSans-Bold.ttf" ] \
  || { echo "prepare-device: FAIL: no DejaVu fonts in $dejavu (apt-get install fonts-dejavu-core)" >&2; exit 1; }
mkdir -p "$jre/lib/fonts"
cp "$dejavu/DejaVuSans.ttf" "$dejavu/DejaVuSans-Bold.ttf" "$jre/lib/fonts/"
{ echo "# Written by bench/prepare-device.sh: every logical font is DejaVu Sans, from this runtime's lib/fonts."
  echo "version=1"
  echo "sequence.allfonts=latin-1"
  for f in serif sansserif monospaced dialog dialoginput; do
    for st in plain bold italic bolditalic; do
      case $st in bold|bolditalic) echo "$f.$st.latin-1=DejaVu Sans Bold";; *) echo "$f.$st.latin-1=DejaVu Sans";; esac
    done
  done
  echo 'filename.DejaVu_Sans=$JRE_LIB_FONTS/DejaVuSans.ttf'
  echo 'filename.DejaVu_Sans_Bold=$JRE_LIB_FONTS/DejaVuSans-Bold.ttf'
} > "$jre/lib/fontconfig.properties"
glibc=$(find "$jre" -name '*.so' -o -path '*/bin/*' -type f | xargs objdump -T 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1 || true)

rm -rf .device && mkdir -p .device
tar -C "$jre" -czf .device/jre.tar.gz .
cp target/anisocr.jar .device/
cp -r target/test-classes target/device-testlibs .device/

# Check the runtime exactly as it travels: unpacked from the tarball.
unpacked=target/device-check
rm -rf "$unpacked" && mkdir -p "$unpacked/jre" && tar -C "$unpacked/jre" -xzf .device/jre.tar.gz
check_modules "$unpacked/jre"
"$unpacked/jre/bin/java" -version 2>&1 | head -1
# A real model end to end with the packed runtime: every output, PNG maps included (they need java.desktop).
smoke_out=$(mktemp -d)
if ! "$unpacked/jre/bin/java" -Xmx1g -jar .device/anisocr.jar run bench/configs/smoke-21x21.toml --out "$smoke_out/run" --backend cpu \
     > "$smoke_out/log" 2>&1 || ! ls "$smoke_out"/run/*.png >/dev/null 2>&1; then
  tail -5 "$smoke_out/log" >&2
  echo "prepare-device: FAIL: the packed runtime did not run bench/configs/smoke-21x21.toml to its PNG maps" >&2
  exit 1
fi
echo "smoke run: $(ls "$smoke_out"/run | paste -sd' ' -) written by the packed runtime"
if [ $smoke = 1 ]; then
  echo "smoke: the packed runtime runs DeviceTestRunner here (GPU tests skip)"
  ANISOCR_GPU=off "$unpacked/jre/bin/java" -Xmx2g -cp ".device/anisocr.jar:.device/test-classes:.device/device-testlibs/*" \
    org.anisocr.DeviceTestRunner org.anisocr.solver.gpu.GpuVsCpuTest org.anisocr.cli.RunCommandTest | tail -15
fi
rm -rf "$smoke_out"

mib() { echo $(( ($1 + 1048575) / 1048576 )); }
tracked=$( { git ls-files -z; git ls-files -z -o --exclude-standard; } | xargs -0 du -cb 2>/dev/null | awk '$2=="total"{s+=$1} END{print s+0}')
device=$(du -sb .device | cut -f1)
total=$((tracked + device))
{ echo "packed $(date -u +%FT%TZ) from $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' (uncommitted changes)')"
  echo "jdk: $("$jdk/bin/java" -version 2>&1 | head -1); runtime needs up to $glibc"
  echo "modules: $modules"
  echo "sizes (bytes): jre.tar.gz $(stat -c %s .device/jre.tar.gz), anisocr.jar $(stat -c %s .device/anisocr.jar), .device $device, other travelling files $tracked"
} > .device/MANIFEST.txt
cat .device/MANIFEST.txt
echo "travelling: files $(mib $tracked) MiB + .device $(mib $device) MiB = $(mib $total) MiB (ceiling $LIMIT_MIB MiB; the device tool refuses over 64)"
if [ "$(mib $total)" -gt "$LIMIT_MIB" ]; then
  echo "prepare-device: FAIL: the travelling tree is $(mib $total) MiB, over the $LIMIT_MIB MiB ceiling: shrink the jar or the runtime" >&2
  exit 1
fi
# The device scripts' control flow, here and without a GPU (module check can fail, fast stops, dry run, rehearsal).
[ $check = 1 ] && { bench/check-device-scripts.sh || { echo "prepare-device: FAIL: bench/check-device-scripts.sh" >&2; exit 1; }; }
echo 'now: device run, carry [".device"], timeout_s 540, command: bash bench/run-on-device.sh'
