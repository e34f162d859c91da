#!/usr/bin/env bash
# The hardening pass (issue 8): the native GoogleTest suites again under AddressSanitizer +
# UndefinedBehaviorSanitizer (preset native-asan, clang, build/native-asan), then a bounded libFuzzer
# run of every fuzz target (PALABRE_FUZZ_SECONDS each, default 30). Extra arguments go to ctest.
# `./scripts/test.sh` (and so CI) runs it after the regular suite; PALABRE_HARDENING=0 skips it there.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
[ -f build/native-asan/CMakeCache.txt ] || cmake --preset native-asan >/dev/null
cmake --build --preset native-asan -j "${PALABRE_JOBS:-$(nproc)}"
ctest --preset native-asan -j "${PALABRE_TEST_JOBS:-2}" "$@"
PALABRE_FUZZ_BUILD=build/native-asan ./scripts/fuzz.sh "${PALABRE_FUZZ_SECONDS:-30}"
echo "hardening pass (sanitizers + fuzzing): $((SECONDS - started)) s"
