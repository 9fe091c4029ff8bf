#!/usr/bin/env bash
# End-to-end tests of the trustassess command (issue 3's contract).
#
#   run_cli_tests.sh PATH/TO/trustassess PATH/TO/tests/data
#
# Every check compares a real value: table cells against NHS England's
# published league table, exit codes, messages naming file, line and column,
# file contents after -o. Malformed inputs are made from the real file with
# head and sed in a temporary directory. CSV is read with a small RFC 4180
# splitter in awk (names with commas are quoted), so no field is misread.
# Prints one line "cli: N passed, M failed" and fails when M > 0.
set -u

T=${1:?usage: run_cli_tests.sh TRUSTASSESS DATA_DIR}
DATA=${2:?usage: run_cli_tests.sh TRUSTASSESS DATA_DIR}
F=$DATA/mental-health-and-community-trust-data-q1-q4.csv
PUB=$DATA/mental-health-and-community-trust-league-table-q4.csv
PY=/usr/bin/python3
export LC_ALL=C

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ta-cli.XXXXXX") || exit 1
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

# An RFC 4180 field splitter for awk (no embedded newlines in these files):
# csv_split(line, f) fills f[1..n] and returns n.
AWK_CSV='
function csv_split(line, f,    n, i, c, field, q) {
    n = 0; field = ""; q = 0
    for (i = 1; i <= length(line); i++) {
        c = substr(line, i, 1)
        if (q) {
            if (c == "\"") {
                if (substr(line, i + 1, 1) == "\"") { field = field "\""; i++ } else q = 0
            } else field = field c
        } else if (c == "\"") q = 1
        else if (c == ",") { f[++n] = field; field = "" }
        else field = field c
    }
    f[++n] = field
    return n
}
function clean(line) { sub(/\r$/, "", line); sub(/^\357\273\277/, "", line); return line }
'

# ---- usage, help, version -------------------------------------------------

run --version
check "--version exit" 0 "$rc"
check_match "--version text" '^trustassess [0-9]+\.[0-9]+\.[0-9]+$' "$(cat out)"
run --help
check "--help exit" 0 "$rc"
check_match "--help lists league" '^  league ' "$(grep '^  league ' out)"
check_match "--help lists explain" '^  explain ' "$(grep '^  explain ' out)"
run help league
check "help league exit" 0 "$rc"
check_match "help league usage" '^usage: trustassess league FILE' "$(head -n 1 out)"
check "help league = league --help" "$(cat out)" "$("$T" league --help)"
run help explain
check "help explain exit" 0 "$rc"
check_match "help explain usage" '^usage: trustassess explain FILE\.\.\. --trust CODE' "$(head -n 1 out)"
run help framework
check "help framework exit" 0 "$rc"
run help nosuch
check "help unknown command exit" 2 "$rc"
run
check "no command exit" 2 "$rc"
check "no command: two stderr lines" 2 "$(wc -l <err | tr -d ' ')"
check "no command: hint" "Try 'trustassess --help'." "$(tail -n 1 err)"
check "no command: quiet stdout" 0 "$(wc -c <out | tr -d ' ')"
run frobnicate
check "unknown command exit" 2 "$rc"
check "unknown command message" 'trustassess: no command "frobnicate"' "$(head -n 1 err)"
run league
check "league without FILE exit" 2 "$rc"
check "league without FILE hint" "Try 'trustassess help league'." "$(tail -n 1 err)"
run league "$F" --bogus
check "unknown option exit" 2 "$rc"
check "unknown option message" 'trustassess: league: unknown option "--bogus"' "$(head -n 1 err)"
run league "$F" "$F"
check "the same file twice exit" 3 "$rc"
check_match "the same file twice names both and the trust" "^trustassess: trust R1A in Q1 2025/26 is in both .*q1-q4.csv:2 and .*q1-q4.csv:2$" "$(head -n 1 err)"
run league "$F" --quarter
check "option without value exit" 2 "$rc"
check "option without value message" 'trustassess: league: --quarter needs a value' "$(head -n 1 err)"
run league "$F" --format xml
check "bad --format exit" 2 "$rc"

# ---- the Q4 table against NHS England's published league table -------------

run league "$F" --quarter "Q4 2025/26"
check "Q4 league exit" 0 "$rc"
check "Q4 league quiet stderr" 0 "$(wc -c <err | tr -d ' ')"
cp out q4.csv
check "CSV header" "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Average_score,Likely_range_of_average_score,Segment,Trust_in_financial_deficit,Rank,Likely_range_of_rank" "$(head -n 1 q4.csv)"
check "Q4 rows" 61 "$(($(wc -l <q4.csv) - 1))"
check "no CR, no BOM" 0 "$(LC_ALL=C grep -c $'\r\|\xef\xbb\xbf' q4.csv)"
check "12 fields on every row" "12" "$(awk "$AWK_CSV"'{ print csv_split($0, f) }' q4.csv | sort -u)"

