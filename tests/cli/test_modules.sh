#!/usr/bin/env bash
# End-to-end tests of the trustassess subcommands over the AFT modules:
# capital (issue 4), reviews and holidays (issue 5).
#
#   test_modules.sh PATH/TO/trustassess PATH/TO/tests/data PATH/TO/examples/data
#
# Every check compares a real value: routes and headroom at the £100m boundary
# to the penny, exit codes, messages naming file, line and column, review due
# dates computed by hand from the published NOF figures, the iCalendar file
# parsed by a real parser (python3-icalendar), the bank holidays of 2026 and
# 2022 as GOV.UK lists them, and byte-identical output under de_DE.UTF-8.
# Same style as run_cli_tests.sh. Prints "cli-modules: N passed, M failed"
# and fails when M > 0.
set -u

T=${1:?usage: test_modules.sh TRUSTASSESS DATA_DIR EXAMPLES_DATA_DIR}
DATA=${2:?usage: test_modules.sh TRUSTASSESS DATA_DIR EXAMPLES_DATA_DIR}
EX=${3:?usage: test_modules.sh TRUSTASSESS DATA_DIR EXAMPLES_DATA_DIR}
NOF=$DATA/mental-health-and-community-trust-data-q1-q4.csv
PROPOSALS=$EX/capital-proposals.csv
TRUSTS=$EX/aft-reviews.csv
PY=/usr/bin/python3
export LC_ALL=C

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ta-cli-modules.XXXXXX") || exit 1
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

# col FILE COLUMN-NAME [KEY-COLUMN KEY]: a CSV column (RFC 4180, read by
# Python's csv module), optionally of the rows whose KEY-COLUMN is KEY.
col() {
    "$PY" -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
for r in rows:
    if len(sys.argv) < 5 or r[sys.argv[3]] == sys.argv[4]:
        print(r[sys.argv[2]])' "$@"
}

# ---- help and usage ----------------------------------------------------------

run --help
check_match "--help lists capital" '^  capital ' "$(grep '^  capital ' out)"
check_match "--help lists reviews" '^  reviews ' "$(grep '^  reviews ' out)"
check_match "--help lists holidays" '^  holidays ' "$(grep '^  holidays ' out)"
for c in capital reviews holidays; do
    run help $c
    check "help $c exit" 0 "$rc"
    check_match "help $c usage" "^usage: trustassess $c " "$(head -n 1 out)"
    check "help $c = $c --help" "$(cat out)" "$("$T" $c --help)"
    run $c --bogus
    check "$c unknown option exit" 2 "$rc"
    check "$c unknown option message" "trustassess: $c: unknown option \"--bogus\"" "$(head -n 1 err)"
    check "$c usage hint" "Try 'trustassess help $c'." "$(tail -n 1 err)"
done

# ---- capital: a proposals file ---------------------------------------------------

run capital "$PROPOSALS"
check "capital exit" 0 "$rc"
check "capital quiet stderr" "" "$(cat err)"
cp out cap.csv
check "capital header: the input's columns, then the verdict" \
    "Scheme_ref,Scheme_name,Trust_code,Trust_status,NOF_segment,Financial_distress,Amount,VAT,Funding,Own_savings_available,Route,Approvers,Documents,Headroom,Reasons" \
    "$(head -n 1 cap.csv)"
check "capital rows" 8 "$(col cap.csv Route | wc -l | tr -d ' ')"
check "capital: input cells repeated as given" "$(col "$PROPOSALS" Amount | tr '\n' '|')" "$(col cap.csv Amount | tr '\n' '|')"
# The £100m boundary, to the penny.
check "£99,999,999.99 takes the light route" "light" "$(col cap.csv Route Scheme_ref DX-01)"
check "£99,999,999.99: headroom 0.00" "0.00" "$(col cap.csv Headroom Scheme_ref DX-01)"
check "£99,999,999.99: trust board alone, BJC" "Trust board|BJC" "$(col cap.csv Approvers Scheme_ref DX-01)|$(col cap.csv Documents Scheme_ref DX-01)"
check "exactly £100,000,000.00 is standard" "standard" "$(col cap.csv Route Scheme_ref TH-02)"
check "exactly £100m: headroom -0.01" "-0.01" "$(col cap.csv Headroom Scheme_ref TH-02)"
check "exactly £100m: over the £50m FT limit, JISC approves too" "Trust board; JISC (NHS England and DHSC)|SOC; OBC; FBC" \
    "$(col cap.csv Approvers Scheme_ref TH-02)|$(col cap.csv Documents Scheme_ref TH-02)"
