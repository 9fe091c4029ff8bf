#!/usr/bin/env bash
# Builds the LibreOffice extension (trustassess.oxt) of the Calc add-in.
#
#   bindings/spreadsheet/build-oxt.sh [BUILD_DIR] [OUT]
#
# BUILD_DIR (default build/) must hold the built libtrustassess.so.1; OUT
# defaults to BUILD_DIR/spreadsheet/trustassess.oxt. Needs the LibreOffice SDK's
# unoidl-write (Debian: libreoffice-dev) and the UNO base types
# (types.rdb of Debian's ure); the .oxt is zipped by Debian's python3.
#
# The .oxt holds:
#   description.xml          @VERSION@/@PLATFORM@ filled in
#   META-INF/manifest.xml    what LibreOffice registers
#   trustassess.rdb          idl/XTrustAssess.idl compiled by unoidl-write
#   CalcAddIns.xcu           the Function Wizard's names and help
#   trustassess_addin.py     the UNO component
#   pythonpath/              on sys.path for the component (LibreOffice adds it):
#     trustassess_calc.py    the cell functions
#     trustassess/           a copy of bindings/python/trustassess
#     trustassess/libtrustassess.so.1   the built library, beside the package
#                            (the package looks there after $TRUSTASSESS_LIBRARY)
#
# Environment: TA_UNOIDL_WRITE (default: on PATH, else the SDK's), TA_UNO_TYPES
# (default /usr/lib/libreoffice/program/types.rdb), TA_OXT_PLATFORM (default
# linux_x86_64 on x86-64 Linux; the platform the bundled library is built for).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-build}
[[ "$build" = /* ]] || build="$root/$build"
out=${2:-$build/spreadsheet/trustassess.oxt}
[[ "$out" = /* ]] || out="$PWD/$out"
lib="$build/libtrustassess.so.1"

[[ -f "$lib" ]] || {
    echo "build-oxt: $lib not found; build the library first" >&2
    exit 1
}
unoidl_write=${TA_UNOIDL_WRITE:-$(command -v unoidl-write || echo /usr/lib/libreoffice/sdk/bin/unoidl-write)}
types=${TA_UNO_TYPES:-/usr/lib/libreoffice/program/types.rdb}
[[ -x "$unoidl_write" ]] || {
    echo "build-oxt: unoidl-write not found (Debian package libreoffice-dev)" >&2
    exit 1
}
[[ -f "$types" ]] || {
    echo "build-oxt: $types not found (Debian package ure)" >&2
    exit 1
}
if [[ -n "${TA_OXT_PLATFORM:-}" ]]; then
    platform=$TA_OXT_PLATFORM
else
    case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) platform=linux_x86_64 ;;
    Linux-aarch64) platform=linux_aarch64 ;;
    *) platform=all ;;
    esac
fi
version=$(sed -n 's/^project(trustassess VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
[[ -n "$version" ]] || {
    echo "build-oxt: no version in CMakeLists.txt" >&2
    exit 1
}

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/META-INF" "$stage/pythonpath"
"$unoidl_write" "$types" "$here/idl/XTrustAssess.idl" "$stage/trustassess.rdb"
sed -e "s/@VERSION@/$version/" -e "s/@PLATFORM@/$platform/" "$here/description.xml" \
    >"$stage/description.xml"
cp "$here/META-INF/manifest.xml" "$stage/META-INF/"
cp "$here/CalcAddIns.xcu" "$here/trustassess_addin.py" "$stage/"
cp "$here/pythonpath/trustassess_calc.py" "$stage/pythonpath/"
mkdir "$stage/pythonpath/trustassess"
cp "$root"/bindings/python/trustassess/*.py "$root/bindings/python/trustassess/py.typed" \
    "$stage/pythonpath/trustassess/"
cp "$lib" "$stage/pythonpath/trustassess/libtrustassess.so.1"

mkdir -p "$(dirname "$out")"
rm -f "$out"
# Python's zipfile rather than zip(1): one tool fewer; entries sorted, fixed
# timestamps, so the same inputs give the same .oxt.
/usr/bin/python3 - "$stage" "$out" <<'PY'
import os, sys, zipfile
stage, out = sys.argv[1], sys.argv[2]
names = []
for d, _, files in os.walk(stage):
    for f in files:
        names.append(os.path.relpath(os.path.join(d, f), stage))
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for n in sorted(names):
        info = zipfile.ZipInfo(n, date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with open(os.path.join(stage, n), "rb") as fh:
            z.writestr(info, fh.read())
PY
echo "build-oxt: $out (libtrustassess $version, $platform)"
