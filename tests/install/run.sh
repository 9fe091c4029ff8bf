#!/usr/bin/env bash
# Install test: does an INSTALLED libtrustassess work for an outside project?
#
#   tests/install/run.sh [BUILD_DIR]
#
# Installs BUILD_DIR (already built; without one, a fresh build in a temporary
# directory) into a temporary prefix, then checks:
#   1. the installed shared library exports only ta_* symbols, all under the
#      TRUSTASSESS_1 version node, and its SONAME is libtrustassess.so.1;
#   2. consumer.c builds with nothing but `pkg-config --cflags --libs trustassess`
#      (PKG_CONFIG_PATH=<prefix>/.../pkgconfig), and runs;
#   3. cmake-consumer/ (find_package(trustassess), CMAKE_PREFIX_PATH=<prefix>)
#      builds consumer.c against trustassess::trustassess and
#      trustassess::trustassess_static, and both run;
# and that every dynamically linked consumer really loaded the installed copy.
# Exits non-zero on the first failure. TA_KEEP_TMP=1 keeps the temporary files.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
jobs=${TA_JOBS:-2}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ta-install-test.XXXXXX")
if [[ "${TA_KEEP_TMP:-0}" == 1 ]]; then
    echo "install-test: keeping $tmp"
else
    trap 'rm -rf "$tmp"' EXIT
fi

fail() {
    echo "install-test: FAIL: $*" >&2
    exit 1
}
ok() {
    echo "install-test: ok: $*"
}