check_match "exactly £100m: the threshold reason" 'light\.threshold: £100,000,000\.00 is not less than' "$(col cap.csv Reasons Scheme_ref TH-02)"
# A scheme split into £60m + £45m parts is judged on its £105m total.
check "split scheme: both parts standard" "standard|standard|" "$(col cap.csv Route Scheme_ref EPR-03 | tr '\n' '|')"
check "split scheme: headroom of the total" "-5000000.01|-5000000.01|" "$(col cap.csv Headroom Scheme_ref EPR-03 | tr '\n' '|')"
check_match "split scheme: the reason says so" 'portfolio\.split' "$(col cap.csv Reasons Scheme_ref EPR-03 | sed -n 1p)"
check "Mixed funding: standard, no headroom" "standard|" "$(col cap.csv Route Scheme_ref WD-04)|$(col cap.csv Headroom Scheme_ref WD-04)"
check "NHS trust: standard, no headroom" "standard|" "$(col cap.csv Route Scheme_ref MH-05)|$(col cap.csv Headroom Scheme_ref MH-05)"
check "foundation trust without AFT status: standard" "standard" "$(col cap.csv Route Scheme_ref CH-06)"
check "£350m: HM Treasury too" "Trust board; JISC (NHS England and DHSC); HM Treasury" "$(col cap.csv Approvers Scheme_ref NH-07)"
check "no CR, no BOM" 0 "$(LC_ALL=C grep -c $'\r\|\xef\xbb\xbf' cap.csv)"

run capital "$PROPOSALS" --format json
check "capital json exit" 0 "$rc"
check "capital json: same rows and cells, Headroom a number, empty = null" "ok" "$("$PY" -c '
import csv, json
rows = json.load(open("out"))
table = list(csv.DictReader(open("cap.csv", newline="")))
def same(j, c):
    if j is None: return c == ""
    if isinstance(j, list): return c in (" | ".join(j), "; ".join(j))
    if isinstance(j, (int, float)): return abs(j - float(c)) < 1e-9
    return j == c
ok = len(rows) == len(table) == 8 and all(
    list(r.keys()) == list(t.keys()) and all(same(r[k], t[k]) for k in t) for r, t in zip(rows, table))
ok = ok and rows[1]["Headroom"] == -0.01 and rows[4]["Headroom"] is None
ok = ok and rows[1]["Documents"] == ["SOC", "OBC", "FBC"] and len(rows[1]["Reasons"]) > 3
print("ok" if ok else "differs")')"
run capital "$PROPOSALS" --format table
check "capital table exit" 0 "$rc"
check "capital table lines" 9 "$(wc -l <out | tr -d ' ')"
check_match "capital table header" '^Scheme_ref +Scheme_name +Trust_code' "$(head -n 1 out)"
run capital "$PROPOSALS" --format xml
check "capital bad --format exit" 2 "$rc"
"$T" capital - <"$PROPOSALS" >out 2>err
check "capital stdin = file" "$(cat cap.csv)" "$(cat out)"
run capital "$PROPOSALS" -o cap-out.csv
check "capital -o exit" 0 "$rc"
check "capital -o content" "$(cat cap.csv)" "$(cat cap-out.csv)"
check "capital -o quiet stdout" 0 "$(wc -c <out | tr -d ' ')"
run capital
check "capital without a file exit" 2 "$rc"
run capital "$PROPOSALS" "$PROPOSALS"
check "capital two files exit" 2 "$rc"
run capital missing.csv
check "capital missing file exit" 3 "$rc"
check "capital missing file message" "trustassess: missing.csv: no such file or directory" "$(cat err)"

# ---- capital: malformed proposals ------------------------------------------------

{
    head -n 2 "$PROPOSALS"
    printf 'BAD-1,Bad amount,RWX,Advanced foundation trust,1,no,£12x,£0,Own savings,£1m\n'
    printf 'BAD-2,Bad status,RWX,Advanced trust,1,no,£1m,£0,Own savings,£1m\n'
    sed -n 3p "$PROPOSALS"
} >badprop.csv
run capital badprop.csv
check "malformed proposals exit" 3 "$rc"
check "malformed proposals: every row error, with line and column" \
    'trustassess: badprop.csv:3:53: Amount "£12x" is not an amount such as £99,999,999.99, 99999999.99 or £100m|trustassess: badprop.csv:4:22: Trust_status "Advanced trust" is not NHS trust, Foundation trust or Advanced foundation trust|' \
    "$(tr '\n' '|' <err)"
