#!/usr/bin/env bash
# Regenerates the seed corpus tests/fuzz/corpus/<harness>/ from the real files
# in tests/data, the bad-input corpus in tests/bad-input and the built-in
# texts: small slices (the first ~50 lines), so the whole corpus stays far
# below 2 MB. Files named crash-* (regression inputs
# for bugs found by fuzzing) are kept. Run from anywhere; needs only coreutils
# and printf. The first byte of a capital/dates seed selects the harness's
# target (see the harness's comment).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
data=$here/../data
c=$here/corpus
for h in csv nhse framework assessment capital dates; do
    mkdir -p "$c/$h"
    find "$c/$h" -type f ! -name 'crash-*' -delete
done

mh=$data/mental-health-and-community-trust-data-q1-q4.csv
# csv: every data file's head, plus hand-made edge cases
for f in "$data"/*.csv; do
    head -n 50 "$f" >"$c/csv/$(basename "$f" .csv)"
done
printf 'a,"b ""q"" c",d\r\n"multi\nline",,\r\n\r\nlast' >"$c/csv/quoting"
printf '\xef\xbb\xbfx\ry\r\n"unterminated' >"$c/csv/bom-cr-unterminated"

# nhse: the head of the published file, a tail slice (Q4 rows, results
# figures) and one trust's whole Q4 (all metric IDs)
head -n 50 "$mh" >"$c/nhse/head"
awk 'NR == 1 || (/,OF50/ && n++ < 40)' "$mh" >"$c/nhse/results"
awk 'NR == 1 || (/^Q4 2025\/26,.*,RYY,/ && n++ < 60)' "$mh" >"$c/nhse/one-trust-q4"

# framework: the built-in preset's catalogue text and the documented toy
awk '/^Example/ { on = 1; next } on && /^    / { print substr($0, 5); seen = 1; next }
     on && seen { exit }' "$here/../../docs/framework-csv.md" >"$c/framework/toy"
python3 - "$here/../../lib/nof/preset_nof_2025_26.c" >"$c/framework/nof-2025-26" <<'PY'
import ast, re, sys
body = open(sys.argv[1]).read().split("[] =", 1)[1].split(";")[0]
sys.stdout.write("".join(ast.literal_eval(s) for s in re.findall(r'"(?:[^"\\]|\\.)*"', body)))
PY

# assessment: byte streams (op byte, then arguments); 0xFF first = builder
printf '\x00\x03RYY\x01\x01\x05\x02\x03\x10\x05\x0a' >"$c/assessment/trust-run"
printf '\x06\x03\x02T1\x01\x00\x02T2\x03\x7f\x01\x0a\x09\x03\xc0\x00\x00\x00\x10\x0a' \
    >"$c/assessment/columns-cutoffs"
printf '\xff\x00\x00\x01a\x02D1\x01\x00\x02M1\x01a\x02\x0f\x00' >"$c/assessment/builder"

# capital: 0 = money, 1/2 = proposals CSV, 3 = rules CSV
i=0
for m in '£99,999,999.99' '£100,000,000.00' '£1.5bn' '1.505' '-£0.01' \
    '£92,233,720,368,547,758.07' '£92,233,720,368,547,758.08' '£1.234567891m' '  12k ' '1,23'; do
    printf '\x00%s' "$m" >"$c/capital/money-$i"
    i=$((i + 1))
done
printf '\x01\xef\xbb\xbfScheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available,Note\r\nS1,RAA,Advanced foundation trust,"£99,999,999.99",Own savings,£150m,first\r\nS1,RAA,Advanced foundation trust,£1,Own savings,£150m,\r\nS3,RBB,NHS trust,25000000.01,National,0,\r\n' \
    >"$c/capital/proposals"
printf '\x02Scheme_ref,Trust_code,Trust_status,Amount,Funding,Own_savings_available,NOF_segment,Financial_distress,VAT,Whole_life_cost\nS,R,Foundation trust,£2m,Mixed,£1m,2,yes,£10k,£9m\nS,R,bad,x,y,z,9,maybe,-1,\n' \
    >"$c/capital/proposals-keep-going"
printf '\x03Parameter,Value,Source,Note\nlimit_segment_1,£80m,C2 table 1,x\nlight_comparison,<=,board,\nlight_statuses,Foundation trust;Advanced foundation trust,test,\n' \
    >"$c/capital/rules"

# dates: 0 = parse, 1 = arithmetic bytes, 2 = TRUSTS.csv
for d in 2024-02-29 2023-02-29 0000-01-01 9999-12-31 2026-13-01 2026-1-01; do
    printf '\x00%s' "$d" >"$c/dates/parse-$d"
done
printf '\x01\x00\x36\x01\x1c\x00\x36\x02\x01\x05\x00\x08\xc8\x80\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x0b' \
    >"$c/dates/arithmetic"
{
    printf '\x02'
    cut -d, -f1,2 "$data/aft-nominated-2025.csv" | sed '1s/$/,Authorised_on,Last_reviewed_on/; 2,$s/$/,2021-04-01,/'
} >"$c/dates/trusts"
printf '\x02\xef\xbb\xbfTrust_code,Trust_name,Authorised_on,Last_reviewed_on,Ceases_on\r\nRWX,"A, ""B""",2020-02-29,2024-02-29,\r\nRY3,C,2026-01-15,,2027-01-01\r\n' \
    >"$c/dates/trusts-feb29"
# the bad-input corpus (tests/bad-input, issue 19): every file seeds the CSV
# reader; the NOF files seed nhse, the catalogues framework, the proposals
# capital (target 1), the trusts files dates (target 2)
bad=$here/../bad-input
for f in "$bad"/*.csv; do
    n=$(basename "$f" .csv)
    cp "$f" "$c/csv/bad-$n"
    case $n in
    nof-*) cp "$f" "$c/nhse/bad-$n" ;;
    framework-*) cp "$f" "$c/framework/bad-$n" ;;
    capital-*) { printf '\x01'; cat "$f"; } >"$c/capital/bad-$n" ;;
    reviews-*) { printf '\x02'; cat "$f"; } >"$c/dates/bad-$n" ;;
    esac
done

du -sh "$c"
