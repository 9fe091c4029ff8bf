#!/usr/bin/env bash
# Concurrency test under ThreadSanitizer: tests/threads/test_threads.c and
# every library source compiled with clang -fsanitize=thread into build-tsan/
# (its own directory: TSan cannot be mixed with the ASan or normal builds), then
# run with THREADS threads x ITERATIONS passes over one shared framework.
# Fails on any TSan report (halt_on_error) or any result that differs from the
# single-threaded one.
#
#   scripts/tsan.sh [THREADS [ITERATIONS]]      (default 8 x 2)
#
# Needs clang and libclang-rt-14-dev (the TSan runtime).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
threads=${1:-8}
iterations=${2:-2}
out=build-tsan
cc=${TA_CLANG:-clang}
command -v "$cc" >/dev/null || { echo "tsan: $cc not found (apt-get install clang)" >&2; exit 1; }
mkdir -p "$out"

flags=(-std=c11 -g -O1 -fno-omit-frame-pointer -fsanitize=thread -D_POSIX_C_SOURCE=200809L
    -Iinclude -Ilib)
# One object per library source (2 jobs), then the test.
mapfile -t sources < <(ls lib/*/*.c)
objs=()
for src in "${sources[@]}"; do
    obj=$out/$(echo "${src%.c}" | tr / _).o
    objs+=("$obj")
    if [[ ! -f "$obj" || "$src" -nt "$obj" || $(find lib include -name '*.h' -newer "$obj" | head -n 1) ]]; then
        echo "$cc -c $src"
        "$cc" "${flags[@]}" -c "$src" -o "$obj" &
        while [[ $(jobs -r | wc -l) -ge ${TA_JOBS:-2} ]]; do wait -n; done
    fi
done
# Collect every compile's status (a failed one fails the script).
while [[ $(jobs -r | wc -l) -gt 0 ]]; do wait -n; done
"$cc" "${flags[@]}" -Wall -Wextra -Werror tests/threads/test_threads.c "${objs[@]}" -o "$out/test_threads" -lpthread -lm

TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 exitcode=66 ${TSAN_OPTIONS:-}" \
    "$out/test_threads" tests/data/mental-health-and-community-trust-data-q1-q4.csv \
    "$threads" "$iterations"
echo "tsan: ok"