check "malformed proposals: nothing written" 0 "$(wc -c <out | tr -d ' ')"
echo old >keep.csv
run capital badprop.csv -o keep.csv
check "malformed proposals -o exit" 3 "$rc"
check "malformed proposals -o: old file kept" "old" "$(cat keep.csv)"
run capital badprop.csv --keep-going
check "--keep-going exit (rows had errors)" 3 "$rc"
check "--keep-going: errors still reported" 2 "$(wc -l <err | tr -d ' ')"
check "--keep-going: the good rows are written" "DX-01|TH-02|" "$(col out Scheme_ref | tr '\n' '|')"
check "--keep-going: good rows as without the bad ones" "$(head -n 3 cap.csv)" "$(cat out)"
run capital badprop.csv --keep-going -o kg.csv
check "--keep-going -o exit" 3 "$rc"
check "--keep-going -o content" "$(head -n 3 cap.csv)" "$(cat kg.csv)"
printf 'Scheme_ref,Trust_code\nA,RWX\n' >badheader.csv
run capital badheader.csv --keep-going
check "missing column exit" 3 "$rc"
check_match "missing column message" '^trustassess: badheader.csv:1: missing required column' "$(cat err)"
check "missing column: nothing written even with --keep-going" 0 "$(wc -c <out | tr -d ' ')"
run capital --keep-going --status "NHS trust" --amount 1 --savings 1
check "--keep-going without a file exit" 2 "$rc"

# ---- capital: one proposal ---------------------------------------------------------

run capital --status "Advanced foundation trust" --amount "£99,999,999.99" --savings £120m --distress no --segment 1
check "one proposal exit" 0 "$rc"
check "one proposal: route" "Route:     light" "$(grep '^Route:' out)"
check "one proposal: headroom 0.00" "Headroom:  0.00" "$(grep '^Headroom:' out)"
check "one proposal: amount compared" "Compared:  £99,999,999.99" "$(grep '^Compared:' out)"
check_match "one proposal: reasons listed" '^  light\.threshold: ' "$(grep '^  light.threshold:' out)"
check "one proposal: same verdict as the file" "$(col cap.csv Reasons Scheme_ref DX-01)" \
    "$(sed -n '/^Reasons:/,$p' out | sed 1d | sed 's/^  //' | awk '{ printf "%s%s", (NR > 1 ? " | " : ""), $0 }')"
run capital --status "Advanced foundation trust" --amount 100000000 --savings £100m
check "one proposal at exactly £100m: standard" "Route:     standard" "$(grep '^Route:' out)"
check "one proposal at exactly £100m: headroom -0.01" "Headroom:  -0.01" "$(grep '^Headroom:' out)"
run capital --status "Advanced foundation trust" --amount 1000 --savings 999.99
check "savings one penny short: standard" "Route:     standard" "$(grep '^Route:' out)"
check "savings one penny short: headroom -0.01" "Headroom:  -0.01" "$(grep '^Headroom:' out)"
run capital --status "NHS trust" --amount £1 --savings £1bn
check "NHS trust never light" "Route:     standard" "$(grep '^Route:' out)"
check "NHS trust: light route closed" "Headroom:  none (light route closed)" "$(grep '^Headroom:' out)"
run capital --status "Foundation trust" --amount £1 --savings £1bn
check "foundation trust without AFT status never light" "Route:     standard" "$(grep '^Route:' out)"
run capital --status "advanced foundation trust" --amount £1m --savings £1bn --funding Mixed
check "status without regard to case; Mixed funding standard" "0 Route:     standard" "$rc $(grep '^Route:' out)"
run capital --status "Advanced foundation trust" --amount £1m --savings £1bn --funding national
check "--funding National: standard" "Route:     standard" "$(grep '^Route:' out)"
run capital --status "Advanced foundation trust" --amount £1m --savings £1bn -o one.txt
check "one proposal -o" "0 Route:     light" "$rc $(grep '^Route:' one.txt)"
run capital --status "Advanced trust" --amount £1m --savings £1m
check "one proposal: unknown status exit" 2 "$rc"
check "one proposal: unknown status message" 'trustassess: capital: --status "Advanced trust" is not NHS trust, Foundation trust or Advanced foundation trust' "$(head -n 1 err)"
run capital --status "NHS trust" --amount 12x --savings £1m
check "one proposal: bad amount exit" 2 "$rc"
check_match "one proposal: bad amount message" '^trustassess: capital: --amount "12x" is not an amount' "$(head -n 1 err)"
run capital --status "NHS trust" --amount 1.005 --savings £1m
check "one proposal: fractional pence exit" 2 "$rc"
run capital --status "NHS trust" --amount 92233720368547758.08 --savings £1m
check "one proposal: amount beyond INT64_MAX pence exit" 2 "$rc"
run capital --status "NHS trust" --amount -1 --savings £1m
check "one proposal: negative amount exit" 2 "$rc"
run capital --status "NHS trust" --amount £1m --savings £1m --funding Grants
check "one proposal: unknown funding exit" 2 "$rc"
run capital --status "NHS trust" --amount £1m
check "one proposal without --savings exit" 2 "$rc"
run capital "$PROPOSALS" --status "NHS trust" --amount £1m --savings £1m
check "file and one proposal together exit" 2 "$rc"
run capital --status "Advanced foundation trust" --amount "£99,999,999.99" --savings £120m --format json
check "one proposal with --format json exit" 0 "$rc"
check "one proposal json: typed amounts and headroom, lists" "99999999.99 0.0 light ['Trust board']" \
    "$("$PY" -c 'import json; r = json.load(open("out"))[0]; print(r["Amount"], r["Headroom"], r["Route"], r["Approvers"])')"
