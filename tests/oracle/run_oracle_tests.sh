#!/bin/bash
# Differential test of libtrustassess against the Python oracle.
#
#   run_oracle_tests.sh DRIVER [N [FIRST_SEED]]
#
# Generates N seeded populations (default 200, seeds FIRST_SEED.. , default 1)
# with gen_population.py, runs DRIVER (oracle_driver) and oracle.py on each in
# four configurations (from scores / from values x quartile / explicit
# cut-offs), compares field by field, prints every disagreement with its seed
# and a command that reproduces it, and ends with the line
#   oracle: P passed, F failed
# (one count per population). Exits non-zero on any failure.
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 3 ]; then
  echo "usage: $0 DRIVER [N [FIRST_SEED]]" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
driver=$1
n=${2:-200}
first=${3:-1}
python=${TA_PYTHON3:-/usr/bin/python3}
if [ ! -x "$driver" ]; then
  echo "oracle: driver not found or not executable: $driver" >&2
  exit 2
fi
exec "$python" "$here/oracle.py" --run "$driver" "$n" "$first"
