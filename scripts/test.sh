#!/usr/bin/env bash
# Sets up, builds everything, and runs every test through ctest (GoogleTest suites, the wasm/native
# determinism check and the browser end-to-end suite). Exits non-zero on any failure.
# One test: `ctest --preset native -R <name>` after a first run.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
ctest --preset native -j "${PALABRE_TEST_JOBS:-2}" "$@"
