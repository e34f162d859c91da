#!/usr/bin/env bash
# Sets up, builds everything, and runs every test through ctest (GoogleTest suites, the wasm/native
# determinism check and the browser end-to-end suite). Then the hardening pass: the native GoogleTest
# suites again under AddressSanitizer + UndefinedBehaviorSanitizer (preset native-asan, clang), and a
# bounded libFuzzer run of every fuzz target (PALABRE_FUZZ_SECONDS each, default 30).
# PALABRE_QUICK_TEST=1 skips the hardening pass (local iteration; CI runs everything).
# Exits non-zero on any failure. One test: `ctest --preset native -R <name>` after a first run.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
ctest --preset native -j "${PALABRE_TEST_JOBS:-2}" "$@"

if [ "${PALABRE_QUICK_TEST:-0}" != 1 ]; then
  started=$SECONDS
  [ -f build/native-asan/CMakeCache.txt ] || cmake --preset native-asan >/dev/null
  cmake --build --preset native-asan -j "${PALABRE_JOBS:-$(nproc)}"
  ctest --preset native-asan -j "${PALABRE_TEST_JOBS:-2}" "$@"
  PALABRE_FUZZ_BUILD=build/native-asan ./scripts/fuzz.sh "${PALABRE_FUZZ_SECONDS:-30}"
  echo "hardening pass (sanitizers + fuzzing): $((SECONDS - started)) s"
fi
