#!/usr/bin/env bash
# The hardening checks in sequence, each in its own build directory, with a
# summary; a failed check does not stop the later ones. Called by
# scripts/test.sh; about 8-10 minutes on 2 cores.
#
#   fuzz-smoke       scripts/fuzz-smoke.sh       build-fuzz/: corpus replay + 20 s per harness
#   tsan             scripts/tsan.sh             build-tsan/: 8 threads x 2 passes, one framework
#   coverage         scripts/coverage.sh         build-cov/: lib/ line coverage >= 90%
#   static-analysis  scripts/static-analysis.sh  cppcheck + clang-tidy (build-tidy/)
#
# The allocation-failure sweep is a CTest test (tests/unit/test_alloc_sweep.c),
# so the ctest, asan and valgrind stages of scripts/test.sh run it.
# The last line is `hardening: N passed, M failed`; the exit status is non-zero
# if any check failed. TA_HARDENING_SKIP="tsan coverage" skips checks (each
# counted as failed, so a skip is never mistaken for a pass).
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
checks=(fuzz-smoke tsan coverage static-analysis)
names=()
results=()
times=()
for c in "${checks[@]}"; do
    echo
    echo "=== hardening: $c ==="
    start=$SECONDS
    if [[ " ${TA_HARDENING_SKIP:-} " == *" $c "* ]]; then
        rc=skipped
    else
        bash "scripts/$c.sh"
        rc=$?
    fi
    names+=("$c")
    times+=($((SECONDS - start)))
    case $rc in
    0) results+=(passed) ;;
    skipped) results+=("FAILED (skipped)") ;;
    *) results+=("FAILED (exit $rc)") ;;
    esac
done
passed=0
failed=0
echo
echo "=== hardening: summary ==="
for i in "${!names[@]}"; do
    printf '  %-16s %-20s %4ss\n' "${names[$i]}" "${results[$i]}" "${times[$i]}"
    if [[ "${results[$i]}" == passed ]]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
done
echo "hardening: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
