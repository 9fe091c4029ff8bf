#!/usr/bin/env bash
# End-to-end tests of the command's output contract (issue 17): the same
# --format set on every command, Excel workbooks read back by headless
# LibreOffice (its own cell types, not our writer's claims), CSV with a BOM,
# typed JSON, tables that fit $COLUMNS, --columns and "did you mean".
#
#   test_output.sh PATH/TO/trustassess PATH/TO/tests/data PATH/TO/examples/data
#
# Needs soffice (libreoffice-calc-nogui) and Debian's python3: the OUTPUT and
# C groups of scripts/install-deps.sh. LibreOffice runs with a private profile
# in the temporary directory, so it never meets another running instance.
# Prints "output: N passed, M failed" and fails when M > 0.
set -u

T=${1:?usage: test_output.sh TRUSTASSESS DATA_DIR EXAMPLES_DIR}
DATA=${2:?usage: test_output.sh TRUSTASSESS DATA_DIR EXAMPLES_DIR}
EXAMPLES=${3:?usage: test_output.sh TRUSTASSESS DATA_DIR EXAMPLES_DIR}
F=$DATA/mental-health-and-community-trust-data-q1-q4.csv
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PY=/usr/bin/python3
export LC_ALL=C

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ta-output.XXXXXX") || exit 1
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
# soffice_convert FILTER FILE OUTDIR: headless Calc, private profile.
soffice_convert() {
    soffice -env:UserInstallation="file://$TMP/lo-profile" --headless --convert-to "$1" \
        --outdir "$3" "$2" >"$TMP/soffice.log" 2>&1
}
# Calc's CSV export of every sheet, cells as shown (the 9th token), UTF-8 (76).
CSV_FILTER='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1'
# column NAME FILE SHEET: the TYPE:TEXT cells of column NAME (header excluded)
column() {
    "$PY" "$HERE/fods_cells.py" "$2" "$3" | awk -F'\t' -v name="string:$1" '
        NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next }
        c { print $c }'
}

# ---- the workbook of the Q4 league table ------------------------------------

"$T" league "$F" --quarter "Q4 2025/26" --likely-ranges >q4.csv
run league "$F" --quarter "Q4 2025/26" --likely-ranges --format xlsx -o q4.xlsx
check "league xlsx exit" 0 "$rc"
check "league xlsx is a zip (PK)" "PK" "$(head -c 2 q4.xlsx)"
soffice_convert "$CSV_FILTER" q4.xlsx csv
check "Calc reads the workbook back as the CSV output, 61 rows" "$(cat q4.csv)" \
    "$(cat csv/q4-League.csv 2>/dev/null)"
check "61 trusts" 62 "$(wc -l <csv/q4-League.csv | tr -d ' ')"
soffice_convert fods q4.xlsx fods
check "sheets: the table, then About" "League About" "$("$PY" "$HERE/fods_cells.py" fods/q4.fods | tr '\n' ' ' | sed 's/ $//')"
for col in Average_score Segment Rank; do
    check "$col: 61 numeric cells in Calc" "61 float" \
        "$(column "$col" fods/q4.fods League | cut -d: -f1 | sort | uniq -c | tr -s ' ' | sed 's/^ //')"
done
check "Average_score shown with two decimals" "1.53" "$(column Average_score fods/q4.fods League | head -n 1 | cut -d: -f2)"
check "Trust_code text" "61 string" \
    "$(column Trust_code fods/q4.fods League | cut -d: -f1 | sort | uniq -c | tr -s ' ' | sed 's/^ //')"
check_match "About: the data's source and licence" "Open Government Licence v3.0" \
    "$("$PY" "$HERE/fods_cells.py" fods/q4.fods About)"
check "header row frozen (xl/worksheets/sheet1.xml)" "1" \
    "$("$PY" -c 'import sys, zipfile; x = zipfile.ZipFile("q4.xlsx").read("xl/worksheets/sheet1.xml").decode(); print(int("state=\"frozen\"" in x and "ySplit=\"1\"" in x))')"
