#!/usr/bin/env bash
# End-to-end tests of several published files in one call: NHS England's
# league-table files beside its data files, merged by quarter, with one set
# of cut-offs per quarter read off every published segment.
#
#   test_league_files.sh PATH/TO/trustassess PATH/TO/tests/data
#
# The mental health and community data file (Q1-Q4) with the acute Q3 league
# table (129 of 134 trusts): every acute and every mental health and
# community trust gets its published segment, acute ranks follow the
# published order (lower by at most the five trusts the file lacks), verify
# passes, the Q4 table is unchanged; a Q1 league table (Reporting_date), a
# data file with its own league table, files that disagree, a trust in two
# files, crossed published segments, explain's cut-off intervals. Prints
# "cli league files: N passed, M failed" and fails when M > 0.
set -u

T=${1:?usage: test_league_files.sh TRUSTASSESS DATA_DIR}
DATA=${2:?usage: test_league_files.sh TRUSTASSESS DATA_DIR}
F=$DATA/mental-health-and-community-trust-data-q1-q4.csv
A=$DATA/acute-trust-league-table-q3-2025-26.csv
PUB=$DATA/mental-health-and-community-trust-league-table-q4.csv
PY=/usr/bin/python3
export LC_ALL=C

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ta-files.XXXXXX") || exit 1
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

# ---- the issue's command ------------------------------------------------------
run league "$F" "$A" --quarter "Q3 2025/26"
check "data file + acute league table: exit" 0 "$rc"
cp out q3.csv
check "190 rows (129 acute + 61 mental health and community)" "190" "$(($(wc -l <q3.csv) - 1))"
check "the CSV header is the published table's" \
    "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Average_score,Likely_range_of_average_score,Segment,Trust_in_financial_deficit,Rank,Likely_range_of_rank" \
    "$(head -n 1 q3.csv)"
