#!/usr/bin/env bash
# Line coverage of lib/: a --coverage build (gcc, -O0) in build-cov/, every
# CTest test run, then gcovr over lib/ only. Prints the per-file table and the
# total, and FAILS when the total line coverage is below MIN percent.
#
#   scripts/coverage.sh [MIN]        (default 90)
#
# Needs gcovr (Debian package gcovr). Reports: build-cov/coverage.txt.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
min=${1:-${TA_COVERAGE_MIN:-90}}
jobs=${TA_JOBS:-2}
out=build-cov
command -v gcovr >/dev/null || { echo "coverage: gcovr not found (apt-get install gcovr)" >&2; exit 1; }

# -fprofile-update=atomic: the likely ranges and the thread test count on several
# threads; plain counters race and gcov then reports negative branch counts.
cmake -S . -B "$out" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS="--coverage -O0 -fprofile-update=atomic" \
    -DCMAKE_EXE_LINKER_FLAGS=--coverage -DCMAKE_SHARED_LINKER_FLAGS=--coverage \
    -DTA_BUILD_TESTS=ON -DTA_BUILD_EXAMPLES=ON >/dev/null
cmake --build "$out" -j"$jobs" >"$out/build.log" 2>&1 || { tail -n 30 "$out/build.log"; exit 1; }
find "$out" -name '*.gcda' -delete
# A failing test does not stop the measurement (the ctest stage reports it);
# coverage is what this script judges.
CK_DEFAULT_TIMEOUT=${CK_DEFAULT_TIMEOUT:-60} ctest --test-dir "$out" -j"$jobs" --timeout 900 \
    >"$out/ctest.log" 2>&1 || echo "coverage: note: some tests failed (see $out/ctest.log)"
gcovr --root . --filter 'lib/' --object-directory "$out" --print-summary \
    --txt "$out/coverage.txt" "$out" >"$out/gcovr-summary.txt"
cat "$out/coverage.txt"
pct=$(sed -n 's/^lines: \([0-9.]*\)%.*/\1/p' "$out/gcovr-summary.txt")
[[ -n "$pct" ]] || { echo "coverage: could not read gcovr's summary" >&2; exit 1; }
echo "coverage: lib/ line coverage ${pct}% (minimum ${min}%)"
awk -v p="$pct" -v m="$min" 'BEGIN { exit !(p >= m) }' || {
    echo "coverage: FAILED: ${pct}% is below ${min}%"
    exit 1
}
