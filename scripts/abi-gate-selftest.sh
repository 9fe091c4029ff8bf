#!/usr/bin/env bash
# Proves the ABI gate fails on a broken ABI: copies the tracked sources to a
# temporary tree, changes one exported function's signature there (ta_version
# returns long instead of int), and runs scripts/abi-check.sh in the copy
# against the committed baseline. Passes only if the gate reports an ABI
# change. Called by scripts/test.sh's abi stage after the real check.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
[[ -f abi/libtrustassess-0.2.abi ]] || { echo "abi-gate-selftest: no baseline" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ta-abi-selftest.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

git ls-files -z -- CMakeLists.txt cmake include lib scripts abi examples tests/CMakeLists.txt |
    xargs -0 cp --parents -t "$tmp"
sed -i 's/^TA_API int ta_version(void);/TA_API long ta_version(void);/' \
    "$tmp/include/trustassess/common.h"
sed -i 's/^int ta_version(void)$/long ta_version(void)/' "$tmp/lib/common/status.c"
grep -q 'TA_API long ta_version(void);' "$tmp/include/trustassess/common.h" &&
    grep -q '^long ta_version(void)$' "$tmp/lib/common/status.c" ||
    { echo "abi-gate-selftest: could not plant the signature change" >&2; exit 1; }

set +e
bash "$tmp/scripts/abi-check.sh" >"$tmp/gate.log" 2>&1
rc=$?
set -e
if [[ $rc -ne 0 ]] && grep -q 'ABI change' "$tmp/gate.log" && grep -q 'ta_version' "$tmp/gate.log"; then
    echo "abi-gate-selftest: ok: a changed signature of ta_version fails the gate (exit $rc)"
    exit 0
fi
cat "$tmp/gate.log" >&2
echo "abi-gate-selftest: FAIL: the gate did not catch a changed signature (exit $rc)" >&2
exit 1
