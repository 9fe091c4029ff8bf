#!/usr/bin/env bash
# ABI gate: is the built libtrustassess.so still compatible with the committed
# baseline abi/libtrustassess-0.2.abi?
#
#   scripts/abi-check.sh [BUILD_DIR]            compare (exit 1 on any ABI change)
#   scripts/abi-check.sh --update [BUILD_DIR]   write the baseline from this build
#
# Without BUILD_DIR the library is built in build-abi/ (RelWithDebInfo, so with
# -g). With one, BUILD_DIR must be a non-sanitizer build carrying -g (the
# default build type RelWithDebInfo does).
#
# The ABI is dumped with abidw (libabigail) counting only what the public
# headers declare: --headers-dir include --drop-private-types, so the layout of
# an opaque handle's struct (defined in lib/) is not part of the ABI, while every
# exported function's signature, every public type and the SONAME are. Paths,
# source locations and sequential type ids are left out so that the baseline
# does not depend on where the tree was checked out and diffs stay small.
#
# The comparison is `abidiff --no-added-syms baseline current`: new functions
# (and enumerators appended to an enum, which libabigail deems harmless) pass;
# anything else abidiff reports (removed or changed functions, changed types,
# another SONAME) fails. See docs/building.md, "ABI policy".
#
# Experimental functions (declared only under #define TA_EXPERIMENTAL) are
# exported but outside the promise: abi/experimental.suppr, given to abidw and
# abidiff, leaves them out of the dump and the comparison. The check first
# makes sure that file names exactly the headers' experimental functions.
#
# A missing baseline FAILS, unless TA_ABI_BASELINE_PENDING=1 is set (the API is
# still being written; the lead writes the baseline with --update before 0.1).
# TA_ABI_BASELINE overrides the baseline's path.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
baseline=${TA_ABI_BASELINE:-$root/abi/libtrustassess-0.2.abi}
suppr=$root/abi/experimental.suppr
jobs=${TA_JOBS:-2}

update=0
if [[ "${1:-}" == --update ]]; then
    update=1
    shift
fi
if [[ "${1:-}" == -h || "${1:-}" == --help || $# -gt 1 ]]; then
    sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
    exit 2
fi

die() {
    echo "abi-check: FAIL: $*" >&2
    exit 1
}

for tool in abidw abidiff readelf python3; do
    command -v "$tool" >/dev/null || die "$tool not found (scripts/install-deps.sh installs abigail-tools)"
done

# The suppressions name exactly the experimental functions of the headers.
python3 - "$root" "$suppr" <<'PY' || die "abi/experimental.suppr and the headers' experimental functions differ"
import re, sys
sys.path.insert(0, sys.argv[1] + "/scripts")
import ta_headers
api = ta_headers.parse_dir(sys.argv[1] + "/include")
want = sorted(f.name for f in api.functions.values() if f.experimental)
text = open(sys.argv[2], encoding="utf-8").read()
for rx in re.findall(r"^\s*(?:symbol_)?name_regexp\s*=\s*(\S+)", text, re.M):
    got = sorted(n for n in api.functions if re.search(rx, n))
    if got != want:
        print(f"abi-check: {rx} matches {got}, the experimental functions are {want}")
        sys.exit(1)
PY

if [[ $# -eq 1 ]]; then
    build=$(cd "$1" && pwd)
    [[ -f "$build/CMakeCache.txt" ]] || die "$build is not a CMake build directory"
else
    build=$root/build-abi
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTA_BUILD_TESTS=OFF \
        -DTA_BUILD_EXAMPLES=OFF >/dev/null
fi
grep -q '^TA_SANITIZE:BOOL=ON$' "$build/CMakeCache.txt" &&
    die "$build is a sanitizer build; give a plain one (or none)"
cmake --build "$build" -j"$jobs" --target trustassess >/dev/null

so=$build/libtrustassess.so
[[ -e "$so" ]] || die "$so was not built"
so=$(readlink -f "$so")
readelf -S "$so" | grep '\.debug_info' >/dev/null ||
    die "$so has no debug information; build with -g (e.g. CMAKE_BUILD_TYPE=RelWithDebInfo)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ta-abi.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

current=$tmp/current.abi
abidw --no-corpus-path --no-comp-dir-path --no-show-locs --type-id-style hash \
    --drop-private-types --drop-undefined-syms --headers-dir "$root/include" \
    --suppressions "$suppr" \
    --out-file "$current" "$so" || die "abidw could not dump $so"
# Translation-unit paths relative to the source tree (abidiff ignores them).
sed -i "s|path='$root/|path='|g" "$current"
nfuncs=$(grep -c '<elf-symbol ' "$current" || true)

if [[ $update -eq 1 ]]; then
    mkdir -p "$(dirname "$baseline")"
    cp "$current" "$baseline"
    echo "abi-check: wrote ${baseline#"$root"/} ($nfuncs exported symbols)."
    echo "abi-check: commit it; a changed baseline needs a CHANGELOG.md entry saying what broke."
    exit 0
fi

if [[ ! -f "$baseline" ]]; then
    if [[ "${TA_ABI_BASELINE_PENDING:-0}" == 1 ]]; then
        echo "abi-check: PENDING: no baseline ${baseline#"$root"/}; ABI dumped ($nfuncs exported" \
            "symbols) but not compared, because TA_ABI_BASELINE_PENDING=1."
        exit 0
    fi
    die "no ABI baseline ${baseline#"$root"/}. Write it with 'scripts/abi-check.sh --update'" \
        "and commit it, or set TA_ABI_BASELINE_PENDING=1 while the API is still unreleased."
fi

set +e
abidiff --no-added-syms --suppressions "$suppr" "$baseline" "$current" >"$tmp/report.txt" 2>&1
rc=$?
set -e
if [[ $rc -ne 0 ]]; then
    cat "$tmp/report.txt" >&2
    why=()
    ((rc & 1)) && why+=("abidiff error")
    ((rc & 2)) && why+=("abidiff usage error")
    ((rc & 4)) && why+=("ABI change")
    ((rc & 8)) && why+=("incompatible ABI change")
    why_text=$(printf '%s, ' "${why[@]}")
    die "abidiff exit $rc (${why_text%, }) against ${baseline#"$root"/}. If the break is intended" \
        "(before 1.0 only), run 'scripts/abi-check.sh --update', commit the baseline and say" \
        "what broke in CHANGELOG.md."
fi
echo "abi-check: ok: ABI of $(basename "$so") matches ${baseline#"$root"/} ($nfuncs exported symbols)"