run capital --status
check "--status without a value exit" 2 "$rc"
check "--status without a value message" "trustassess: capital: --status needs a value" "$(head -n 1 err)"

# ---- capital: the rule set ------------------------------------------------------------

run capital --rules-table
check "--rules-table exit" 0 "$rc"
cp out rules.csv
check "--rules-table header" "Parameter,Value,Source,Description" "$(head -n 1 rules.csv)"
check "--rules-table rows (every parameter)" 27 "$(col rules.csv Parameter | wc -l | tr -d ' ')"
check "--rules-table: the £100m threshold and its source" "£100,000,000.00|A1" \
    "$(col rules.csv Value Parameter light_threshold)|$(col rules.csv Source Parameter light_threshold)"
check "--rules-table: the per-segment limits are placeholders" "placeholder" "$(col rules.csv Source Parameter limit_segment_3)"
run capital --rules-table --format table
check_match "--rules-table as a table" '^light_threshold +£100,000,000\.00 +A1 ' "$(grep '^light_threshold' out)"
run capital --rules-table --format json
check "--rules-table json" 27 "$("$PY" -c 'import json; print(len(json.load(open("out"))))')"
run capital --rules-table --rules rules.csv
check "--rules-table reads back with --rules" "$(cat rules.csv)" "$(cat out)"
sed 's/^light_comparison,<,our reading,/light_comparison,<=,local choice,/' rules.csv >inclusive.csv
check "inclusive.csv differs in one row" 1 "$(diff rules.csv inclusive.csv | grep -c '^>')"
run capital --rules inclusive.csv --status "Advanced foundation trust" --amount £100m --savings £100m
check "--rules with <=: exactly £100m is light" "Route:     light" "$(grep '^Route:' out)"
check "--rules with <=: headroom 0.00" "Headroom:  0.00" "$(grep '^Headroom:' out)"
run capital "$PROPOSALS" --rules inclusive.csv
check "--rules with <= on the file: TH-02 light" "light 0.00" "$(col out Route Scheme_ref TH-02) $(col out Headroom Scheme_ref TH-02)"
run capital --rules-table --rules inclusive.csv
check "--rules-table shows the file's source" "<=|local choice" \
    "$(col out Value Parameter light_comparison)|$(col out Source Parameter light_comparison)"
printf 'Parameter,Value,Source\nlight_threshold,lots,A1\n' >badrules.csv
run capital "$PROPOSALS" --rules badrules.csv
check "malformed rules exit" 3 "$rc"
check_match "malformed rules message names file and line" '^trustassess: badrules.csv:2' "$(cat err)"
run capital "$PROPOSALS" --rules missing-rules.csv
check "missing rules file exit" 3 "$rc"
run capital --rules-table "$PROPOSALS"
check "--rules-table with a file exit" 2 "$rc"

# ---- reviews ---------------------------------------------------------------------

