#!/usr/bin/env bash
# The README's "run" command: install what the build needs (the BUILD group of
# scripts/install-deps.sh only: no test tools, LibreOffice or R), build a
# Release into build/, and run the project's main job on the bundled NHS
# England data.
#
#   scripts/run.sh [ARGS...]     ARGS replace the default arguments of the job
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jobs=${TA_JOBS:-2}

bash scripts/install-deps.sh BUILD
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DTA_BUILD_TESTS=OFF -DTA_BUILD_EXAMPLES=ON
cmake --build build -j"$jobs"

# The main job: the Q4 2025/26 league table recomputed from NHS England's published file.
# With arguments, they replace everything after the command's name.
job=(build/examples/trustassess/trustassess league
    tests/data/mental-health-and-community-trust-data-q1-q4.csv --quarter "Q4 2025/26" --format table
    --likely-ranges)

if [[ $# -gt 0 ]]; then
    job=("${job[0]}" "$@")
fi
if [[ ! -x "${job[0]}" ]]; then
    echo "run.sh: ${job[0]} was not built" >&2
    exit 1
fi
echo "run.sh: ${job[*]}" >&2
exec "${job[@]}"