run league "$F" --quarter Q4 --format xlsx
check "xlsx to a pipe is allowed" "0 PK" "$rc $(head -c 2 out)"

# ---- CSV for Excel: the BOM ------------------------------------------------------

run league "$F" --quarter Q4 --bom
check "--bom: EF BB BF first" "efbbbf" "$(head -c 3 out | od -An -tx1 | tr -d ' \n')"
check "--bom: then the CSV" "$("$T" league "$F" --quarter Q4)" "$(tail -c +4 out)"
run league "$F" --quarter Q4 --excel
check "--excel is --bom" "efbbbf" "$(head -c 3 out | od -An -tx1 | tr -d ' \n')"
run league "$F" --quarter Q4 --bom --format json
check "--bom with json: usage error" 2 "$rc"

# ---- every command: xlsx, json, csv ------------------------------------------------

run holidays 2026 --format csv
check "holidays --format csv" "Date,Name|2026-01-01,New Year's Day|9" \
    "$(head -n 2 out | tr '\n' '|')$(wc -l <out | tr -d ' ')"
run holidays 2026 --format xlsx -o hol.xlsx
check "holidays xlsx exit" 0 "$rc"
soffice_convert fods hol.xlsx fods
check "holidays xlsx: dates are dates in Calc" "8 date" \
    "$(column Date fods/hol.fods Holidays | cut -d: -f1 | sort | uniq -c | tr -s ' ' | sed 's/^ //')"
check "holidays xlsx: the first date" "date:2026-01-01" "$(column Date fods/hol.fods Holidays | head -n 1)"

run reviews "$EXAMPLES/aft-reviews.csv" --today 2026-11-24 --format json
check "reviews json exit" 0 "$rc"
check "reviews json: typed (dates as ISO text, day counts as numbers, null)" "ok" "$("$PY" -c '
import json, csv, sys
rows = json.load(open("out"))
ok = len(rows) > 0 and all(isinstance(r["Due_on"], str) and len(r["Due_on"]) == 10 for r in rows)
ok = ok and all(r["Late_days"] is None or isinstance(r["Late_days"], int) for r in rows)
ok = ok and rows[0]["Trust_code"] == "RTF" and rows[0]["Late_days"] == 324
print("ok" if ok else "differs")')"
run reviews "$EXAMPLES/aft-reviews.csv" --today 2026-11-24 --format xlsx -o rev.xlsx
soffice_convert fods rev.xlsx fods
check "reviews xlsx: Due_on dates, Late_days numbers" "date float" \
    "$(column Due_on fods/rev.fods Reviews | head -n 1 | cut -d: -f1) $(column Late_days fods/rev.fods Reviews | head -n 1 | cut -d: -f1)"

run verify "$F" --quarter Q4 --format xlsx -o ver.xlsx
check "verify xlsx exit" 0 "$rc"
soffice_convert fods ver.xlsx fods
check "verify xlsx: a sheet per part" "Summary Differences Not checked About" \
    "$("$PY" "$HERE/fods_cells.py" fods/ver.fods | tr '\n' ' ' | sed 's/ $//')"
check "verify xlsx: Checked numbers" "float" "$(column Checked fods/ver.fods Summary | head -n 1 | cut -d: -f1)"

run explain "$F" --trust RWX --format json
check "explain json exit" 0 "$rc"
check "explain json: summary typed" "2.11 2 15 False [2.02, 2.29, 2.57]" "$("$PY" -c '
import json; d = json.load(open("out")); s = d["summary"][0]
print(s["Average_score"], s["Adjusted_segment"], s["Rank"], s["Trust_in_financial_deficit"], s["Cutoffs"])')"
check "explain json: metrics with in-average booleans" "True" "$("$PY" -c '
import json; d = json.load(open("out")); print(any(m["In_average"] is True for m in d["metrics"]))')"
run explain "$F" --trust RWX --format xlsx -o exp.xlsx
check "explain xlsx exit" 0 "$rc"

