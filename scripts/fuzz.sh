#!/usr/bin/env bash
# Runs each libFuzzer target (fuzz/) for a bounded time from its seed corpus (fuzz/corpus/<target>),
# under ASan + UBSan. Exits non-zero on the first finding; the crashing input is left in
# <build>/fuzz-findings/. New interesting inputs go to <build>/fuzz-corpus/<target>, never into the repo.
#   scripts/fuzz.sh [seconds per target] [target...]
# Build tree: $PALABRE_FUZZ_BUILD, default build/fuzz (configured here with clang if absent);
# scripts/test.sh passes build/native-asan, whose preset already builds the fuzzers.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:-30}
shift || true
build=${PALABRE_FUZZ_BUILD:-build/fuzz}
[ -f "$build/CMakeCache.txt" ] || CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DPALABRE_FUZZ=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target palabre_fuzzers -j "${PALABRE_JOBS:-2}" >/dev/null
build=$(cd "$build" && pwd)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=($(cd fuzz && ls fuzz_*.cpp | sed 's/\.cpp$//'))
mkdir -p "$build/fuzz-findings"
for target in "${targets[@]}"; do
  mkdir -p "$build/fuzz-corpus/$target"
  log="$build/fuzz-$target.log"
  if ! (cd "$build/fuzz-findings" && "$build/fuzz/$target" -max_total_time="$seconds" -max_len=16384 \
        -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        "$build/fuzz-corpus/$target" "$root/fuzz/corpus/$target" >"$log" 2>&1); then
    tail -40 "$log"
    echo "fuzz: $target FAILED after a finding (log: $log, input in $build/fuzz-findings)" >&2
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  echo "fuzz: $target ${seconds}s, $runs inputs, no finding"
done