run reviews "$TRUSTS"
check "reviews exit" 0 "$rc"
check "reviews quiet stderr" "" "$(cat err)"
cp out rev.csv
check "reviews header" "Trust_code,Trust_name,Due_on,Regular_due_on,Scheduled_on,Late_days,Overdue_days,Trigger,Trigger_fired_on,Note" "$(head -n 1 rev.csv)"
check "reviews: every trust of the example" "RBS RDY RP1 RTF RWX RY3 RYV RYX" "$(col rev.csv Trust_code | sort | tr '\n' ' ' | sed 's/ $//')"
check "reviews: the eight nominated trusts" "$(cut -d, -f1 "$DATA/aft-nominated-2025.csv" | sed 1d | sort)" "$(col rev.csv Trust_code | sort)"
check "reviews: due five years after authorisation" "2026-04-01" "$(col rev.csv Due_on Trust_code RWX)"
check "reviews: due five years after the last review" "2029-03-15" "$(col rev.csv Due_on Trust_code RP1)"
check "reviews: the merger drops RY3 and RYV" "||ceases to exist on 2026-04-01, so it is dropped from scheduling|" \
    "$(col rev.csv Scheduled_on Trust_code RY3)|$(col rev.csv Scheduled_on Trust_code RYV)|$(col rev.csv Note Trust_code RY3)|"
check "reviews: every other review scheduled" "6" "$(col rev.csv Scheduled_on | grep -c .)"
check "reviews: without --today no overdue column" "" "$(col rev.csv Overdue_days | tr -d '\n')"
check "reviews: without --sittings the first due date is the first sitting day" "2026-01-05 1" \
    "$(col rev.csv Scheduled_on Trust_code RTF) $(col rev.csv Late_days Trust_code RTF)"
run reviews "$TRUSTS" --today 2026-03-02
check "--today exit" 0 "$rc"
cp out today.csv
check "--today: RTF overdue" "57" "$(col today.csv Overdue_days Trust_code RTF)"
check "--today: RWX not overdue" "0" "$(col today.csv Overdue_days Trust_code RWX)"
check "--today: sittings start on --today" "2026-03-02" "$(col today.csv Scheduled_on Trust_code RTF)"
run reviews "$TRUSTS" --today 2026-03-02 --format table
check "reviews table exit" 0 "$rc"
check "reviews table lines" 9 "$(wc -l <out | tr -d ' ')"
check_match "reviews table row" '^RTF +Northumbria Healthcare NHS Foundation Trust +2026-01-04 +2026-01-04 +2026-03-02 +57 +57$' "$(grep '^RTF ' out)"
check "reviews table: Scheduled_on column = csv" "$(col today.csv Scheduled_on | tr '\n' '|')" \
    "$(awk 'NR == 1 { p = index($0, "Scheduled_on") } NR > 1 { print substr($0, p, 10) }' out | sed 's/ *$//' | tr '\n' '|')"
"$T" reviews - --today 2026-03-02 <"$TRUSTS" >out 2>err
check "reviews stdin = file" "$(cat today.csv)" "$(cat out)"
run reviews "$TRUSTS" --today 2026-03-02 -o rev-out.csv
check "reviews -o" "0 $(cksum <today.csv)" "$rc $(cksum <rev-out.csv)"
run reviews "$TRUSTS" --format xml
check "reviews bad --format exit" 2 "$rc"
run reviews
check "reviews without a file exit" 2 "$rc"
run reviews "$TRUSTS" "$TRUSTS"
check "reviews two files exit" 2 "$rc"
run reviews "$TRUSTS" --today 2026-13-01
check "reviews bad --today exit" 2 "$rc"
check "reviews bad --today message" 'trustassess: reviews: --today "2026-13-01" is not a date (YYYY-MM-DD)' "$(head -n 1 err)"
run reviews missing.csv
check "reviews missing file exit" 3 "$rc"
check_match "reviews missing file message" '^trustassess: missing.csv: ' "$(cat err)"

# iCalendar, parsed by python3-icalendar.
run reviews "$TRUSTS" --today 2026-03-02 --format ics
check "ics exit" 0 "$rc"
cp out rev.ics
check "ics: CRLF on every line" "$(wc -l <rev.ics | tr -d ' ')" "$(grep -c $'\r$' rev.ics)"
check "ics: all-day events" 6 "$(grep -c '^DTSTART;VALUE=DATE:' rev.ics)"
ics_check='
import sys, datetime, csv, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
events = [c for c in cal.walk() if c.name == "VEVENT"]
rows = {r["Trust_code"]: r for r in csv.DictReader(open(sys.argv[3], newline=""))}
out = [str(len(events))]
stamps = {e.decoded("dtstamp").strftime("%Y%m%dT%H%M%SZ") for e in events}
out.append(",".join(sorted(stamps)))
ok = True
for e in events:
    start, end = e.decoded("dtstart"), e.decoded("dtend")
    code = str(e.get("uid")).split("-")[1]
    ok = ok and type(start) is datetime.date and end - start == datetime.timedelta(days=1)
    ok = ok and e.get("dtstart").params.get("VALUE") == "DATE"
    ok = ok and start.isoformat() == rows[code]["Scheduled_on"]
    ok = ok and rows[code]["Due_on"] in str(e.get("description"))
    ok = ok and str(e.get("uid")) == "review-%s-%s@libtrustassess" % (code, rows[code]["Due_on"].replace("-", ""))