run capital "$EXAMPLES/capital-proposals.csv" --format xlsx -o cap.xlsx
check "capital xlsx exit" 0 "$rc"
soffice_convert fods cap.xlsx fods
check "capital xlsx: Headroom is currency" "currency:-£0.01" "$(column Headroom fods/cap.fods Capital | sed -n 2p)"

run eligibility "$F" --format xlsx -o elig.xlsx
check "eligibility xlsx exit" 0 "$rc"
soffice_convert "$CSV_FILTER" elig.xlsx csv
check "eligibility xlsx: the CSV's rows" "$("$T" eligibility "$F" | wc -l)" "$(wc -l <csv/elig-Eligibility.csv)"

# ---- input saved by Excel as Windows-1252 ----------------------------------------

iconv -f UTF-8 -t WINDOWS-1252 "$EXAMPLES/capital-proposals.csv" >cap1252.csv
run capital cap1252.csv
check "Windows-1252 proposals: input error" 3 "$rc"
check_match "Windows-1252: says so, where, and how to save as CSV UTF-8" \
    '^trustassess: cap1252.csv:2:[0-9]+: the file is not UTF-8 \(byte 0xA3\); .*save it as "CSV UTF-8 \(Comma delimited\)", or give --encoding windows-1252$' \
    "$(cat err)"
check "Windows-1252: nothing written" "" "$(cat out)"
run capital cap1252.csv --encoding windows-1252
check "--encoding windows-1252: the UTF-8 file's output" "0 $("$T" capital "$EXAMPLES/capital-proposals.csv" | cksum)" "$rc $(cksum <out)"
run capital cap1252.csv --encoding latin9
check "--encoding unknown: usage error" 2 "$rc"
tail -c +4 "$F" | sed 's/Kent Community Health/Kent Community Healt\xc3\xa9/' | iconv -f UTF-8 -t WINDOWS-1252 >nof1252.csv
run league nof1252.csv --quarter Q4
check_match "Windows-1252 NOF file: named with line and column" '^trustassess: nof1252.csv:[0-9]+:[0-9]+: the file is not UTF-8 \(byte 0xE9\)' "$(cat err)"
iconv -f UTF-8 -t UTF-16 "$F" >nof16.csv
for enc in utf-8 windows-1252; do
    run league nof16.csv --encoding "$enc"
    check "UTF-16 NOF file ($enc): input error" 3 "$rc"
    check "UTF-16 NOF file ($enc): says so and how to save it" \
        'trustassess: nof16.csv:1:1: the file is UTF-16 (it starts with the byte order mark 0xFF 0xFE, as Excel'"'"'s "Unicode Text" does): save it as "CSV UTF-8 (Comma delimited)"' \
        "$(cat err)"
done
run league nof1252.csv --quarter Q4 --encoding windows-1252
check "--encoding windows-1252 on the NOF file: the name decoded" "0 Kent Community Healté NHS Foundation Trust" \
    "$rc $(grep -o 'Kent Community Healt[^,]*' out | head -n 1)"
printf 'Trust_code,Trust_name,Authorised_on,Last_reviewed_on\nRWX,Berkshire Health\xe9,2021-04-01,\n' >rev1252.csv
run reviews rev1252.csv
check "Windows-1252 reviews file: input error" 3 "$rc"

# ---- table: fits $COLUMNS, empty columns left out; --columns ------------------

