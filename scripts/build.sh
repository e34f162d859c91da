#!/usr/bin/env bash
# Builds the native tree (relay, CLI, tests, benches) and the WebAssembly app. Used by run.sh and test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs   # emscripten 3.1.6 finds its acorn there
jobs=${PALABRE_JOBS:-$(nproc)}
[ -f build/native/CMakeCache.txt ] || cmake --preset native >/dev/null
cmake --build --preset native -j "$jobs"
[ -f build/wasm/CMakeCache.txt ] || cmake --preset wasm >/dev/null
cmake --build --preset wasm -j "$jobs"