out.append("ok" if ok else "differs")
print(" ".join(out))'
check "ics parses: 6 events, DTSTAMP = --today, VALUE=DATE on the sittings" \
    "6 20260302T000000Z ok" "$("$PY" -c "$ics_check" rev.ics x today.csv 2>&1)"
run reviews "$TRUSTS" --format ics
check "ics default DTSTAMP without --today: the first due date" \
    "6 20260104T000000Z ok" "$(cp out rev2.ics; "$PY" -c "$ics_check" rev2.ics x rev.csv 2>&1)"
run reviews "$TRUSTS" --format ics --dtstamp 20250102T030405Z
check "--dtstamp" "6 20250102T030405Z ok" "$(cp out rev3.ics; "$PY" -c "$ics_check" rev3.ics x rev.csv 2>&1)"
check "ics: same input, same bytes" "$(cksum <rev2.ics)" "$("$T" reviews "$TRUSTS" --format ics | cksum)"
run reviews "$TRUSTS" --format ics --dtstamp 2025-01-02
check "bad --dtstamp exit" 2 "$rc"
check_match "bad --dtstamp message" '^trustassess: reviews: --dtstamp "2025-01-02"' "$(head -n 1 err)"
run reviews "$TRUSTS" --dtstamp 20250102T030405Z
check "--dtstamp without --format ics exit" 2 "$rc"

# --sittings and --capacity.
run reviews "$TRUSTS" --sittings weekly:MON,WED
check "--sittings weekly exit" 0 "$rc"
check "--sittings weekly: every review on a Monday or Wednesday" "1 3 " \
    "$(col out Scheduled_on | grep . | while read -r d; do date -d "$d" +%u; done | sort -u | tr '\n' ' ')"
check "--sittings weekly: all six placed" 6 "$(col out Scheduled_on | grep -c .)"
check "--sittings weekly: the first sitting" "2026-01-05" "$(col out Scheduled_on Trust_code RTF)"
run reviews "$TRUSTS" --sittings weekly:TUE:2026-03-30..2026-04-30
check "--sittings weekly with a range: Tuesdays from 31 March" "2026-03-31 2026-04-07 2026-04-14 2026-04-21 2026-04-28 " \
    "$(col out Scheduled_on | grep . | sort | tr '\n' ' ')"
check "--sittings weekly with a range: one review left over" "no panel sitting left" "$(col out Note Trust_code RP1)"
run reviews "$TRUSTS" --sittings weekly:MON,SAT
check "--sittings weekly with a weekend day exit" 2 "$rc"
run reviews "$TRUSTS" --sittings weekly:TUE:2026-04-30..2026-03-30
check "--sittings weekly backwards range exit" 2 "$rc"
run reviews "$TRUSTS" --sittings dates:2026-01-05,2026-01-07
check "--sittings dates exit" 0 "$rc"
check "--sittings dates: capacity 1, two placed" "2026-01-05 2026-01-07 " "$(col out Scheduled_on | grep . | tr '\n' ' ')"
check "--sittings dates: the rest unplaced" 4 "$(col out Note | grep -c 'no panel sitting left')"
run reviews "$TRUSTS" --sittings dates:2026-01-05,2026-01-07 --capacity 3
check "--capacity 3: six placed on two sittings" "3 2026-01-05|3 2026-01-07|" \
    "$(col out Scheduled_on | grep . | sort | uniq -c | sed 's/^ *//' | tr '\n' '|')"
run reviews "$TRUSTS" --sittings dates:2026-01-01
check "--sittings on a bank holiday exit" 2 "$rc"
check_match "--sittings on a bank holiday message" 'not a working day' "$(head -n 1 err)"
run reviews "$TRUSTS" --sittings dates:2026-01-05,2026-02-30
check "--sittings impossible date exit" 2 "$rc"
run reviews "$TRUSTS" --sittings monthly:1
check "--sittings unknown form exit" 2 "$rc"
run reviews "$TRUSTS" --capacity 0
check "--capacity 0 exit (an argument the library refuses)" 2 "$rc"
check "--capacity 0 message" 'trustassess: reviews: --capacity 0: capacity per sitting must be at least 1, not 0' "$(head -n 1 err)"
run reviews "$TRUSTS" --capacity two
check "--capacity not a number exit" 2 "$rc"
run reviews "$TRUSTS" --capacity 2
check "--capacity 2 without sittings: two a working day" "2026-01-05 2026-01-05 2026-01-06 2026-01-06 2026-01-07 2026-01-07 " \
    "$(col out Scheduled_on | grep . | sort | tr '\n' ' ')"