COLUMNS=100 "$T" league "$F" --quarter Q4 --format table >out
check "table fits COLUMNS=100" "100" "$(awk '{ n = length($0) } n > m { m = n } END { print m }' out | "$PY" -c 'import sys; print(max(len(l.rstrip("\n")) for l in open("out", encoding="utf-8")))')"
check_match "a cut name ends with …" "…" "$(cat out)"
run league "$F" --quarter Q4 --columns Trust_code,Rank
check "--columns selects and orders" "Trust_code,Rank|RYY,1" "$(head -n 2 out | tr '\n' '|' | sed 's/|$//')"
run league "$F" --quarter Q4 --columns Trust_code,Rnak
check "--columns unknown: exit 2" 2 "$rc"
check_match "--columns unknown: did you mean" 'no column "Rnak"; did you mean "Rank"\?' "$(cat err)"
run league "$F" --quarter "Q4 2025/2026"
check_match "--quarter mistyped: did you mean" '"Q4 2025/2026" is not a quarter of the file; did you mean "Q4 2025/26"\?' "$(cat err)"
check "--quarter mistyped: exit 2" 2 "$rc"
run league "$F" --trust-type "Mental health and comunity trust"
check_match "--trust-type mistyped: did you mean" 'did you mean "Mental health and community trust"\?' "$(cat err)"
run explain "$F" --trust RWXX
check_match "explain --trust mistyped: did you mean" '^trustassess: explain: no trust "RWXX" in Q4 2025/26; did you mean "RWX"\?$' "$(head -n 1 err)"
run explain "$F" --trust ZZZZZ
check "a code far from every code: no suggestion" 'trustassess: explain: no trust "ZZZZZ" in Q4 2025/26' "$(head -n 1 err)"
run eligibility "$F" --trust RWXX
check_match "eligibility --trust mistyped: did you mean" 'did you mean "RWX"\?' "$(cat err)"
run league "$F" --quarter Q4 --format pdf
check_match "--format names the formats it takes" 'must be csv, table, json, xlsx, html or svg, not "pdf"' "$(cat err)"

# ---- the manual page covers every command ------------------------------------

MAN=$HERE/../../examples/trustassess/trustassess.1
"$T" --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }' >commands.txt
check_match "--help lists commands" "eligibility" "$(cat commands.txt)"
missing=""
for c in $(cat commands.txt); do
    grep -q "^\.SS $c\$" "$MAN" || missing="$missing $c"
    grep -q "^\.B trustassess $c\$" "$MAN" || missing="$missing $c(synopsis)"
done
check "every command has a SYNOPSIS line and a section in trustassess(1)" "" "$missing"
check_match "man trustassess documents eligibility" "Screens every trust" \
    "$(MANWIDTH=200 man -l "$MAN" 2>/dev/null | sed -n '/^   eligibility/,/^[A-Z]/p' | tr -s ' ')"

# ---- bash completion --------------------------------------------------------------

COMPLETION=$HERE/../../examples/trustassess/trustassess.bash-completion
# complete WORDS...: what the completion offers for the last word.
complete_words() {
    bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _trustassess
             printf "%s\n" "${COMPREPLY[@]}"' _ "$COMPLETION" "$@" | sort | tr '\n' ' ' | sed 's/ $//'
}
check "completion: the commands" "$( (cat commands.txt; echo help) | sort | tr '\n' ' ' | sed 's/ $//')" \
    "$(complete_words trustassess "" | tr ' ' '\n' | grep -v '^-' | tr '\n' ' ' | sed 's/ $//')"
check "completion: --format of league" "csv html json svg table xlsx" "$(complete_words trustassess league --format "")"
check "completion: --format of reviews" "csv ics json table xlsx" "$(complete_words trustassess reviews --format "")"
check "completion: --encoding" "utf-8 windows-1252" "$(complete_words trustassess capital --encoding "")"
missing=""
for c in $(cat commands.txt); do
    offered=" $(complete_words trustassess "$c" -) "
    for opt in $("$T" help "$c" | grep -oE -- '(^ *|\[)--?[a-z][a-z0-9-]*' | tr -d ' [' | sort -u); do
        [[ "$offered" == *" $opt "* ]] || missing="$missing $c:$opt"
    done
done
check "completion offers every option each command's help names" "" "$missing"

echo "output: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
