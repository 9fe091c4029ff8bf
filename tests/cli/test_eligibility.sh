#!/usr/bin/env bash
# End-to-end tests of `trustassess eligibility` on NHS England's real file.
#
#   test_eligibility.sh PATH/TO/trustassess PATH/TO/tests/data
#
# Same interface as run_cli_tests.sh. Checks the CSV contract (columns, one
# row per trust of the last quarter, verdict words), the verdicts of the
# nominated trusts as the library's Check suite derives them by hand, the
# options (--trust, --quarters, --criteria, --no-iho, --format, -o), and exit
# codes and messages for bad input. CSV rows are split with Python's csv
# module (names and reasons hold commas and quotes).
# Prints "cli eligibility: N passed, M failed" and fails when M > 0.
set -u

T=${1:?usage: test_eligibility.sh TRUSTASSESS DATA_DIR}
DATA=${2:?usage: test_eligibility.sh TRUSTASSESS DATA_DIR}
F=$DATA/mental-health-and-community-trust-data-q1-q4.csv
PY=/usr/bin/python3
export LC_ALL=C

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ta-elig.XXXXXX") || exit 1
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

check_match() {
    if printf '%s' "$3" | grep -Eq -- "$2"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        printf 'FAIL %s\n  expected to match: %s\n  actual: %s\n' "$1" "$2" "$3" >&2
    fi
}

run() {
    "$T" "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
}

# field CODE COLUMN < csv: the cell of trust CODE in COLUMN.
field() {
    "$PY" -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
print("\n".join(r[sys.argv[2]] for r in rows if r["Trust_code"] == sys.argv[1]))
' "$1" "$2"
}

# ---- the CSV contract -----------------------------------------------------

run eligibility "$F" --preset aft-2025
check "csv exit" 0 "$rc"
check "csv header" "Trust_code,Trust_name,Trust_type,Verdict,Criteria_met,Criteria_failed,Criteria_no_evidence,Change,IHO_verdict,Reasons" "$(head -n 1 out)"
check "one row per trust of Q4" 61 "$("$PY" -c 'import csv,sys; print(len(list(csv.DictReader(sys.stdin))))' <out)"
check "verdict words only" "close
not eligible" "$("$PY" -c 'import csv,sys; print("\n".join(sorted({r["Verdict"] for r in csv.DictReader(sys.stdin)})))' <out)"
check "close trusts" "RKL RLY RRE RV3 RW4 RY7 RYY" "$("$PY" -c 'import csv,sys; print(" ".join(sorted(r["Trust_code"] for r in csv.DictReader(sys.stdin) if r["Verdict"] == "close")))' <out)"
check "stderr quiet" 0 "$(wc -c <err | tr -d ' ')"

# The nominated trusts: verdict and what fails (see tests/unit/test_eligibility.c).
check "RWX verdict" "not eligible" "$(field RWX Verdict <out)"
check "RWX failed" "productivity" "$(field RWX Criteria_failed <out)"
check "RWX no evidence" "partnership" "$(field RWX Criteria_no_evidence <out)"
check "RY3 failed" "experience" "$(field RY3 Criteria_failed <out)"
check "RP1 failed" "access" "$(field RP1 Criteria_failed <out)"
check "RYX failed" "productivity" "$(field RYX Criteria_failed <out)"
check "RDY failed" "experience;productivity" "$(field RDY Criteria_failed <out)"
check "RYV failed" "access;productivity" "$(field RYV Criteria_failed <out)"
check_match "RP1 reason: access figure" 'access: Access to services domain score \(OF4000\) 3\.52 in Q4 2025/26 is above 2\.50' "$(field RP1 Reasons <out)"
check_match "RSP taken from Q2" 'published for Q1-Q2 only; taken from Q2 2025/26' "$(field RYX Reasons <out)"
check_match "RKL change" '^Partnership record \(supplied judgement\) \(no evidence\): needs a supplied partnership judgement of yes$' "$(field RKL Change <out)"
check "IHO gated" "not eligible" "$(field RKL IHO_verdict <out)"

# ---- options ---------------------------------------------------------------

run eligibility "$F" --preset aft-2025 --trust RY3
check "--trust exit" 0 "$rc"
check "--trust one row" 2 "$(wc -l <out | tr -d ' ')"
check "--trust row" "RY3" "$(tail -n 1 out | cut -d, -f1)"

