#!/usr/bin/env bash
# Fuzz smoke test: builds the libFuzzer harnesses of tests/fuzz with clang
# (ASan + UBSan + libFuzzer) into build-fuzz/, replays every file of the seed
# corpus (including the crash-* regression inputs) once, then fuzzes each
# harness for SECONDS seconds from a scratch copy of its corpus (the committed
# corpus is never modified). Fails on any crash, sanitizer report, leak, or
# unit slower than 10 s; a failing input is saved as
# build-fuzz/artifacts/<harness>-crash-*.
#
#   scripts/fuzz-smoke.sh [SECONDS]          (default 20 per harness, 6 harnesses)
#   TA_FUZZ_HARNESSES="csv nhse" scripts/fuzz-smoke.sh 60
#
# Long runs: see docs/hardening.md. Needs clang and libclang-rt-14-dev.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
seconds=${1:-${TA_FUZZ_SECONDS:-20}}
harnesses=${TA_FUZZ_HARNESSES:-csv nhse framework assessment capital dates}
out=build-fuzz
cc=${TA_CLANG:-clang}
command -v "$cc" >/dev/null || { echo "fuzz-smoke: $cc not found (apt-get install clang)" >&2; exit 1; }

cmake -S tests/fuzz -B "$out" -DCMAKE_C_COMPILER="$cc" >/dev/null
cmake --build "$out" -j"${TA_JOBS:-2}" >/dev/null

mkdir -p "$out/artifacts" "$out/work"
failed=()
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
for h in $harnesses; do
    bin=$out/fuzz_$h
    seeds=tests/fuzz/corpus/$h
    log=$out/fuzz_$h.log
    # 1. Replay the committed corpus, regression inputs included.
    mapfile -t files < <(find "$seeds" -type f | sort)
    if ! "$bin" -runs=1 -timeout=10 "${files[@]}" >"$log.replay" 2>&1; then
        echo "fuzz-smoke: $h: FAILED replaying the corpus (log $log.replay):"
        grep -E 'Running:|ERROR|SUMMARY|runtime error|check failed' "$log.replay" | tail -n 8
        failed+=("$h")
        continue
    fi
    # 2. Fuzz from a scratch copy of the corpus.
    rm -rf "$out/work/$h"
    mkdir -p "$out/work/$h"
    cp "$seeds"/* "$out/work/$h/"
    if "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$out/artifacts/$h-" "$out/work/$h" >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
        echo "fuzz-smoke: $h: ok (${#files[@]} seeds replayed, ${runs:-?} runs in ${seconds}s, $cov)"
    else
        echo "fuzz-smoke: $h: FAILED (log $log):"
        grep -E 'ERROR|SUMMARY|runtime error|check failed|Test unit written' "$log" | tail -n 8
        failed+=("$h")
    fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "fuzz-smoke: FAILED: ${failed[*]}"
    exit 1
fi
echo "fuzz-smoke: ok"
