#!/usr/bin/env bash
# The bad-input corpus as a suite (issue 19): every hostile input the command
# has been tried with, each with the exit status and the message (naming file,
# line and column) it must give. Cases are in cases.tsv beside this script;
# the inputs are the files beside it. Each case also checks that nothing was
# written to standard output (a failed run prints no half table) and that no
# sanitizer report appeared (the ASan+UBSan build runs this suite too).
#
#   run.sh PATH/TO/trustassess
#
# Prints one line "bad-input: N passed, M failed" and fails when M > 0.
set -u

T=$(realpath "${1:?usage: run.sh TRUSTASSESS}") || exit 1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export LC_ALL=C
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ta-bad-input.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
cd "$here" || exit 1

pass=0
fail=0
cases=0
while IFS=$'\t' read -r -a f; do
    [[ ${#f[@]} -eq 0 || ${f[0]} == \#* ]] && continue
    name=${f[0]} want=${f[1]} fragment=${f[2]}
    args=("${f[@]:3}")
    cases=$((cases + 1))
    "$T" "${args[@]}" >"$TMP/out" 2>"$TMP/err" </dev/null
    rc=$?
    problems=()
    [[ $rc == "$want" ]] || problems+=("exit $rc, expected $want")
    grep -qF -- "$fragment" "$TMP/err" || problems+=("message lacks: $fragment")
    [[ $rc == 0 || ! -s $TMP/out ]] || problems+=("wrote $(wc -c <"$TMP/out") bytes to stdout")
    ! grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:' "$TMP/err" ||
        problems+=("sanitizer report")
    if [[ ${#problems[@]} -eq 0 ]]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        printf 'FAIL %s: %s\n  stderr: %s\n' "$name" "${problems[*]}" "$(head -c 600 "$TMP/err")" >&2
    fi
done <cases.tsv
# An empty or unread table must not pass as success.
if [[ $cases -lt 30 ]]; then
    fail=$((fail + 1))
    echo "FAIL cases.tsv: only $cases cases read" >&2
fi
echo "bad-input: $pass passed, $fail failed"
[[ $fail -eq 0 ]]