# Row by row: same trust, segment and rank (compared as numbers: the
# published file has "3.0"), and the same averages: the unrounded scores the
# preset's pool sizes reconstruct give every published average (the mean of
# the published 2-decimal scores would differ by 0.01 for RXE, RNK, RWV, RX2).
compare=$(awk "$AWK_CSV"'
    FNR == 1 { next }
    FNR == NR { csv_split(clean($0), f); n1++; code[n1] = f[5]; avg[n1] = f[7]; seg[n1] = f[9]
                defc[n1] = f[10]; rank[n1] = f[11]; next }
    { csv_split(clean($0), f); n2++
      if (f[5] != code[n2] || f[9] + 0 != seg[n2] + 0 || f[11] + 0 != rank[n2] + 0 ||
          f[10] != defc[n2]) bad++
      d = f[7] - avg[n2]; if (d < 0) d = -d
      if (d > 1e-9) { diffs = diffs " " f[5]; if (d > 0.01 + 1e-9 || d < 0.01 - 1e-9) big++ } }
    END { printf "%d %d %d %d%s\n", n1, n2, bad, big, diffs }' "$PUB" q4.csv)
check "Q4 = published table (rows, rows, mismatches, big diffs, codes with 0.01)" \
    "61 61 0 0" "$compare"

# Short form of the quarter, and the whole file (four quarters, in file order).
run league "$F" --quarter Q4
check "--quarter Q4 = exact text" "$(cat q4.csv)" "$(cat out)"
run league "$F" --quarter=Q4
check "--quarter=Q4 form" "$(cat q4.csv)" "$(cat out)"
run league "$F"
check "all quarters exit" 0 "$rc"
check "all quarters rows" 244 "$(($(wc -l <out) - 1))"
check "quarters in file order" "Q1 2025/26 Q2 2025/26 Q3 2025/26 Q4 2025/26" \
    "$(cut -d, -f1 out | sed 1d | uniq | tr '\n' ' ' | sed 's/ $//')"
check "Q4 part of the whole = Q4 alone" "$(sed 1d q4.csv)" "$(grep '^Q4 2025/26,' out)"
run league "$F" --quarter Q5
check "unknown quarter exit" 2 "$rc"
check_match "unknown quarter lists quarters" 'names no single quarter.*Q1 2025/26, Q2 2025/26' "$(head -n 1 err)"

# --trust-type
run league "$F" --quarter Q4 --trust-type "Mental health and community trust"
check "--trust-type exit" 0 "$rc"
check "--trust-type output" "$(cat q4.csv)" "$(cat out)"
run league "$F" --quarter Q4 --trust-type "Acute trust"
check "unknown --trust-type exit" 2 "$rc"

# Two trust types (community trusts given their own type): each is ranked
# separately, types in byte order, and quartiles still pool every trust.
sed -E 's/^([^,]*,[^,]*,)Mental health and community trust,Community,/\1Community trust,Community,/' "$F" >twotypes.csv
run league twotypes.csv --quarter Q4
check "two types exit" 0 "$rc"
check "two types: order and sizes" "14 Community trust|47 Mental health and community trust|" \
    "$(awk "$AWK_CSV"'NR > 1 { csv_split($0, f); print f[3] }' out | uniq -c | sed 's/^ *//' | tr '\n' '|')"
check "two types: averages and segments as one type" "$(cut -d, -f5,7,9 q4.csv | sort)" "$(cut -d, -f5,7,9 out | sort)"
check "two types: rank = 1 + better (segment, average) pairs in the type" "61 0" "$(awk "$AWK_CSV"'
    NR > 1 { csv_split($0, f); n++; ty[n] = f[3]; s[n] = f[9] + 0; a[n] = f[7] + 0; r[n] = f[11] + 0 }
    END { for (i = 1; i <= n; i++) { k = 1
              for (j = 1; j <= n; j++)
                  if (ty[j] == ty[i] && (s[j] < s[i] || (s[j] == s[i] && a[j] < a[i] - 1e-9))) k++
              if (k != r[i]) bad++ }
          print n, bad + 0 }' out)"
run league twotypes.csv --quarter Q4 --trust-type "Community trust"
check "two types: --trust-type = that type's rows" \
    "$("$T" league twotypes.csv --quarter Q4 | awk "$AWK_CSV"'{ csv_split($0, f) } NR == 1 || f[3] == "Community trust"')" \
    "$(cat out)"
run explain twotypes.csv --trust RYY --quarter Q4 --cutoffs quartiles
check "two types: quartiles pool both types" "$(grep '^Cut-offs:' <("$T" explain "$F" --trust RYY --quarter Q4 --cutoffs quartiles))" "$(grep '^Cut-offs:' out)"
check "two types: explain ranks within the type" "Rank: 1 of 14 (Community trust)" "$(grep '^Rank:' out | tr -s ' ')"

# ---- cut-offs ------------------------------------------------------------

run league "$F" --quarter Q4 --cutoffs published
check "--cutoffs published = default" "$(cat q4.csv)" "$(cat out)"

# A,B,C: each segment recomputed here from the printed average (a value on a
# cut-off takes the better segment) and the deficit cap at 3.
run league "$F" --quarter Q4 --cutoffs 1.8,2.2,2.6
check "--cutoffs A,B,C exit" 0 "$rc"
check "--cutoffs A,B,C segments" "61 0" "$(awk "$AWK_CSV"'
    NR > 1 { csv_split($0, f); n++; a = f[7] + 0
             s = 1 + (a > 1.8 + 1e-9) + (a > 2.2 + 1e-9) + (a > 2.6 + 1e-9)
             if (f[10] == "Yes" && s < 3) s = 3
             if (f[9] + 0 != s) bad++ }
    END { print n, bad + 0 }' out)"
check "--cutoffs A,B,C averages unchanged" "$(cut -d, -f5,7 q4.csv | sort)" "$(cut -d, -f5,7 out | sort)"
run league "$F" --quarter Q4 --cutoffs 1.8,2.2
check "--cutoffs two numbers exit" 2 "$rc"
run league "$F" --quarter Q4 --cutoffs 2.6,2.2,1.8
check "--cutoffs descending exit" 2 "$rc"
check_match "--cutoffs descending message" 'ascending' "$(head -n 1 err)"
run league "$F" --quarter Q4 --cutoffs 1.8,abc,2.6
check "--cutoffs malformed exit" 2 "$rc"
check "--cutoffs malformed message" 'trustassess: league: --cutoffs: "abc" is not a number (expected A,B,C, published, quartiles, quartiles-by-type or fixed)' "$(head -n 1 err)"
run league "$F" --quarter Q4 --cutoffs 1.8,2,2,6
check "--cutoffs decimal comma exit" 2 "$rc"
run league "$F" --quarter Q4 --cutoffs "1.8, 2.2,2.6"
check "--cutoffs with a space exit" 2 "$rc"
run league "$F" --quarter Q4 --cutoffs 1.8,,2.6
check "--cutoffs empty number exit" 2 "$rc"
check "--cutoffs empty number message names every policy" \
    'trustassess: league: --cutoffs: expected A,B,C, published, quartiles, quartiles-by-type or fixed, not "1.8,,2.6"' \
    "$(head -n 1 err)"

# quartiles: QUARTILE.INC of the rounded averages, computed here from the
# printed averages, must be the cut-offs explain reports.
run explain "$F" --trust RYY --quarter Q4 --cutoffs quartiles
check "explain --cutoffs quartiles exit" 0 "$rc"
expected_q=$(sed 1d q4.csv | awk "$AWK_CSV"'{ csv_split($0, f); print f[7] }' | sort -n | awk '
    { v[NR] = $1 }
    END { for (k = 1; k <= 3; k++) { h = (NR - 1) * k / 4; i = int(h)
              q = v[i + 1] + (h - i) * (v[i + 2] - v[i + 1])
              printf "%s%.2f", (k > 1 ? ", " : ""), q + 1e-9 } }')
check "quartile cut-offs" "Cut-offs: $expected_q (quartiles (QUARTILE.INC) of the quarter's rounded averages)" \
    "$(grep '^Cut-offs:' out | tr -s ' ')"
run league "$F" --quarter Q4 --cutoffs quartiles
check "--cutoffs quartiles exit" 0 "$rc"
check "--cutoffs quartiles rows" 61 "$(($(wc -l <out) - 1))"
check "--cutoffs quartiles segment sizes" "$(awk "$AWK_CSV"'
    NR > 1 { csv_split($0, f); n[f[9]]++ } END { print n[1] + 0, n[2] + 0, n[3] + 0, n[4] + 0 }' out)" \
    "$(echo "$expected_q" | tr -d ' ' | awk -F, -v t=q4.csv "$AWK_CSV"'
    { c1 = $1; c2 = $2; c3 = $3
      while ((getline line < t) > 0) { if (++r == 1) continue; csv_split(line, f); a = f[7] + 0
          s = 1 + (a > c1 + 1e-9) + (a > c2 + 1e-9) + (a > c3 + 1e-9)
          if (f[10] == "Yes" && s < 3) s = 3; n[s]++ }
      print n[1] + 0, n[2] + 0, n[3] + 0, n[4] + 0 }')"

# No published segments: the default is an input error; published too.
grep -v -E ',OF500[23],' "$F" >nocut.csv
run league nocut.csv --quarter Q4
check "no published cut-offs exit" 3 "$rc"
check "no published cut-offs message" 'trustassess: Q4 2025/26: no trust has published unadjusted segment 1; give --cutoffs A,B,C or --cutoffs quartiles' "$(cat err)"
run league nocut.csv --quarter Q4 --cutoffs published
check "--cutoffs published without rows exit" 3 "$rc"
run league nocut.csv --quarter Q4 --cutoffs quartiles
check "quartiles need no published segments" 0 "$rc"
check "quartiles from the scores alone" "$(sed 1d q4.csv | cut -d, -f5,7 | sort)" "$(sed 1d out | cut -d, -f5,7 | sort)"

# ---- sources and frameworks ---------------------------------------------

run league "$F" --quarter Q4 --from-values
check "--from-values exit" 0 "$rc"
check "--from-values rows" 61 "$(($(wc -l <out) - 1))"
check "--from-values rescoring changes averages" 1 \
    "$([ "$(cut -d, -f5,7 q4.csv | sort)" != "$(cut -d, -f5,7 out | sort)" ] && echo 1 || echo 0)"
# Scoring from raw values says what it cannot know: one warning per metric
# whose comparison pool is wider than the trusts given (issue 15).
check "--from-values: one warning per metric with a wider pool" \
    "OF1005 42 120|OF1041 50 70|OF1016 45 47|OF1086 61 71|OF1082 61 205|OF1057 35 84|OF1063 47 48|" \
    "$(sed -n 's/^trustassess: league: warning: \(OF[0-9]*\) Q4 2025\/26: ranked within the \([0-9]*\) trusts given, but NHS England ranks a pool of \([0-9]*\): these scores are not the published ones$/\1 \2 \3/p' err | tr '\n' '|')"
check "--from-values: nothing else on stderr" 7 "$(wc -l <err | tr -d ' ')"
run league "$F" --quarter Q4 --from-values --detail
check "--from-values --detail: the Warnings column" \
    "OF1005 ranked within 42 of a pool of 120; OF1041 ranked within 50 of a pool of 70; OF1016 ranked within 45 of a pool of 47; OF1086 ranked within 61 of a pool of 71; OF1082 ranked within 61 of a pool of 205; OF1057 ranked within 35 of a pool of 84; OF1063 ranked within 47 of a pool of 48" \
    "$(awk "$AWK_CSV"'{ n = csv_split($0, f) } f[5] == "RV3" { print f[n] }' out)"
# A framework whose Q4 pools are exactly the file's trusts: no warning.
"$T" framework --dump nof-2025-26 | awk -F, '
    $1 == "pool" && $3 == "Q4 2025/26" {
        n = 61
        if ($2 == "OF1005") n = 42
        if ($2 == "OF1041") n = 50
        if ($2 == "OF1016") n = 45
        if ($2 == "OF1057") n = 35
        if ($2 == "OF1063") n = 47
        $9 = n }
    { print }' OFS=, >complete.csv
run league "$F" --quarter Q4 --from-values --framework complete.csv
check "--from-values, every pool complete: exit" 0 "$rc"
check "--from-values, every pool complete: no warning" "" "$(cat err)"
# A finance pair the combination table lacks (OF1079 band 2 with OF1081 band
# 2) is said, not dropped silently.
awk -F, '$1 == "Q4 2025/26" && $5 == "RV3" && $9 == "OF0079" { $13 = "-0.5" }
         $1 == "Q4 2025/26" && $5 == "RV3" && $9 == "OF0081" { $13 = "-0.25" } { print }' OFS=, "$F" >pair.csv
run league pair.csv --quarter Q4 --from-values --detail
check "--from-values: a missing finance pair is warned" 1 \
    "$(grep -c '^trustassess: league: warning: trust RV3: OF1080 not scored: no table entry for OF1079 = 2 and OF1081 = 2$' err)"
check_match "--from-values --detail: the missing pair in the Warnings column" \
    'OF1080 not scored: the table lacks its OF1079 and OF1081 pair' \
    "$(awk "$AWK_CSV"'{ n = csv_split($0, f) } f[5] == "RV3" { print f[n] }' out)"
# A pair with one half not scored (RV3 without OF0081) is not a pair the table
# lacks: the Warnings column says nothing of OF1080 (the note on stderr does).
awk -F, '!($1 == "Q4 2025/26" && $5 == "RV3" && $9 == "OF0081")' OFS=, "$F" >half.csv
run league half.csv --quarter Q4 --from-values --detail
check "--from-values --detail: half a finance pair is no Warnings entry" \
    "0 1" \
    "$(awk "$AWK_CSV"'{ n = csv_split($0, f) } f[5] == "RV3" { print f[n] }' out | grep -c OF1080) $(awk "$AWK_CSV"'{ n = csv_split($0, f) } f[5] == "RV3" { print f[n] }' out | grep -c 'OF1005 ranked within 42')"
run explain "$F" --trust R1L --quarter Q4 --from-values
check "explain --from-values exit" 0 "$rc"
check "explain --from-values source" "Scores from the raw values (OF0xxx), scored by the framework" "$(sed -n 3p out)"
# OF0057 = 66.73 misses the 70% standard: 4.00, as published.
check "from values: OF1057 below standard" "OF1057 effectiveness_experience 4.00 yes" \
    "$(grep '^OF1057' out | awk '{ print $1, $2, $3, $4 }')"

run framework --list
check "framework --list" "nof-2025-26
nof-2025-26-acute
nof-2025-26-ambulance" "$(cat out)"
run framework --metrics nof-2025-26-acute
check "framework --metrics acute exit" 0 "$rc"
check "framework --metrics header" "Framework,Trust_types,Metric_ID,Name,Domain,Raw_id,Direction,Scoring,Threshold,Weight,In_average,Source" "$(head -n 1 out)"
check "framework --metrics acute: infection rates weighted one third" "OF1020:1/3 OF1048:1/3 OF1088:1/3" \
    "$(grep -E ',OF10(20|48|88),' out | cut -d, -f3,10 | tr ',' ':' | tr '\n' ' ' | sed 's/ $//')"
check "framework --metrics acute: A&E 4 hours has its standard" "standard:78" \
    "$(grep ',OF1013,' out | cut -d, -f8,9 | tr ',' ':')"
check "framework --metrics acute: every metric has a source" "0" \
    "$(tail -n +2 out | awk -F, '$NF == ""' | wc -l)"
run framework --metrics nof-2025-26-ambulance --format json
check "framework --metrics ambulance json" 0 "$rc"
check_match "framework --metrics ambulance: trust type" '"Trust_types": *"Ambulance trust"' "$(cat out)"
run framework --metrics nof-2025-26
check "framework --metrics: the first quarter's name for the group" 1 \
    "$(grep -c '^nof-2025-26,Mental health and community trust; Non-acute hospital trust,OF1057,.*,floor,70,' out)"
run framework --metrics nosuch.csv
check "framework --metrics unknown exit" 3 "$rc"
run framework --metrics nof-2025-26 --dump nof-2025-26
check "framework --metrics with --dump exit" 2 "$rc"
run framework --dump nof-2025-26
check "framework --dump exit" 0 "$rc"
cp out fw.csv
check "framework --dump header" "Record,Id,Name,Domain,Raw_id,Direction,Scoring,In_average,Parameters,Weight,Source" "$(head -n 1 fw.csv)"
run framework --check fw.csv
check "framework --check of the dump" "0:" "$rc:$(cat out err)"
run framework --dump nosuch
check "framework --dump unknown exit" 2 "$rc"
run league "$F" --quarter Q4 --framework fw.csv
check "--framework with the dumped preset" "0" "$rc"
check "--framework output = preset output" "$(cat q4.csv)" "$(cat out)"
# The catalogue with the cut-off rule changed: loaded from the file, not the preset.
sed 's/^setting,deficit_cap,,,,,,,3,,$/setting,deficit_cap,,,,,,,0,,/' fw.csv >nocap.csv
run league "$F" --quarter Q4 --framework nocap.csv
check "--framework without deficit cap exit" 0 "$rc"
check "--framework without deficit cap: capped trusts change" 1 \
    "$([ "$(cut -d, -f5,9 q4.csv | sort)" != "$(cut -d, -f5,9 out | sort)" ] && echo 1 || echo 0)"
printf 'Record,Id\nframework,x\n' >badfw.csv
run league "$F" --framework badfw.csv
check "--framework malformed exit" 3 "$rc"
check_match "--framework malformed names file and line" '^trustassess: badfw.csv:1' "$(cat err)"
run league "$F" --framework missing.csv
check "--framework missing exit" 3 "$rc"

# ---- formats ----------------------------------------------------------------

run league "$F" --quarter Q4 --format json
check "json exit" 0 "$rc"
check "json is valid" 0 "$("$PY" -m json.tool out >/dev/null 2>&1; echo $?)"
check "json = csv cell by cell" "ok" "$("$PY" -c '
import csv, json, sys
rows = json.load(open("out"))
table = list(csv.DictReader(open("q4.csv", newline="")))
def same(j, c):
    if j is None: return c == ""
    if isinstance(j, bool): return c == ("Yes" if j else "No")
    if isinstance(j, (int, float)): return abs(j - float(c)) < 1e-9
    return j == c
ok = len(rows) == len(table) == 61 and all(
    list(r.keys()) == list(t.keys()) and all(same(r[k], t[k]) for k in t)
    for r, t in zip(rows, table))
ok = ok and isinstance(rows[0]["Rank"], int) and rows[0]["Likely_range_of_average_score"] is None
ok = ok and {r["Trust_in_financial_deficit"] for r in rows} == {True, False}
print("ok" if ok else "differs")')"
run league "$F" --quarter Q4 --format table
check "table exit" 0 "$rc"
check "table rows" 62 "$(wc -l <out | tr -d ' ')"
check "table header (the empty likely-range columns left out)" "Quarter Region Trust_type Trust_subtype Trust_code Trust_name Average_score Segment Trust_in_financial_deficit Rank" "$(head -n 1 out | tr -s ' ')"
check "table aligned: Trust_code column" \
    "$(head -n 1 out | awk '{ print index($0, "Trust_code") }')" \
    "$(sed -n 2p out | awk '{ print index($0, " RYY ") + 1 }')"
run league "$F" --quarter Q4 --detail
check "--detail exit" 0 "$rc"
check "--detail header" "Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Average_score,Likely_range_of_average_score,Segment,Trust_in_financial_deficit,Rank,Likely_range_of_rank,Unadjusted_segment,Final_segment,Domain_score_access,Domain_score_patient_safety,Domain_score_finance_productivity,Domain_score_people_workforce,Domain_score_effectiveness_experience,Reason,Cutoffs,Warnings" "$(head -n 1 out)"
check "--detail 22 fields" "22" "$(awk "$AWK_CSV"'{ print csv_split($0, f) }' out | sort -u)"
# Kent Community Health (RYY): published domain scores and unadjusted segment.
check "--detail RYY" "RYY 1 1  2.39 1.10 1.21 1.37 2.06" "$(awk "$AWK_CSV"'
    { csv_split($0, f) } f[5] == "RYY" { print f[5], f[9], f[13], f[14], f[15], f[16], f[17], f[18], f[19] }' out)"
# The published domain scores are means of unrounded scores: within 0.01.
check "--detail domains = published OF4000-OF4005 for RYY, within 0.01" "5 0" \
    "$({ grep '^Q4 2025/26,.*,RYY,' "$F"; echo END; awk "$AWK_CSV"'{ csv_split($0, f) } f[5] == "RYY" { print f[15], f[16], f[17], f[18], f[19] }' out; } |
       awk "$AWK_CSV"'
        $0 == "END" { mine = 1; next }
        !mine { csv_split(clean($0), f); if (f[9] ~ /^OF400[02345]$/) pub[f[9]] = f[13]; next }
        { split("OF4000 OF4002 OF4003 OF4004 OF4005", ids, " ")
          for (k = 1; k <= 5; k++) { d = $k - pub[ids[k]]; if (d < 0) d = -d
                                     n++; if (d > 0.01 + 1e-9) bad++ } }
        END { print n, bad + 0 }')"
check "--detail json" 0 "$("$T" league "$F" --quarter Q4 --detail --format json | "$PY" -m json.tool >/dev/null 2>&1; echo $?)"
# The Q1 file publishes the RSP flag: final segments are known there.
run league "$F" --quarter Q1 --detail
check "--detail Q1 final segments known" 0 "$(awk "$AWK_CSV"'NR > 1 { csv_split($0, f); if (f[14] == "") n++ } END { print n + 0 }' out)"

# ---- -o ------------------------------------------------------------------

run league "$F" --quarter Q4 -o league.csv
check "-o exit" 0 "$rc"
check "-o quiet stdout" 0 "$(wc -c <out | tr -d ' ')"
check "-o content" "$(cat q4.csv)" "$(cat league.csv)"
check "-o content exact bytes" 0 "$(cmp -s q4.csv league.csv; echo $?)"
check "-o mode under umask 022" "644" "$(umask 022; "$T" league "$F" --quarter Q4 -o mode.csv; stat -c %a mode.csv)"
echo "old" >keep.csv
run league "$F" --quarter Q9 -o keep.csv
check "-o failing run exit" 2 "$rc"
check "-o failing run leaves the old file" "old" "$(cat keep.csv)"
run league broken-does-not-exist.csv -o new.csv
check "-o unreadable input exit" 3 "$rc"
check "-o unreadable input: no file" "no" "$([ -e new.csv ] && echo yes || echo no)"
run league "$F" --quarter Q4 -o /proc/trustassess-cli-test.csv
check "-o in a read-only directory exit" 3 "$rc"
check_match "-o read-only message" '^trustassess: /proc/trustassess-cli-test.csv: ' "$(cat err)"
check "-o read-only: no file" "no" "$([ -e /proc/trustassess-cli-test.csv ] && echo yes || echo no)"
run league "$F" --quarter Q4 -o nodir/out.csv
check "-o missing directory exit" 3 "$rc"
mkdir adir
run league "$F" --quarter Q4 -o adir
check "-o onto a directory exit" 3 "$rc"
check "-o onto a directory: no temporary left" "" "$(ls -A . | grep '^\.adir\.' ; ls -A adir)"
check "-o leaves no temporary file" "" "$(ls -A . | grep '^\.' )"

# ---- malformed files (exit 3, message names file, line and column) -------

head -n 20 "$F" >base.csv
line21=$(sed -n 21p "$F")
{ cat base.csv; printf '%s\n' "$line21" | cut -d, -f1-8; } >truncated.csv
run league truncated.csv --cutoffs 2,2.3,2.7
check "truncated row exit" 3 "$rc"
check "truncated row message" 'trustassess: truncated.csv:21: the row has 8 fields; column "Metric_ID" is missing' "$(cat err)"
{ cat base.csv; printf '%s\n' "$line21" | sed 's/,Mersey Care NHS Foundation Trust,/,"Mersey Care"x NHS Foundation Trust,/'; } >quoting.csv
run league quoting.csv --cutoffs 2,2.3,2.7
check "bad quoting exit" 3 "$rc"
check "bad quoting message" 'trustassess: quoting.csv:21:112: unexpected character after closing quote' "$(cat err)"
{ cat base.csv; printf '%s\n' "$line21" | sed 's/,Mersey Care NHS Foundation Trust,/,"Mersey Care NHS Foundation Trust,/'; } >unterminated.csv
run league unterminated.csv --cutoffs 2,2.3,2.7
check "unterminated quote exit" 3 "$rc"
check "unterminated quote message" 'trustassess: unterminated.csv:21:99: quoted field is not terminated' "$(cat err)"
{ cat base.csv; printf '%s\n' "$line21" | sed 's/,%,0\.01,/,%,abc,/'; } >text.csv
run league text.csv --cutoffs 2,2.3,2.7
check "text in Value exit" 3 "$rc"
check "text in Value message" 'trustassess: text.csv:21:249: Value is not a number: "abc"' "$(cat err)"
{ cat base.csv; sed -n 2p "$F"; } >duplicate.csv
run league duplicate.csv --cutoffs 2,2.3,2.7
check "duplicate row exit" 3 "$rc"
check "duplicate row message" 'trustassess: duplicate.csv:21:161: OF0005 for trust R1A in Q1 2025/26 is given twice (first on line 2)' "$(cat err)"
{ cat base.csv; printf '%s\n' "$line21" | sed 's/,OF0005,/,OF9999,/'; } >unknown.csv
run league unknown.csv --cutoffs 2,2.3,2.7
check "unknown metric exit" 3 "$rc"
check "unknown metric message" 'trustassess: unknown.csv:21:165: unknown Metric_ID "OF9999" (framework "nof-2025-26" does not define it)' "$(cat err)"
check "malformed: nothing on stdout" 0 "$(wc -c <out | tr -d ' ')"
run league missing.csv
check "missing file exit" 3 "$rc"
check "missing file message" 'trustassess: missing.csv: no such file or directory' "$(cat err)"
: >empty.csv
run league empty.csv
check "empty file exit" 3 "$rc"

# ---- standard input --------------------------------------------------------

"$T" league - --quarter Q4 <"$F" >out 2>err
rc=$?
check "stdin exit" 0 "$rc"
check "stdin = file" "$(cat q4.csv)" "$(cat out)"
"$T" league - --cutoffs 2,2.3,2.7 <text.csv >out 2>err
rc=$?
check "stdin malformed exit" 3 "$rc"
check "stdin malformed message" 'trustassess: <stdin>:21:249: Value is not a number: "abc"' "$(cat err)"
"$T" league - </dev/null >out 2>err
rc=$?
check "stdin empty exit" 3 "$rc"

# ---- explain ----------------------------------------------------------------

run explain "$F" --trust RXE --quarter Q4
check "explain exit" 0 "$rc"
check "explain title" "RXE Rotherham Doncaster and South Humber NHS Foundation Trust, Q4 2025/26" "$(head -n 1 out)"
check "explain segments (capped by the deficit)" "Segments: unadjusted 2, adjusted 3, final unknown" "$(grep '^Segments:' out | tr -s ' ')"
check "explain rank = league rank" "Rank: 32 of 61 (Mental health and community trust)" "$(grep '^Rank:' out | tr -s ' ')"
check "explain cut-offs = published" "Cut-offs: 2.02, 2.29, 2.57 (read off the published averages and segments)" "$(grep '^Cut-offs:' out | tr -s ' ')"
# From the unrounded scores: 2.225413 rounds to the published 2.23 (the mean of
# the published 2-decimal scores, 2.2245..., would round to 2.22).
check_match "explain average rounded" 'rounded half up: 2\.23$' "$(grep '^Average score:' out)"
check "explain deficit" "Financial deficit: yes" "$(grep '^Financial deficit:' out | tr -s ' ')"
check "explain metrics listed" 14 "$(grep -c '^OF1' out)"
check "explain metric scores = published OF1xxx" \
    "$(grep '^Q4 2025/26,.*,RXE,' "$F" | awk "$AWK_CSV"'{ csv_split($0, f) } f[9] ~ /^OF1/ { printf "%s %.2f\n", f[9], f[13] }' | sort)" \
    "$(awk '/^OF1/ && $3 ~ /^[0-9]/ { print $1, $3 }' out | sort)"
check_match "explain better segment" '^Better segment: the rounded average must fall by 0\.[0-9]{2} to reach unadjusted segment 1$' "$(grep '^Better segment:' out | tr -s ' ')"
run explain "$F" --trust RXE
check "explain default quarter = last" "RXE Rotherham Doncaster and South Humber NHS Foundation Trust, Q4 2025/26" "$(head -n 1 out)"
run explain "$F" --trust RYY --quarter Q1
check "explain Q1 RSP known" "Recovery Support Programme: no" "$(grep '^Recovery Support Programme:' out | tr -s ' ')"
run explain "$F" --trust NOPE
check "explain unknown trust exit" 2 "$rc"
check "explain unknown trust message" 'trustassess: explain: no trust "NOPE" in Q4 2025/26' "$(head -n 1 err)"
run explain "$F"
check "explain without --trust exit" 2 "$rc"

# ---- verify ---------------------------------------------------------------

run verify "$F"
check "verify exit" 0 "$rc"
check "verify quiet stderr" 0 "$(wc -c <err | tr -d ' ')"
cp out verify.txt
sed -n '1,/^Differences:/p' verify.txt | sed 's/OF5000 Rank/OF5000Rank/' >summary.txt
# Step by step, segments, overrides and ranks agree for all 61 trusts in
# every quarter (OF5005 is published for Q1 and Q2 only).
check "verify: full step-by-step agreement of segments and ranks" \
    "Q1 OF5003 61 61|Q1 OF5000 61 61|Q1 OF5005 61 61|Q1 OF5000Rank 61 61|Q2 OF5003 61 61|Q2 OF5000 61 61|Q2 OF5005 61 61|Q2 OF5000Rank 61 61|Q3 OF5003 61 61|Q3 OF5000 61 61|Q3 OF5000Rank 61 61|Q4 OF5003 61 61|Q4 OF5000 61 61|Q4 OF5000Rank 61 61|" \
    "$(awk '$4 == "step-by-step" && $3 ~ /^OF500[035]/ { printf "%s %s %s %s|", $1, $3, $5, $6 }' summary.txt)"
check "verify: no unexplained difference anywhere" "0" \
    "$(awk '$4 ~ /^(step-by-step|end-to-end)$/ && NF == 8 { u += $8 } END { print u + 0 }' summary.txt)"
check "verify: summary rows (4 quarters x figures x 2 modes)" 124 \
    "$(awk '$4 ~ /^(step-by-step|end-to-end)$/ && NF == 8' summary.txt | wc -l | tr -d ' ')"
# From the unrounded scores only Q1 keeps averages that differ (the fitted Q1
# pool sizes do not reproduce every score), each within the rounding of the
# published inputs; Q2-Q4 agree exactly.
check "verify: OF5002 step by step, explained per quarter" "3 0 0 0" \
    "$(awk '$3 == "OF5002" && $4 == "step-by-step" { printf "%s%s", (n++ ? " " : ""), $7 }' summary.txt)"
check "verify: every difference explained" "0" "$(grep -c ' unexplained ' verify.txt)"
check_match "verify: result line says figures went unchecked" '^Result: every figure checked agrees or differs only as rounding explains; the figures not checked are listed above$' "$(tail -n 1 verify.txt)"
check_match "verify: the summary counts the figures not checked" '^Not checked: [0-9]+ published figures' "$(grep '^Not checked: [0-9]' verify.txt)"
check_match "verify: unchecked figures listed with the reason" '^Q4 2025/26 +OF4100 +59 +kept, but the framework does not compute it$' "$(grep '^Q4 2025/26  OF4100 ' verify.txt)"
check "verify: a wider pool is not checked, and says why" "Q4 2025/26  OF1082     61  pool of 205 trusts; this file has 61" "$(grep '^Q4 2025/26  OF1082 ' verify.txt)"
check "verify: supplied scores are not checked, and say why" 1 "$(grep -c '^Q4 2025/26  OF1035 .*a supplied score' verify.txt)"
# Metric scores checked from what the file holds: the staff survey scores from
# the raw values (the whole pool is in the file), the finance bands and table,
# OF1057's floor; all agree in every quarter.
check "verify: metric scores checked and agreeing (step by step)" \
    "Q1 OF1061 61 61 0|Q1 OF1079 61 61 0|Q1 OF1081 61 61 0|Q1 OF1080 61 61 0|Q1 OF1084 61 61 0|Q1 OF1057 37 37 0|Q2 OF1061 61 61 0|Q2 OF1079 61 61 0|Q2 OF1081 61 61 0|Q2 OF1080 61 61 0|Q2 OF1084 61 61 0|Q2 OF1057 38 38 0|Q3 OF1061 61 61 0|Q3 OF1079 61 61 0|Q3 OF1081 61 61 0|Q3 OF1080 61 61 0|Q3 OF1084 61 61 0|Q3 OF1057 38 38 0|Q4 OF1061 61 61 0|Q4 OF1079 61 61 0|Q4 OF1081 61 61 0|Q4 OF1080 61 61 0|Q4 OF1084 61 61 0|Q4 OF1057 38 38 0|" \
    "$(awk '$4 == "step-by-step" && $3 ~ /^OF1/ { printf "%s %s %s %s %s|", $1, $3, $5, $6, $8 }' summary.txt)"
run verify "$F" --quarter Q4 --format csv
check "verify csv exit" 0 "$rc"
check "verify csv header" "Section,Quarter,Figure,Mode,Trust_code,Checked,Agreed,Explained,Unexplained,Not_checked,Published,Computed,Verdict,Reason" "$(head -n 1 out)"
check "verify csv: only Q4" "Q4 2025/26" "$(awk "$AWK_CSV"'NR > 1 { csv_split($0, f); print f[2] }' out | sort -u)"
check "verify csv: sections (no difference in Q4)" "summary unchecked" "$(awk "$AWK_CSV"'NR > 1 { csv_split($0, f); print f[1] }' out | sort -u | tr '\n' ' ' | sed 's/ $//')"
check "verify csv: Q4 OF5002 step-by-step summary" "summary,Q4 2025/26,OF5002,step-by-step,,61,61,0,0" \
    "$(grep '^summary,Q4 2025/26,OF5002,step-by-step,' out | cut -d, -f1-9)"
check "verify csv: Q4 end to end, every result figure exact (figure, explained, unexplained)" \
    "OF4000 0 0|OF4002 0 0|OF4003 0 0|OF4004 0 0|OF4005 0 0|OF5002 0 0|OF5003 0 0|OF5000 0 0|OF5000 Rank 0 0|" \
    "$(awk "$AWK_CSV"'{ csv_split($0, f) } f[1] == "summary" && f[4] == "end-to-end" && f[3] ~ /^OF(4|5)/ { printf "%s %s %s|", f[3], f[8], f[9] }' out)"
check "verify csv: not-checked rows carry the reason" "pool of 120 trusts; this file has 42" \
    "$(awk "$AWK_CSV"'{ csv_split($0, f) } f[1] == "unchecked" && f[3] == "OF1005" { print f[14] }' out)"
check "verify csv: 14 fields on every row" "14" "$(awk "$AWK_CSV"'{ print csv_split($0, f) }' out | sort -u)"
run verify "$F" --quarter Q4 --format json -o verify.json
check "verify json exit" 0 "$rc"
check_match "verify json: result and sections" '^\{"result": "ok",$' "$(head -n 1 verify.json)"
run verify "$F" --format json -o verify-all.json
check "verify json over every quarter is valid JSON" 0 "$("$PY" -m json.tool verify-all.json >/dev/null 2>&1; echo $?)"
check "verify json trust codes are the file's" "" "$("$PY" -c 'import json,sys; d=json.load(open("verify-all.json")); print(" ".join(sorted({x["Trust_code"] for x in d["differences"]} - set(sys.argv[1:]))))' $(awk -F, 'NR > 1 { print $5 }' "$F" | sort -u))"
run verify "$F" --quarter Q9
check "verify unknown quarter exit" 2 "$rc"
run verify "$F" --format xml
check "verify bad format exit" 2 "$rc"
check_match "verify bad format names the formats" 'must be csv, table, json or xlsx, not "xml"' "$(cat err)"
run verify text.csv
check "verify malformed file exit" 3 "$rc"
# A published rank that no rule gives: exit 1, reported as unexplained.
awk 'NR == 8586 { sub(/,1\.0\r$/, ",7.0\r") } { print }' "$F" >badrank.csv
check "badrank.csv differs from the file in one line" 1 "$(diff "$F" badrank.csv | grep -c '^>')"
run verify badrank.csv --quarter Q4
check "verify unexplained difference exit" 1 "$rc"
check_match "verify unexplained difference reported" '^Q4 2025/26 .*OF5000 Rank +step-by-step +7 +1 +unexplained' "$(grep ' unexplained ' out | head -n 1)"
check_match "verify unexplained result line" '^Result: some differences are not explained by rounding$' "$(tail -n 1 out)"
"$T" verify - --quarter Q4 <"$F" >out 2>err
check "verify stdin exit" 0 "$?"

# ---- the locale does not change a byte ------------------------------------

for args in "league $F" "league $F --detail --format json" "league $F --quarter Q4 --format table --cutoffs 1.85,2.25,2.65" "explain $F --trust RXE"; do
    # shellcheck disable=SC2086
    c_out=$(LC_ALL=C "$T" $args | cksum)
    # shellcheck disable=SC2086
    de_out=$(LC_ALL=de_DE.UTF-8 "$T" $args | cksum)
    check "de_DE = C: $args" "$c_out" "$de_out"
done
run league "$F" --quarter Q4 --cutoffs 1,8,2,2,2,6
check "decimal commas are not numbers here" 2 "$rc"

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