# Bad TRUSTS.csv: exit 3, the row named (file, line, column).
sed 's/^RWX,\(.*\),2021-04-01,/RWX,\1,2026-02-30,/' "$TRUSTS" >impossible.csv
run reviews impossible.csv
check "impossible date exit" 3 "$rc"
check "impossible date message" 'trustassess: impossible.csv:2:47: Authorised_on "2026-02-30" is not a date (YYYY-MM-DD)' "$(cat err)"
check "impossible date: nothing written" 0 "$(wc -c <out | tr -d ' ')"
sed 's/^\(RDY,.*,2021-10-01\),,/\1,2021-09-30,/' "$TRUSTS" >early.csv
run reviews early.csv
check "review before authorisation exit" 3 "$rc"
check "review before authorisation message" 'trustassess: early.csv:3:66: trust RDY: Last_reviewed_on 2021-09-30 is before Authorised_on 2021-10-01' "$(cat err)"
{ cat "$TRUSTS"; sed -n 4p "$TRUSTS"; } >dup.csv
run reviews dup.csv
check "duplicate trust exit" 3 "$rc"
check "duplicate trust message" 'trustassess: dup.csv:10:1: trust RYX appears twice (or is already in the schedule)' "$(cat err)"
printf 'Trust_code,Trust_name,Authorised_on\nRWX,x,2021-01-01\n' >nocol.csv
run reviews nocol.csv
check "missing column exit" 3 "$rc"
check "missing column message" 'trustassess: nocol.csv:1: the header has no Last_reviewed_on column' "$(cat err)"
"$T" reviews - <impossible.csv >out 2>err
check "stdin bad row names <stdin>" "3 trustassess: <stdin>:2:47: Authorised_on \"2026-02-30\" is not a date (YYYY-MM-DD)" "$? $(cat err)"

# --nof: the published figures move reviews forward (default triggers:
# segment worse than 2 for 2 quarters +90 days, deficit +180, RSP entry +30).
printf 'Trust_code,Trust_name,Authorised_on,Last_reviewed_on\nRV5,A,2022-01-01,\nRW1,B,2022-01-01,\nRAT,C,2022-01-01,\nRV3,D,2022-01-01,\nRY4,E,2020-01-01,2025-10-01\nZZZ,Not in the file,2022-01-01,\n' >trig.csv
run reviews trig.csv --nof "$NOF"
check "--nof exit" 0 "$rc"
cp out trig-out.csv
# RV5: segment 3 in Q1 and Q2 -> fires 2025-09-30, due 2025-12-29.
check "--nof: segment trigger" "2025-12-29 segment 2025-09-30 2027-01-01" \
    "$(col trig-out.csv Due_on Trust_code RV5) $(col trig-out.csv Trigger Trust_code RV5) $(col trig-out.csv Trigger_fired_on Trust_code RV5) $(col trig-out.csv Regular_due_on Trust_code RV5)"
# RW1: in the Recovery Support Programme in Q1 (OF5007) -> 2025-06-30 + 30.
check "--nof: RSP trigger (OF5007)" "2025-07-30 recovery support programme 2025-06-30" \
    "$(col trig-out.csv Due_on Trust_code RW1) $(col trig-out.csv Trigger Trust_code RW1) $(col trig-out.csv Trigger_fired_on Trust_code RW1)"
# RAT: deficit from Q2 (OF5004) -> 2025-09-30 + 180, before its segment run.
check "--nof: deficit trigger (OF5004)" "2026-03-29 deficit 2025-09-30" \
    "$(col trig-out.csv Due_on Trust_code RAT) $(col trig-out.csv Trigger Trust_code RAT) $(col trig-out.csv Trigger_fired_on Trust_code RAT)"