run eligibility "$F" --preset aft-2025 --trust RY3 --format table
check "table exit" 0 "$rc"
check_match "table lists every criterion" '^      experience +not met +Effectiveness and experience domain score \(OF4005\) 2\.98' "$(grep '^      experience' out | head -n 1)"

run eligibility "$F" --preset aft-2025 --format json --trust RP1
check "json exit" 0 "$rc"
check "json valid, RP1 access" "3.52 2.5 not met" "$("$PY" -c '
import json, sys
d = json.load(sys.stdin)
c = [c for c in d["trusts"][0]["aft"]["criteria"] if c["id"] == "access"][0]
print(c["value"], c["threshold"], c["outcome"])' <out)"

# --quarters 1: only Q4 counts for the segment; RWX was 1,1,1,2 so still met at <= 2.
run eligibility "$F" --preset aft-2025 --quarters 1 --trust RWX --format json
check "--quarters exit" 0 "$rc"
check_match "--quarters 1 window" 'in each of the last 1 quarter \(Q4 2025/26: 2\)' "$(cat out)"
run eligibility "$F" --preset aft-2025 --quarters 5 --trust RWX
check_match "--quarters 5: no evidence" 'but 4 quarters are screened' "$(cat out)"
check "--quarters 5: segment no evidence" "segment;partnership" "$(field RWX Criteria_no_evidence <out)"

# --criteria: a one-criterion set; --no-iho empties IHO_verdict.
printf 'Id,Name,Kind,Parameters,Source,Our_reading\nseg1,Segment 1 all year,segment_at_most,segment=1;quarters=4,test,test\n' >crit.csv
run eligibility "$F" --criteria crit.csv --no-iho
check "--criteria exit" 0 "$rc"
check "--criteria RY3 eligible" "eligible" "$(field RY3 Verdict <out)"
check "--criteria RWX close" "close" "$(field RWX Verdict <out)"
check "--no-iho empty" "" "$(field RY3 IHO_verdict <out)"

run eligibility "$F" --preset aft-2025 --trust RYX -o result.csv
check "-o exit" 0 "$rc"
check "-o stdout quiet" 0 "$(wc -c <out | tr -d ' ')"
check "-o file" "RYX" "$(tail -n 1 result.csv | cut -d, -f1)"

run eligibility - --preset aft-2025 --trust RYX <"$F"
check "stdin exit" 0 "$rc"

run help eligibility
check "help exit" 0 "$rc"
check_match "help usage" '^usage: trustassess eligibility FILE' "$(head -n 1 out)"
check_match "help: an aid" 'aid to the panel' "$(cat out)"

# ---- errors ----------------------------------------------------------------

run eligibility
check "no file exit" 2 "$rc"
run eligibility "$F" --trust NOPE
check "unknown trust exit" 2 "$rc"
check "unknown trust message" 'trustassess: eligibility: no trust "NOPE" in Q4 2025/26' "$(head -n 1 err)"
run eligibility "$F" --quarters 0
check "--quarters 0 exit" 2 "$rc"
run eligibility "$F" --quarters x
check "--quarters x exit" 2 "$rc"
run eligibility "$F" --format xml
check "--format exit" 2 "$rc"
run eligibility "$F" --iho crit.csv --no-iho
check "--iho with --no-iho exit" 2 "$rc"
run eligibility "$F" --bogus
check "unknown option exit" 2 "$rc"
printf 'Id,Name,Kind,Parameters\nok,Ok,no_deficit,\nx,X,segment_at_most,segment=1\n' >bad.csv
run eligibility "$F" --criteria bad.csv
check "bad criteria exit" 3 "$rc"
check "bad criteria message" 'trustassess: bad.csv:3:21: Parameters: missing parameter "quarters"' "$(cat err)"
printf 'Id,Name,Kind,Parameters\nd,D,domain_score_at_most,domain=nowhere;threshold=2\n' >dom.csv
run eligibility "$F" --criteria dom.csv
check "unknown domain exit" 3 "$rc"
check "unknown domain message" 'trustassess: dom.csv:2:26: criterion d: the framework has no domain "nowhere"' "$(cat err)"
run eligibility missing.csv
check "missing file exit" 3 "$rc"

echo "cli eligibility: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
