#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang + ASan + UBSan) in build/fuzz and runs each one for a
# bounded time from its seed corpus (fuzz/corpus/<target>). Exits non-zero on the first finding;
# the crashing input is left in build/fuzz/findings/. Usage: scripts/fuzz.sh [seconds per target]
# [target...]. New interesting inputs go to build/fuzz/corpus/<target>, never into the repo.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
build=build/fuzz
[ -f $build/CMakeCache.txt ] || CC=clang CXX=clang++ cmake -S . -B $build -G Ninja -DPALABRE_FUZZ=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build $build --target palabre_fuzzers -j "${PALABRE_JOBS:-2}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=($(cd fuzz && ls fuzz_*.cpp | sed 's/\.cpp$//'))
mkdir -p $build/findings
for target in "${targets[@]}"; do
  mkdir -p $build/corpus/$target
  echo "fuzz: $target for ${seconds}s"
  if ! (cd $build/findings && ../fuzz/$target -max_total_time="$seconds" -max_len=16384 -rss_limit_mb=1024 \
        -timeout=10 -print_final_stats=1 ../corpus/$target ../../../fuzz/corpus/$target \
        >../fuzz-$target.log 2>&1); then
    tail -40 $build/fuzz-$target.log
    echo "fuzz: $target FAILED (log: $build/fuzz-$target.log, input in $build/findings)" >&2
    exit 1
  fi
  grep -E "^stat::number_of_executed_units|^stat::new_units_added" $build/fuzz-$target.log | tr '\n' ' '; echo
done
