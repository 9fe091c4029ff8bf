#!/usr/bin/env bash
# The Python binding's tests (bindings/python), against the built library.
#
#   scripts/test-python.sh [VENV]
#
# Needs build/libtrustassess.so.1 (cmake -S . -B build && cmake --build build)
# and Debian 12's python3, python3-venv, python3-setuptools, python3-wheel,
# python3-pytest and python3-pandas (scripts/install-deps.sh, group PYTHON).
#
#   1. VENV (default build/venv-python): `/usr/bin/python3 -m venv
#      --system-site-packages`, so Debian's pytest and pandas are seen;
#   2. installs the package: `VENV/bin/pip install --no-index
#      --no-build-isolation bindings/python` (Debian's system Python refuses a
#      plain `pip install`; nothing is downloaded);
#   3. installs the build (`cmake --install`) into BUILD/python-stage, so that
#      test_headers.py checks the binding against the headers as installed
#      (TRUSTASSESS_INCLUDE), read by scripts/ta_headers.py;
#   4. runs pytest with TRUSTASSESS_LIBRARY = the built library and
#      TRUSTASSESS_CLI = the built `trustassess` command; no test may be
#      skipped, and "no tests collected" (exit 5) is a failure;
#   5. runs the issue's one-liner (the Q4 table via pandas) in the venv.
#
# Environment: TA_BUILD_DIR (default build), TRUSTASSESS_CLI (default
# $TA_BUILD_DIR/examples/trustassess/trustassess).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build=${TA_BUILD_DIR:-build}
[[ "$build" = /* ]] || build="$root/$build"
venv=${1:-$build/venv-python}
[[ "$venv" = /* ]] || venv="$PWD/$venv"
lib="$build/libtrustassess.so.1"
data=tests/data/mental-health-and-community-trust-data-q1-q4.csv

[[ -f "$lib" ]] || {
    echo "test-python: $lib not found; build the library first" >&2
    exit 1
}

if [[ ! -x "$venv/bin/python" ]]; then
    /usr/bin/python3 -m venv --system-site-packages "$venv"
fi
"$venv/bin/pip" install -q --no-index --no-build-isolation --force-reinstall --no-deps \
    bindings/python
rm -rf bindings/python/build bindings/python/trustassess.egg-info

stage="$build/python-stage"
rm -rf "$stage"
cmake --install "$build" --prefix "$stage" >/dev/null
export TRUSTASSESS_INCLUDE="$stage/include"

export TRUSTASSESS_LIBRARY="$lib"
export TRUSTASSESS_CLI=${TRUSTASSESS_CLI:-$build/examples/trustassess/trustassess}

# Run from outside the source tree so that the installed package is tested.
set +e
(cd "$root/bindings/python/tests" && "$venv/bin/python" -m pytest -q -p no:cacheprovider -rs \
    "$root/bindings/python/tests")
rc=$?
set -e
if [[ $rc -eq 5 ]]; then
    echo "test-python: pytest collected no tests" >&2
    exit 1
fi
[[ $rc -eq 0 ]] || exit $rc

echo "test-python: the issue's one-liner:"
(cd "$root" && "$venv/bin/python" -c "import trustassess as ta; print(ta.league_table(ta.read_nhse_csv('$data'), quarter='Q4 2025/26').to_pandas())")
