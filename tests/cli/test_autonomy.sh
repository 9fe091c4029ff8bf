#!/usr/bin/env bash
# End-to-end tests of earned autonomy (issue 16): `trustassess status` over a
# file of dated events (the life cycle authorised -> deauthorised ->
# reauthorised and its review date), `reviews` reading the same events file,
# impossible sequences named by file and line, capital routes that follow the
# register and the trust's finances, and the eligibility screen on supplied
# evidence back-tested against NHS England's nominations.
#
#   test_autonomy.sh PATH/TO/trustassess PATH/TO/tests/data PATH/TO/examples/data
#
# Same style as test_modules.sh. Prints "cli-autonomy: N passed, M failed" and
# fails when M > 0.
set -u

T=${1:?usage: test_autonomy.sh TRUSTASSESS DATA_DIR EXAMPLES_DATA_DIR}
DATA=${2:?usage: test_autonomy.sh TRUSTASSESS DATA_DIR EXAMPLES_DATA_DIR}
EX=${3:?usage: test_autonomy.sh TRUSTASSESS DATA_DIR EXAMPLES_DATA_DIR}
EVENTS=$EX/aft-events.csv
PY=/usr/bin/python3
export LC_ALL=C

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ta-cli-autonomy.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 1

pass=0
fail=0