if [[ $# -ge 1 ]]; then
    build=$(cd "$1" && pwd)
else
    build=$tmp/build
    cmake -S "$root" -B "$build" -DTA_BUILD_TESTS=OFF -DTA_BUILD_EXAMPLES=OFF >/dev/null
    cmake --build "$build" -j"$jobs" >/dev/null
fi
[[ -f "$build/CMakeCache.txt" ]] || fail "$build is not a CMake build directory"

prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" || {
    cat "$tmp/install.log" >&2
    fail "cmake --install failed"
}
ok "installed into a temporary prefix"

# Where things landed (lib/ or lib/<multiarch>/, depending on the configuration).
pc=$(find "$prefix" -name trustassess.pc -path '*/pkgconfig/*' | head -n1)
[[ -n "$pc" ]] || fail "no trustassess.pc installed"
libdir=$(dirname "$(dirname "$pc")")
so=$libdir/libtrustassess.so
for f in "$prefix/include/trustassess.h" "$so" "$libdir/libtrustassess.so.1" \
    "$libdir/libtrustassess.a" "$libdir/cmake/trustassess/trustassess-config.cmake" \
    "$libdir/cmake/trustassess/trustassess-config-version.cmake"; do
    [[ -e "$f" ]] || fail "not installed: ${f#"$prefix"/}"
done
for h in "$root"/include/trustassess/*.h; do
    [[ -f "$prefix/include/trustassess/$(basename "$h")" ]] ||
        fail "header not installed: trustassess/$(basename "$h")"
done
ok "headers, libraries, trustassess.pc and the CMake package are installed"

# The documentation goes with the library: README, every guide of docs/.
doc=$prefix/share/doc/trustassess
for f in "$doc/README.md" "$doc/LICENSE" "$doc/CHANGELOG.md"; do
    [[ -f "$f" ]] || fail "not installed: ${f#"$prefix"/}"
done
for d in "$root"/docs/*.md; do
    cmp -s "$d" "$doc/docs/$(basename "$d")" || fail "guide not installed: docs/$(basename "$d")"
done
ok "documentation installed ($(find "$doc" -name '*.md' | wc -l | tr -d ' ') Markdown files)"
# With the command (a build with examples): its manual page and bash completion.
if [[ -x "$prefix/bin/trustassess" ]]; then
    [[ -f "$prefix/share/man/man1/trustassess.1" ]] || fail "not installed: the manual page"
    completion=$prefix/share/bash-completion/completions/trustassess
    [[ -f "$completion" ]] || fail "not installed: the bash completion"
    words=$(bash -c 'source "$1"; COMP_WORDS=(trustassess lea); COMP_CWORD=1; _trustassess; echo "${COMPREPLY[*]}"' _ "$completion")
    [[ "$words" == league ]] || fail "the installed completion completes 'lea' to '$words'"
    ok "manual page and bash completion installed"
fi

# 1. Exported symbols and SONAME.
nm -D --defined-only "$so" >"$tmp/nm.txt"
if ! grep -q ' ta_[A-Za-z0-9_]*@@TRUSTASSESS_1$' "$tmp/nm.txt"; then
    cat "$tmp/nm.txt" >&2
    fail "no ta_* symbol under version node TRUSTASSESS_1"
fi
grep -q ' A TRUSTASSESS_1$' "$tmp/nm.txt" || fail "version node TRUSTASSESS_1 missing"
bad=$(grep -v -e ' ta_[A-Za-z0-9_]*@@TRUSTASSESS_1$' -e ' A TRUSTASSESS_1$' "$tmp/nm.txt" || true)
[[ -z "$bad" ]] || fail "symbols exported beyond ta_*@@TRUSTASSESS_1:"$'\n'"$bad"
ok "exports $(grep -c ' ta_' "$tmp/nm.txt") ta_* symbols, all @@TRUSTASSESS_1, nothing else"
soname=$(objdump -p "$so" | awk '$1 == "SONAME" { print $2 }')
[[ "$soname" == libtrustassess.so.1 ]] || fail "SONAME is '$soname', not libtrustassess.so.1"
ok "SONAME libtrustassess.so.1"

# Runs a dynamically linked consumer against the installed library only.
run_consumer() {
    local exe=$1
    if LD_LIBRARY_PATH=$libdir ldd "$exe" | grep 'libtrustassess\.so' >/dev/null; then
        LD_LIBRARY_PATH=$libdir ldd "$exe" | grep "libtrustassess\.so\.1 => $libdir/" >/dev/null ||
            fail "$(basename "$exe") does not load the installed libtrustassess.so.1"
    fi
    LD_LIBRARY_PATH=$libdir "$exe" || fail "$(basename "$exe") exited with status $?"
}

# 2. pkg-config only.
flags=$(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --cflags --libs trustassess) ||
    fail "pkg-config does not find trustassess"
# shellcheck disable=SC2086 # the flags are meant to be split
cc -std=c11 -Wall -Wextra -Wpedantic -Werror -o "$tmp/consumer_pkgconfig" \
    "$here/consumer.c" $flags || fail "consumer.c does not build with: $flags"
LD_LIBRARY_PATH=$libdir ldd "$tmp/consumer_pkgconfig" | grep libtrustassess.so.1 >/dev/null ||
    fail "the pkg-config consumer is not linked to the shared library"
run_consumer "$tmp/consumer_pkgconfig"
ok "pkg-config consumer ($flags) builds and runs"

# 3. find_package.
cmake -S "$here/cmake-consumer" -B "$tmp/cmake-consumer" -DCMAKE_PREFIX_PATH="$prefix" \
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF >"$tmp/cmake-consumer.log" 2>&1 || {
    cat "$tmp/cmake-consumer.log" >&2
    fail "find_package(trustassess) project does not configure"
}
found=$(sed -n 's/^trustassess_DIR:PATH=//p' "$tmp/cmake-consumer/CMakeCache.txt")
[[ "$found" == "$prefix"/* ]] || fail "find_package found trustassess at '$found', not in the prefix"
cmake --build "$tmp/cmake-consumer" -j"$jobs" >>"$tmp/cmake-consumer.log" 2>&1 || {
    cat "$tmp/cmake-consumer.log" >&2
    fail "find_package(trustassess) project does not build"
}
run_consumer "$tmp/cmake-consumer/consumer_shared"
ldd "$tmp/cmake-consumer/consumer_static" | grep libtrustassess >/dev/null &&
    fail "consumer_static is linked to the shared library"
"$tmp/cmake-consumer/consumer_static" || fail "consumer_static exited with status $?"
ok "find_package consumers (trustassess::trustassess, trustassess::trustassess_static) build and run"

echo "install-test: all checks passed"