check "--nof: no trigger for segments 2,1,1,1" "2027-01-01 " "$(col trig-out.csv Due_on Trust_code RV3) $(col trig-out.csv Trigger Trust_code RV3)"
check "--nof: only quarters after the last review count" "2030-10-01 " "$(col trig-out.csv Due_on Trust_code RY4) $(col trig-out.csv Trigger Trust_code RY4)"
check "--nof: a trust not in the NOF file keeps its regular date" "2027-01-01" "$(col trig-out.csv Due_on Trust_code ZZZ)"
run reviews "$TRUSTS" --nof "$NOF"
check "--nof on the example: no nominated trust is triggered" "$(cat rev.csv)" "$(cat out)"
"$T" reviews trig.csv --nof - <"$NOF" >out 2>err
check "--nof from standard input" "$(cat trig-out.csv)" "$(cat out)"
run reviews - --nof -
check "TRUSTS.csv and --nof both stdin exit" 2 "$rc"
run reviews trig.csv --nof missing-nof.csv
check "--nof missing file exit" 3 "$rc"
head -n 300 "$NOF" | sed 's#Q1 2025/26#Q1 2025#g' >badq.csv
run reviews trig.csv --nof badq.csv
check "--nof with an unknown quarter label exit" 3 "$rc"
check "--nof unknown quarter label message" 'trustassess: badq.csv: quarter "Q1 2025" is not of the form Qn YYYY/YY' "$(cat err)"
head -n 20 "$NOF" | sed '20s/,OF0005,/,OF9999,/' >badnof.csv
run reviews trig.csv --nof badnof.csv
check "--nof malformed exit" 3 "$rc"
check_match "--nof malformed names file and line" '^trustassess: badnof.csv:20:' "$(cat err)"

# ---- holidays ----------------------------------------------------------------------

run holidays 2026
check "holidays exit" 0 "$rc"
check "holidays 2026 = GOV.UK" "Date,Name
2026-01-01,New Year's Day
2026-04-03,Good Friday
2026-04-06,Easter Monday
2026-05-04,Early May bank holiday
2026-05-25,Spring bank holiday
2026-08-31,Summer bank holiday
2026-12-25,Christmas Day
2026-12-28,Boxing Day (substitute day)" "$(cat out)"
run holidays 2022
check "holidays 2022: the Platinum Jubilee and the State Funeral" \
    "2022-06-02,Spring bank holiday|2022-06-03,Platinum Jubilee bank holiday|2022-09-19,Bank Holiday for the State Funeral of Queen Elizabeth II|" \
    "$(grep -E '^2022-(06-0[23]|09-19),' out | tr '\n' '|')"
check "holidays 2022: the moved spring holiday is a working day" "" "$(grep '^2022-05-30' out)"
check "holidays 2022: ten days off (and the header)" 11 "$(wc -l <out | tr -d ' ')"
run holidays 2023
check "holidays 2023: the coronation" "2023-05-08,Bank holiday for the coronation of King Charles III" "$(grep '^2023-05-08' out)"
run holidays 2026 2027
check "holidays YEAR YEAR2" 17 "$(wc -l <out | tr -d ' ')"
check "holidays YEAR YEAR2 = each year" "$("$T" holidays 2026; "$T" holidays 2027 | tail -n +2)" "$(cat out)"
run holidays 2026 -o hol.txt
check "holidays -o" "0 $("$T" holidays 2026 | cksum)" "$rc $(cksum <hol.txt)"
run holidays
check "holidays without YEAR exit" 2 "$rc"
run holidays 20x6
check "holidays bad YEAR exit" 2 "$rc"
run holidays 1977
check "holidays before 1978 exit" 2 "$rc"
run holidays 2027 2026
check "holidays YEAR2 before YEAR exit" 2 "$rc"
run holidays 2026 2027 2028
check "holidays three years exit" 2 "$rc"

# ---- the locale does not change a byte ----------------------------------------------

for args in "capital $PROPOSALS" "capital $PROPOSALS --format json" "capital $PROPOSALS --format table" \
    "capital --rules-table --format table" "reviews $TRUSTS --today 2026-03-02" \
    "reviews $TRUSTS --format ics" "reviews $TRUSTS --format table --nof $NOF" "holidays 2020 2023"; do
    # shellcheck disable=SC2086
    c_out=$(LC_ALL=C "$T" $args | cksum)
    # shellcheck disable=SC2086
    de_out=$(LC_ALL=de_DE.UTF-8 "$T" $args | cksum)
    check "de_DE = C: $args" "$c_out" "$de_out"
done
c_out=$(LC_ALL=C "$T" capital --status "Advanced foundation trust" --amount 99999999.99 --savings £1bn | cksum)
de_out=$(LC_ALL=de_DE.UTF-8 "$T" capital --status "Advanced foundation trust" --amount 99999999.99 --savings £1bn | cksum)
check "de_DE = C: capital one proposal" "$c_out" "$de_out"

echo "cli-modules: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