# check NAME EXPECTED ACTUAL
check() {
    if [ "$2" == "$3" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        printf 'FAIL %s\n  expected: %s\n  actual:   %s\n' "$1" "$2" "$3" >&2
    fi
}

# check_match NAME EXTENDED-REGEX TEXT
check_match() {
    if printf '%s' "$3" | grep -Eq -- "$2"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        printf 'FAIL %s\n  expected to match: %s\n  actual: %s\n' "$1" "$2" "$3" >&2
    fi
}

# run ARGS...: stdout in $TMP/out, stderr in $TMP/err, exit code in $rc.
run() {
    "$T" "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
}

# col FILE COLUMN-NAME [KEY-COLUMN KEY]: a CSV column, optionally of the rows
# whose KEY-COLUMN is KEY.
col() {
    "$PY" -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
for r in rows:
    if len(sys.argv) < 5 or r[sys.argv[3]] == sys.argv[4]:
        print(r[sys.argv[2]])' "$@"
}

# ---- status: the life cycle of the issue ------------------------------------------

cat >life.csv <<'CSV'
Trust_code,Trust_name,Date,Event,Note
RXX,Example Trust,2025-11-12,nominated,
RXX,,2026-04-01,authorised,
RXX,,2027-06-30,Deauthorised,
RXX,,2028-01-10,REAUTHORISED,
CSV
run help status
check "help status exit" 0 "$rc"
check_match "help status usage" '^usage: trustassess status ' "$(head -n 1 out)"
run status life.csv --on 2027-07-01
check "status exit" 0 "$rc"
check "status header" "Trust_code,Trust_name,Status,Since,Next_review_due,Reasons" "$(head -n 1 out)"
cp out s1.csv
check "2027-07-01: not an AFT after the deauthorisation" "Foundation trust" "$(col s1.csv Status)"
check "2027-07-01: since the deauthorisation" "2027-06-30" "$(col s1.csv Since)"
check "2027-07-01: no review due" "" "$(col s1.csv Next_review_due)"
run status life.csv --on 2027-06-29
cp out s0.csv
check "2027-06-29: still an AFT" "Advanced foundation trust" "$(col s0.csv Status)"
check "2027-06-29: review due five years after authorisation" "2031-04-01" "$(col s0.csv Next_review_due)"
run status life.csv --on 2028-01-10
cp out s2.csv
check "2028-01-10: an AFT again" "Advanced foundation trust" "$(col s2.csv Status)"
check "2028-01-10: next review due 2033-01-10" "2033-01-10" "$(col s2.csv Next_review_due)"
check_match "2028-01-10: reasons name the reauthorisation" '5 years after the reauthorisation on 2028-01-10' "$(col s2.csv Reasons)"
run status life.csv
check "default date = latest event" "$(cat s2.csv)" "$(cat out)"
run status life.csv --on 2025-01-01
cp out s3.csv
check "before any event: no status" "" "$(col s3.csv Status)"
run status life.csv --on 2028-01-10 --format json
check "json status" "Advanced foundation trust|2033-01-10" "$("$PY" -c 'import json,sys; r=json.load(open("out"))[0]; print(r["Status"]+"|"+r["Next_review_due"])')"
run status life.csv --on 2028-01-10 --format table
check_match "table header" '^Trust_code +Trust_name +Status +Since' "$(head -n 1 out)"
run status "$EVENTS" --on 2026-05-01
cp out ex.csv
check "example: RY3 ceased by merger" "Ceased" "$(col ex.csv Status Trust_code RY3)"
check "example: RY3 ceased since the day it ceased" "2026-04-01" "$(col ex.csv Since Trust_code RY3)"
check "example: RWX an AFT" "Advanced foundation trust" "$(col ex.csv Status Trust_code RWX)"

# ---- status: impossible sequences and bad input ------------------------------------

bad() { # NAME ROWS EXPECTED-MESSAGE-REGEX
    printf 'Trust_code,Date,Event\n%b' "$2" >bad.csv
    run status bad.csv
    check "$1: exit" 3 "$rc"
    check_match "$1: message" "$3" "$(cat err)"
    check "$1: nothing on stdout" "" "$(cat out)"
}
bad "deauthorise a trust without the status" 'RA,2026-01-01,nominated\nRA,2026-02-01,deauthorised\n' \
    '^trustassess: status: bad\.csv:3:[0-9]+: trust RA: deauthorised on 2026-02-01, but it is an NHS trust then'
bad "two authorisations" 'RA,2026-01-01,authorised\nRA,2026-02-01,authorised\n' \
    'bad\.csv:3:[0-9]+: .*already an advanced foundation trust \(since 2026-01-01\)'
bad "dates out of order" 'RA,2026-02-01,nominated\nRA,2026-01-01,authorised\n' \
    'bad\.csv:3:[0-9]+: .*out of order'
bad "an unknown event" 'RA,2026-02-01,promoted\n' 'bad\.csv:2:[0-9]+: Event "promoted"'
bad "a bad date" 'RA,2026-02-30,nominated\n' 'bad\.csv:2:[0-9]+: Date "2026-02-30"'
run status
check "status without a file exit" 2 "$rc"
run status life.csv --on 2026-13-01
check "status bad --on exit" 2 "$rc"
run status life.csv --format xml
check "status bad --format exit" 2 "$rc"

# ---- reviews reads the events file ------------------------------------------------

run reviews life.csv --today 2028-02-01
check "reviews events exit" 0 "$rc"
cp out r.csv
check "reviews events: due from the reauthorisation" "2033-01-10" "$(col r.csv Due_on Trust_code RXX)"
run reviews life.csv --today 2027-07-01
check "reviews events: a deauthorised trust is not scheduled" "1" "$(wc -l <out | tr -d ' ')"
run reviews "$EVENTS" --today 2026-05-01
cp out r2.csv
check "reviews example events" "RP1 RWX" "$(col r2.csv Trust_code | tr '\n' ' ' | sed 's/ $//')"

# ---- capital follows finances and the register -------------------------------------

AFT="Advanced foundation trust"
run capital --status "$AFT" --amount £90m --savings £120m --distress yes
check "£90m AFT in distress: exit" 0 "$rc"
check "£90m AFT in distress: not light" "Route:     standard" "$(grep '^Route:' out)"
check_match "£90m AFT in distress: the reason" 'light\.distress: Financial distress: yes' "$(cat out)"
run capital --status "$AFT" --amount £90m --savings £120m --distress yes --segment 4
check "£90m AFT in distress, segment 4: not light" "Route:     standard" "$(grep '^Route:' out)"
run capital --status "$AFT" --amount £90m --savings £120m --segment 4
check "£90m AFT in segment 4: not light" "Route:     standard" "$(grep '^Route:' out)"
check_match "segment 4: the reason" 'NOF segment 4 is worse than segment 2' "$(cat out)"
run capital --status "$AFT" --amount £90m --savings £120m --distress no --segment 1
check "£90m AFT sound, segment 1: light" "Route:     light" "$(grep '^Route:' out)"
check_match "light route approver labelled our reading" 'the trust board approves it alone \(our reading: A1 does not say who approves\)' "$(cat out)"
run capital --status "$AFT" --amount £90m --savings £120m --distress no --segment 3
check "segment 3: not light (boundary)" "Route:     standard" "$(grep '^Route:' out)"
run capital --status "$AFT" --amount £90m --savings £120m --distress no --segment 2
check "segment 2: light (boundary)" "Route:     light" "$(grep '^Route:' out)"
run capital --status "Foundation trust" --amount £40m --savings £0 --distress no
check "£40m FT not in distress: the board (£50m limit)" "Approvers: Trust board" "$(grep '^Approvers:' out)"
run capital --status "Foundation trust" --amount £40m --savings £0 --distress yes
check "£40m FT in distress: JISC" "Approvers: Trust board; JISC (NHS England and DHSC)" "$(grep '^Approvers:' out)"
run capital --status "$AFT" --amount £99m --vat £2m --savings £120m --distress no --segment 1
check "VAT counted: £101m not light" "Route:     standard" "$(grep '^Route:' out)"
run capital --status "$AFT" --amount £90m --savings £120m --distress perhaps
check "bad --distress: exit" 2 "$rc"
run capital --status "$AFT" --amount £90m --savings £120m --segment 6
check "bad --segment: exit" 2 "$rc"
run capital --status "$AFT" --amount £90m --savings £120m --events life.csv
check "--events without --trust/--date: exit" 2 "$rc"
run capital --status "$AFT" --amount £90m --savings £120m --trust RXX
check "--trust without --events (it would be ignored): exit" 2 "$rc"
check_match "--trust without --events: message" '--trust names the trust to look up in --events' "$(cat err)"
# The issue's life cycle: deauthorised 2027-06-30, reauthorised 2028-01-10.
run capital --trust RXX --date 2027-07-15 --events life.csv --amount £90m --savings £120m --distress no --segment 1
check "scheme 2027-07-15: status from the register" "Status:    Foundation trust" "$(grep '^Status:' out)"
check "scheme 2027-07-15: not light" "Route:     standard" "$(grep '^Route:' out)"
run capital --trust RXX --date 2028-01-10 --events life.csv --amount £90m --savings £120m --distress no --segment 1
check "scheme 2028-01-10: light again" "Route:     light" "$(grep '^Route:' out)"
run capital --trust RXX --date 2025-01-01 --events life.csv --amount £90m --savings £120m
check "scheme before any event: exit" 3 "$rc"
check_match "scheme before any event: message" 'no event of trust RXX on or before 2025-01-01' "$(cat err)"
cat >plan.csv <<'CSV'
Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available,Date,NOF_segment,Financial_distress
S1,RXX,,£90m,Own savings,£120m,2027-07-15,1,no
S2,RXX,Advanced foundation trust,£90m,Own savings,£120m,2027-07-15,1,no
S3,RXX,,£90m,Own savings,£120m,2028-02-01,1,no
CSV
run capital plan.csv --events life.csv
check "plan with --events: exit" 0 "$rc"
cp out plan-out.csv
check "plan: routes follow the register" "standard standard light" "$(col plan-out.csv Route | tr '\n' ' ' | sed 's/ $//')"
check_match "plan: a given status that disagrees is named" 'the status given, Advanced foundation trust, disagrees' "$(col plan-out.csv Reasons Scheme_ref S2)"
run capital plan.csv
check "plan without --events: exit" 3 "$rc"
check_match "plan without --events: message" 'has no trust status' "$(cat err)"
run capital --rules-table
cp out rules.csv
check "rules table: light_max_segment" "2" "$(col rules.csv Value Parameter light_max_segment)"
check "rules table: savings_years source" "A1; our reading" "$(col rules.csv Source Parameter savings_years)"

# ---- eligibility on evidence, back-tested against the nominations --------------------

NOF=$DATA/mental-health-and-community-trust-data-q1-q4.csv
"$T" league "$NOF" --quarter "Q1 2025/26" >q1.csv
"$PY" -c '
import csv, sys
print("Trust_code,Judgement,Value")
for r in csv.DictReader(open("q1.csv")):
    for k in ("partnership", "capability_assessment", "icb_support", "region_support",
              "financial_plan_agreed"):
        print(r["Trust_code"] + "," + k + ",yes")
    print(r["Trust_code"] + ",cqc_rating,good")' >evidence.csv
run eligibility "$NOF" --as-of "Q1 2025/26" --evidence evidence.csv
check "back-test exit" 0 "$rc"
cp out bt.csv
for c in RWX RDY RYX RP1 RY3 RYV; do
    check "back-test: nominee $c eligible as of Q1 2025/26" "eligible" "$(col bt.csv Verdict Trust_code $c)"
done
check "back-test: 61 trusts screened" 61 "$(col bt.csv Trust_code | wc -l | tr -d ' ')"
ec=$(col bt.csv Verdict | grep -cE '^(eligible|close)$')
check "back-test: eligible or close = 27 (fewer than half of 61)" 27 "$ec"
check "back-test: the screen reads Q1 only" "" "$(grep -c 'Q2 2025/26' bt.csv | sed 's/^0$//')"
run eligibility "$NOF" --as-of "Q1 2025/26"
cp out nobt.csv
check "no evidence: nobody eligible" "" "$(col nobt.csv Verdict | grep -x eligible)"
run eligibility "$NOF" --as-of "Q9 2025/26"
check "--as-of unknown quarter: exit" 2 "$rc"
printf 'Trust_code,Judgement,Value\nRWX,partnership,perhaps\n' >bad-ev.csv
run eligibility "$NOF" --evidence bad-ev.csv
check "bad evidence: exit" 3 "$rc"
check_match "bad evidence: file, line, column" 'bad-ev\.csv:2:17: Value "perhaps"' "$(cat err)"
run eligibility "$NOF" --preset aft-2030
check "unknown --preset: exit" 2 "$rc"

# The acute nominees: only the Q3 2025/26 league table is bundled (no domain scores, no RSP flag).
ACUTE=$DATA/acute-trust-league-table-q3-2025-26.csv
printf 'Trust_code,Judgement,Value\n' >acute-ev.csv
for c in RTF RBS; do
    for k in partnership capability_assessment icb_support region_support financial_plan_agreed; do
        printf '%s,%s,yes\n' "$c" "$k" >>acute-ev.csv
    done
    printf '%s,cqc_rating,good\n' "$c" >>acute-ev.csv
done
run eligibility "$ACUTE" --as-of "Q3 2025/26" --evidence acute-ev.csv --no-iho
check "acute back-test exit" 0 "$rc"
cp out acute.csv
for c in RTF RBS; do
    check "acute $c: segment and deficit met, everything supplied met" \
        "nof_segment;no_deficit;cqc;capability;icb_support;region_support;financial_plan;partnership" \
        "$(col acute.csv Criteria_met Trust_code $c)"
    check "acute $c: no data for safety and RSP (never counted as met)" "not_in_rsp;safety" \
        "$(col acute.csv Criteria_no_evidence Trust_code $c)"
done

echo "cli-autonomy: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
