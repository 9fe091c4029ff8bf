#!/usr/bin/env bash
# End-to-end tests of `trustassess league --likely-ranges` (the bootstrap
# likely ranges) on NHS England's real file.
#
#   test_likely.sh PATH/TO/trustassess PATH/TO/tests/data
#
# The columns are filled in NHS England's "lo to hi" form, the same seed gives
# the same bytes on 1 and 2 threads, another seed differs, every range
# contains the trust's own figure, the ranges lie close to the published Q4
# columns, and the options are checked. Prints "cli likely: N passed, M
# failed" and fails when M > 0.
set -u

T=${1:?usage: test_likely.sh TRUSTASSESS DATA_DIR}
DATA=${2:?usage: test_likely.sh TRUSTASSESS DATA_DIR}
F=$DATA/mental-health-and-community-trust-data-q1-q4.csv
PUB=$DATA/mental-health-and-community-trust-league-table-q4.csv
PY=/usr/bin/python3
export LC_ALL=C

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ta-likely.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 1

pass=0
fail=0

check() {
    if [ "$2" == "$3" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        printf 'FAIL %s\n  expected: %s\n  actual:   %s\n' "$1" "$2" "$3" >&2
    fi
}

run() {
    "$T" "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
}

run league "$F" --quarter Q4 --likely-ranges -o one.csv
check "exit" 0 "$rc"
run league "$F" --quarter Q4 --likely-ranges --threads 2 -o two.csv
check "two threads: exit" 0 "$rc"
check "same seed, 1 or 2 threads: same bytes" "" "$(cmp one.csv two.csv 2>&1)"
run league "$F" --quarter Q4 --likely-ranges --seed 7 --replicates 2000 -o seven.csv
check "another seed and count: exit" 0 "$rc"
check "another seed gives other ranges" "differ" "$(cmp -s one.csv seven.csv && echo same || echo differ)"
run league "$F" --quarter Q4 -o plain.csv
check "without the option the range columns stay empty" "0" \
    "$("$PY" -c 'import csv,sys; print(sum(1 for r in csv.DictReader(open(sys.argv[1])) if r["Likely_range_of_average_score"] or r["Likely_range_of_rank"]))' plain.csv)"

# Shape, containment and closeness to the published columns.
report=$("$PY" - one.csv "$PUB" <<'PYEOF'
import csv, re, sys
ours = {r["Trust_code"]: r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
pub = {r["Trust_code"]: r for r in csv.DictReader(open(sys.argv[2], encoding="utf-8-sig"))}
form = re.compile(r"^(\d+(?:\.\d+)?) to (\d+(?:\.\d+)?)$")
bad_form = outside = 0
avg_close = rank_close = 0
for code, r in ours.items():
    a, k = form.match(r["Likely_range_of_average_score"]), form.match(r["Likely_range_of_rank"])
    if not a or not k or "." in k.group(1) or re.search(r"\.\d*0 ", r["Likely_range_of_average_score"] + " "):
        bad_form += 1
        continue
    lo, hi, rlo, rhi = float(a.group(1)), float(a.group(2)), int(k.group(1)), int(k.group(2))
    if not (lo <= float(r["Average_score"]) <= hi and rlo <= int(r["Rank"]) <= rhi):
        outside += 1
    p = form.match(pub[code]["Likely_range_of_average_score"])
    q = form.match(pub[code]["Likely_range_of_rank"])
    avg_close += abs(float(p.group(1)) - lo) <= 0.05 and abs(float(p.group(2)) - hi) <= 0.05
    rank_close += abs(int(float(q.group(1))) - rlo) <= 3 and abs(int(float(q.group(2))) - rhi) <= 3
print(len(ours), bad_form, outside, avg_close >= 55, rank_close >= 55)
PYEOF
)
check "61 trusts, NHS England's form, each figure inside its range, close to the published" \
    "61 0 0 True True" "$report"

run league "$F" --quarter Q4 --likely-ranges --seed 0 -o zero.csv
check "--seed 0 is a seed: exit" 0 "$rc"
check "--seed 0 differs from the default seed 1" "differ" "$(cmp -s one.csv zero.csv && echo same || echo differ)"
run league "$F" --quarter Q4 --seed 3
check "--seed without --likely-ranges: exit" 2 "$rc"
run league "$F" --quarter Q4 --likely-ranges --replicates 0
check "--replicates 0: exit" 2 "$rc"
run league "$F" --quarter Q4 --likely-ranges --threads 999
check "--threads 999: exit" 2 "$rc"
run league "$F" --quarter Q4 --likely-ranges --seed -1
check "--seed -1: exit" 2 "$rc"
check "--seed -1: message" "trustassess: league: --seed needs a whole number, not \"-1\"" \
    "$(head -n 1 err)"

echo "cli likely: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
