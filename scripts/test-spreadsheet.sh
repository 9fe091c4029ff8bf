#!/usr/bin/env bash
# shellcheck disable=SC2317 # the functions run through step and trap
# The Calc add-in's test (bindings/spreadsheet) in a real headless LibreOffice.
#
#   scripts/test-spreadsheet.sh [BUILD_DIR]
#
# Needs BUILD_DIR/libtrustassess.so.1 (default build/) and Debian 12's
# libreoffice-calc-nogui, libreoffice-script-provider-python, python3-uno and
# libreoffice-dev (unoidl-write) (scripts/install-deps.sh, group SPREADSHEET).
#
#   1. builds BUILD_DIR/spreadsheet/trustassess.oxt (bindings/spreadsheet/build-oxt.sh);
#   2. checks that examples/trustassess-q4-2025-26.fods is what its generator
#      writes, and writes the fixture workbook (tests/fixture_cases.py);
#   3. installs the .oxt into a throwaway user profile with
#      `unopkg add -env:UserInstallation=...` (unopkg refuses to install per
#      user as root, so as root it runs as `nobody` via setpriv; the profile
#      is made for that user);
#   4. starts soffice headless on that profile, accepting a UNO pipe, without
#      TRUSTASSESS_LIBRARY so that the add-in uses the library inside the .oxt;
#   5. runs bindings/spreadsheet/tests/check_calc.py (Debian's python3 with
#      python3-uno), which waits for the pipe (bounded), checks the Function
#      Wizard's entries, recalculates the fixture and compares every formula
#      cell and the CSV export with the library's answers (through the Python
#      package, TRUSTASSESS_LIBRARY = BUILD_DIR's library), and checks that the
#      sample gives the published Q4 segments and ranks, as .fods and as the
#      .xlsx (examples/trustassess-q4-2025-26.xlsx) opened and recalculated.
# soffice is always stopped and the temporary profile removed. The last line
# is `spreadsheet: N passed, M failed`; the exit status is non-zero on failure.
#
# Environment: TA_SOFFICE (default soffice), TA_UNOPKG (default unopkg),
# TA_SOFFICE_TIMEOUT (seconds the whole check may take, default 300).
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1
build=${1:-build}
[[ "$build" = /* ]] || build="$root/$build"
soffice=${TA_SOFFICE:-soffice}
unopkg=${TA_UNOPKG:-unopkg}
limit=${TA_SOFFICE_TIMEOUT:-300}
sheet="$root/bindings/spreadsheet"
oxt="$build/spreadsheet/trustassess.oxt"

passed=0
failed=0
step() { # step NAME COMMAND...: runs a step, counts it
    local name=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
        echo "spreadsheet: $name: ok"
        return 0
    fi
    failed=$((failed + 1))
    echo "spreadsheet: $name: FAILED" >&2
    return 1
}
finish() {
    echo "spreadsheet: $passed passed, $failed failed"
    [[ $failed -eq 0 && $passed -gt 0 ]]
    exit
}

tmp=$(mktemp -d /tmp/ta-spreadsheet.XXXXXX)
soffice_pid=
cleanup() {
    # soffice runs in its own process group (setsid below): the wrapper script,
    # oosplash and soffice.bin all go, and nothing else.
    if [[ -n "$soffice_pid" ]]; then
        kill -TERM -- "-$soffice_pid" 2>/dev/null
        for _ in $(seq 50); do
            kill -0 -- "-$soffice_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL -- "-$soffice_pid" 2>/dev/null
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT

export TRUSTASSESS_LIBRARY="$build/libtrustassess.so.1"
py=(env PYTHONPATH="$root/bindings/python:$sheet/tests" /usr/bin/python3)

step "build .oxt" bash "$sheet/build-oxt.sh" "$build" "$oxt" || finish
step "sample workbook up to date" "${py[@]}" "$sheet/tests/make_workbooks.py" check-sample
step "fixture workbook" "${py[@]}" "$sheet/tests/make_workbooks.py" fixture "$tmp/fixture.fods" ||
    finish

# A profile the installing user owns. unopkg will not add a per-user extension
# as root; LibreOffice itself (and our users) run unprivileged.
profile="$tmp/profile"
mkdir -p "$profile"
cp "$oxt" "$tmp/trustassess.oxt"
as_user=()
if [[ $(id -u) -eq 0 ]]; then
    chmod 755 "$tmp"
    chown -R nobody:nogroup "$tmp"
    as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$tmp")
fi
install_oxt() {
    if timeout 120 "${as_user[@]}" "$unopkg" add -env:UserInstallation="file://$profile" \
        "$tmp/trustassess.oxt" >"$tmp/unopkg.log" 2>&1 &&
        timeout 120 "${as_user[@]}" "$unopkg" list -env:UserInstallation="file://$profile" \
            >>"$tmp/unopkg.log" 2>&1 &&
        grep -q 'Identifier: org.libtrustassess.calc' "$tmp/unopkg.log"; then
        return 0
    fi
    cat "$tmp/unopkg.log" >&2
    return 1
}
step "unopkg add into a throwaway profile" install_oxt || finish

pipe="ta_spreadsheet_$$"
mkdir -p "$tmp/out"
# soffice runs as the caller (a UNO pipe is private to its user, and
# check_calc.py connects as the caller), without TRUSTASSESS_LIBRARY: the
# add-in must find the library inside the .oxt.
setsid env -u TRUSTASSESS_LIBRARY HOME="$tmp" "$soffice" --headless --invisible \
    --norestore --nologo --nodefault --nolockcheck -env:UserInstallation="file://$profile" \
    "--accept=pipe,name=$pipe;urp;" >"$tmp/soffice.log" 2>&1 &
soffice_pid=$!

run_checks() {
    timeout "$limit" "${py[@]}" "$sheet/tests/check_calc.py" "$pipe" "$tmp/fixture.fods" \
        "$root/examples/trustassess-q4-2025-26.fods" \
        "$root/tests/data/mental-health-and-community-trust-league-table-q4.csv" \
        "$sheet/CalcAddIns.xcu" "$tmp/out" "$root/examples/trustassess-q4-2025-26.xlsx"
}
run_checks
rc=$?
if [[ -f "$tmp/out/counts" ]]; then
    read -r p f <"$tmp/out/counts"
    passed=$((passed + p))
    failed=$((failed + f))
fi
if [[ $rc -ne 0 && ! -f "$tmp/out/counts" ]]; then
    failed=$((failed + 1))
    echo "spreadsheet: check_calc.py ended with status $rc before counting; soffice log:" >&2
    tail -20 "$tmp/soffice.log" >&2
fi
finish
