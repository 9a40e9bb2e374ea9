#!/usr/bin/env bash
# Run HERE (the machine without a GPU), from the project root, before a device `run`: builds the jar,
# the test classes and the JUnit launcher jars, and packs them with a trimmed JRE into .device/
# (via ../shared/device/make-runtime.sh; .device is git-ignored and must be named in the run's carry).
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
./mvnw -q -B package -DskipTests
./mvnw -q -B test-compile
rm -rf target/device-testlibs
./mvnw -q -B dependency:copy-dependencies -DincludeScope=test \
  -DincludeGroupIds=org.junit.jupiter,org.junit.platform,org.opentest4j,org.apiguardian \
  -DoutputDirectory=target/device-testlibs
../shared/device/make-runtime.sh target/anisocr.jar target/test-classes target/device-testlibs
echo 'now: device run, carry [".device"], command: export PATH=$PWD/.device/jre/bin:$PATH; bash bench/run-on-device.sh'
