#!/usr/bin/env bash
# shellcheck disable=SC2034 # the package groups are read through a nameref
# Installs what building and testing libtrustassess needs, on Debian 12.
#
#   scripts/install-deps.sh              every group (what scripts/test.sh needs)
#   scripts/install-deps.sh GROUP...     only these groups, e.g. BUILD (scripts/run.sh)
#
# Idempotent and fast when nothing is missing: each package is checked with
# dpkg-query first, and apt is run (one `apt-get update`, one `apt-get install`)
# only if some package is absent. Runs as root (as CI does) or through sudo.
# Also generates the de_DE.UTF-8 locale when `locale -a` lacks it: the tests
# switch to a comma-decimal locale to prove that parsing and printing ignore the
# locale, and must not skip for want of one.
set -euo pipefail

# Package groups. BUILD is what the README's run command needs (build the
# library and the command, print a table); every other group is for the tests.

# Build: compiler, build system, and libxlsxwriter for the command's
# --format xlsx (the command links it, the library does not).
TA_DEPS_BUILD=(build-essential cmake pkg-config libxlsxwriter-dev)
# C tests: Check (+ subunit, which check.pc names), the ABI tools, valgrind,
# locales; clang and its runtimes for libFuzzer and ThreadSanitizer, gcovr for
# coverage, cppcheck, clang-tidy and clang-format; python3 (and binutils' nm) run the ctest
# checks of the layers and the API convention (scripts/check-*.py).
TA_DEPS_C=(check libsubunit-dev abigail-tools valgrind locales
    clang libclang-rt-14-dev gcovr cppcheck clang-tidy clang-format binutils file python3)
# The command's output tests (tests/cli/test_output.sh): headless Calc reads
# the xlsx workbooks back, headless Chromium renders the league-table picture,
# python3-pil reads its screenshots, man reads the manual page.
TA_DEPS_OUTPUT=(libreoffice-calc-nogui chromium python3 python3-pil man-db)
# Review module's independent-source checks: Easter (ncal -e), bank holidays
# (python3-holidays) and iCalendar parsing (python3-icalendar), run by Debian's python3.
TA_DEPS_REVIEW=(python3 ncal python3-holidays python3-icalendar)
# Python binding: a venv over Debian's python3 with setuptools/wheel for the
# offline install, pytest and pandas for the tests, matplotlib for the optional
# plot() helper's test.
TA_DEPS_PYTHON=(python3 python3-venv python3-setuptools python3-wheel python3-pytest python3-pandas
    python3-matplotlib)
# R binding: R, its headers and toolchain glue, testthat; python3 runs
# scripts/check-r-enums.py (the glue's enum tables against the headers).
TA_DEPS_R=(r-base-core r-base-dev r-cran-testthat python3)
# Spreadsheet add-in: headless Calc with Python UNO, and the SDK's unoidl-write
# for the add-in's type library.
TA_DEPS_SPREADSHEET=(libreoffice-calc-nogui libreoffice-script-provider-python python3-uno
    libreoffice-dev)

# Every group, by name; arguments choose some of them.
TA_DEPS_ALL=(BUILD C OUTPUT REVIEW PYTHON R SPREADSHEET)
if [[ $# -gt 0 ]]; then
    TA_DEPS_GROUPS=("$@")
else
    TA_DEPS_GROUPS=("${TA_DEPS_ALL[@]}")
fi
for group in "${TA_DEPS_GROUPS[@]}"; do
    [[ " ${TA_DEPS_ALL[*]} " == *" $group "* ]] || {
        echo "install-deps: no group $group (the groups: ${TA_DEPS_ALL[*]})" >&2
        exit 2
    }
done

# The C tests switch to this locale; only they need it.
LOCALES_NEEDED=()
[[ " ${TA_DEPS_GROUPS[*]} " == *" C "* ]] && LOCALES_NEEDED=(de_DE.UTF-8)

if [[ $(id -u) -eq 0 ]]; then
    sudo=()
elif command -v sudo >/dev/null; then
    sudo=(sudo)
else
    sudo=(false)
fi

packages=()
for group in "${TA_DEPS_GROUPS[@]}"; do
    declare -n list="TA_DEPS_$group"
    packages+=("${list[@]}")
    unset -n list
done

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [[ "$status" == installed ]] || missing+=("$p")
done

if [[ ${#missing[@]} -gt 0 ]]; then
    [[ "${sudo[*]}" != false ]] || {
        echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
        exit 1
    }
    echo "install-deps: installing ${missing[*]}"
    "${sudo[@]}" apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${missing[@]}"
else
    echo "install-deps: all ${#packages[@]} packages present (groups: ${TA_DEPS_GROUPS[*]})"
fi

# `locale -a` lists de_DE.UTF-8 as de_DE.utf8.
for loc in "${LOCALES_NEEDED[@]+"${LOCALES_NEEDED[@]}"}"; do
    lang=${loc%%.*}
    norm="$lang.utf8"
    if ! locale -a 2>/dev/null | grep -ix -e "$norm" -e "$loc" >/dev/null; then
        echo "install-deps: generating locale $loc"
        "${sudo[@]}" localedef -i "$lang" -f UTF-8 "$loc"
        locale -a | grep -ix -e "$norm" -e "$loc" >/dev/null || {
            echo "install-deps: locale $loc still missing after localedef" >&2
            exit 1
        }
    fi
done
[[ ${#LOCALES_NEEDED[@]} -eq 0 ]] || echo "install-deps: locales present: ${LOCALES_NEEDED[*]}"
