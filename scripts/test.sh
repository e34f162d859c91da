#!/usr/bin/env bash
# Sets up, builds everything, and runs every test through ctest (GoogleTest suites, the wasm/native
# determinism check, the Redis tests and the browser end-to-end suite). Exits non-zero on any failure.
# Then the hardening pass (scripts/hardening.sh: the native suites again under ASan + UBSan, and
# 30 s of fuzzing per target), which CI runs too; PALABRE_HARDENING=0 skips it for a quicker local run.
# One test: `ctest --preset native -R <name>` after a first run.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
ctest --preset native -j "${PALABRE_TEST_JOBS:-2}" "$@"
if [ "${PALABRE_HARDENING:-1}" = 1 ]; then ./scripts/hardening.sh "$@"; fi