report=$("$PY" - q3.csv "$A" "$F" <<'PYEOF'
import csv, sys
ours = {r["Trust_code"]: r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
acute = list(csv.DictReader(open(sys.argv[2], encoding="utf-8-sig")))
seg = sum(int(float(r["Segment"])) == int(ours[r["Trust_code"]]["Segment"]) for r in acute)
pairs = [(int(float(r["Rank"])), int(ours[r["Trust_code"]]["Rank"])) for r in acute]
within = sum(c <= p <= c + 5 for p, c in pairs)
order = all((p1 < p2) == (c1 < c2) for p1, c1 in pairs for p2, c2 in pairs)
mh = {}
for r in csv.DictReader(open(sys.argv[3], encoding="utf-8-sig")):
    if r["Quarter"] == "Q3 2025/26" and r["Metric_ID"] == "OF5000":
        mh[r["Trust_code"]] = int(float(r["Value"]))
mseg = sum(v == int(ours[c]["Segment"]) for c, v in mh.items())
print(seg, len(acute), within, order, mseg, len(mh), ours["RAS"]["Segment"])
PYEOF
)
check "acute segments 129/129, ranks within 0..5 below 129/129, published order, MH&C 61/61, RAS segment 2" \
    "129 129 129 True 61 61 2" "$report"

# The mental health and community file alone puts the second cut-off at 2.33;
# the acute table narrows it to [2.35, 2.36), so RAS (2.35) is segment 2.
run league "$F" "$A" --quarter Q3 --detail
check "--detail exit" 0 "$rc"
check "--detail: the second cut-off, its interval and the trusts that bound it" \
    "2.35 in [2.35, 2.36) below: RAS above: R0A" \
    "$("$PY" -c 'import csv,sys; r=next(csv.DictReader(open(sys.argv[1]))); print(r["Cutoffs"].split("; ")[1])' out)"
run explain "$F" "$A" --quarter Q3 --trust RAS
check "explain RAS: exit" 0 "$rc"
check "explain RAS: cut-off 2's interval" "Cut-off 2 is known in:      [2.35, 2.36); at or below: RAS; above: R0A" \
    "$(grep '^Cut-off 2 is known in' out)"
check "explain RAS: the average as published" \
    "Average score:              2.35, as published (the league table gives no metric scores); rounded half up: 2.35" \
    "$(grep '^Average score:' out)"
check "explain RAS: published average" "Reason:                     published average 2.35 is above cut-off 2.06 and at or below cut-off 2.35: segment 2; final segment unknown: no Recovery Support Programme flag" \
    "$(grep '^Reason:' out)"

# The order of the files does not matter; only acute trusts.
run league "$A" "$F" --quarter Q3
check "files the other way round: same rows" "" "$(diff <(sort out) <(sort q3.csv))"
run league "$F" "$A" --quarter Q3 --trust-type "Acute trust"
check "--trust-type Acute trust: 129 rows" "129" "$(($(wc -l <out) - 1))"
run league "$A"
check "the acute table alone: exit" 0 "$rc"

# ---- verify -------------------------------------------------------------------
run verify "$F" "$A"
check "verify both files: exit" 0 "$rc"
run verify "$F" "$A" --format csv
check "verify: Q3 adjusted segments, 190 step by step, all agree" "190 190" \
    "$(awk -F, '$1 == "summary" && $2 == "Q3 2025/26" && $3 == "OF5000" && $4 == "step-by-step" { print $6, $7 }' out)"
run league "$F" "$A" --quarter Q4
"$PY" - out "$PUB" >q4.txt <<'PYEOF'
import csv, sys
ours = {r["Trust_code"]: r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
pub = list(csv.DictReader(open(sys.argv[2], encoding="utf-8-sig")))
print(sum(int(float(r["Segment"])) == int(ours[r["Trust_code"]]["Segment"]) for r in pub),
      sum(int(float(r["Rank"])) == int(ours[r["Trust_code"]]["Rank"]) for r in pub), len(pub))
PYEOF
check "Q4 with both files: 61/61 segments and ranks" "61 61 61" "$(cat q4.txt)"

# ---- a data file with its own league table, and a Q1 league table ---------------
run league "$F" "$PUB" --quarter Q4
check "data file + its Q4 league table: exit" 0 "$rc"
cp out both.csv
run league "$F" --quarter Q4
check "data file + its league table: the rows of the data file alone" "" "$(cmp out both.csv 2>&1)"
run verify "$F" "$PUB"
check "verify data file + its league table: exit" 0 "$rc"
sed '1s/^\xef\xbb\xbfQuarter/Reporting_date/; s/^Q3 2025\/26,/Q1 2025\/26,/; s/Acute trust/Non-acute hospital trust/' "$A" >q1-league.csv
run league q1-league.csv --quarter Q1 --trust-type "Non-acute hospital trust"
check "a Q1 league table (Reporting_date): exit" 0 "$rc"
check "a Q1 league table: 129 rows" "129" "$(($(wc -l <out) - 1))"

# ---- input errors ---------------------------------------------------------------
"$PY" - "$PUB" >disagree.csv <<'PYEOF'
import sys
lines = open(sys.argv[1], encoding="utf-8-sig", newline="").read().split("\r\n")
lines[1] = lines[1].replace(",1.53,", ",1.54,")
sys.stdout.write("\r\n".join(lines))
PYEOF
run league "$F" disagree.csv --quarter Q4
check "files that disagree: exit" 3 "$rc"
check "files that disagree: both files, the figure and the trust" \
    "trustassess: ${F}:$(grep -n '^Q4 2025/26,.*,RYY,.*,OF5002,' "$F" | cut -d: -f1) and disagree.csv:2 disagree on OF5002 of trust RYY in Q4 2025/26: 1.53 and 1.54" \
    "$(head -n 1 err)"
run league "$A" "$A"
check "a trust in two league tables: exit" 3 "$rc"
check "a trust in two league tables: message" \
    "trustassess: trust RBV in Q3 2025/26 is in both $A:2 and $A:2" "$(head -n 1 err)"
sed 's/,RAS,\(.*\),2.35,,2.0,/,RAS,\1,2.35,,1.0,/' "$A" >crossed.csv
run league "$F" crossed.csv --quarter Q3
check "crossed published segments: exit" 3 "$rc"
check "crossed published segments: the trusts on each side" \
    "yes" "$(grep -q 'overlap at cut-off 1: trust RAS (crossed.csv:[0-9]*) has average 2.35 in segment 1 or better, but trust [A-Z0-9]* (.*:[0-9]*) has average 2.[0-9]* in segment 2 or worse' err && echo yes || cat err)"
printf 'Quarter,Trust_type,Trust_code,Average_score,Segment,Trust_in_financial_deficit,Rank,Region,Trust_subtype,Trust_name\nQ3 2025/26,Acute trust,RXX,2.1,2.0,Maybe,5.0,,,X\n' >badflag.csv
run league badflag.csv
check "a deficit that is not Yes or No: exit" 3 "$rc"
check "a deficit that is not Yes or No: line and column" \
    'trustassess: badflag.csv:2:36: expected Yes or No, not "Maybe"' "$(head -n 1 err)"
run league - "$A" --quarter Q3 <"$F"
check "standard input and a file: exit" 0 "$rc"
check "standard input and a file: same rows" "" "$(cmp out q3.csv 2>&1)"
run league - - <"$F"
check "standard input twice: usage" 2 "$rc"

echo "cli league files: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
