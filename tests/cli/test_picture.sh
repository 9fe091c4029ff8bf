#!/usr/bin/env bash
# The league-table picture (--format html and svg) in a real browser (issue 17).
#
#   test_picture.sh PATH/TO/trustassess PATH/TO/tests/data PATH/TO/examples/data
#
# Headless Chromium (Debian chromium; the OUTPUT group of
# scripts/install-deps.sh) loads the page from a file with a net log: the
# document after loading must hold one mark per trust whose title names it,
# the page must start no network request (the net log's requests whose
# initiator is the page; a control page that does fetch proves the check
# sees them), and the screenshot must show a picture, not a blank page.
# Pixels and the DOM are read by tests/cli/page_check.py (Debian python3-pil).
# Prints "picture: N passed, M failed" and fails when M > 0.
set -u

T=${1:?usage: test_picture.sh TRUSTASSESS DATA_DIR EXAMPLES_DIR}
DATA=${2:?usage: test_picture.sh TRUSTASSESS DATA_DIR EXAMPLES_DIR}
F=$DATA/mental-health-and-community-trust-data-q1-q4.csv
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PY=/usr/bin/python3
export LC_ALL=C

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ta-picture.XXXXXX") || exit 1
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
# browser NAME URL ARGS...: headless Chromium with its own profile and net log
# (NAME.net.json); ARGS say what to produce (--dump-dom, --screenshot=...).
browser() {
    local name=$1 url=$2
    shift 2
    chromium --headless=new --no-sandbox --disable-gpu --no-first-run \
        --disable-background-networking --disable-component-update \
        --user-data-dir="$TMP/profile-$name" --log-net-log="$TMP/$name.net.json" \
        "$@" "$url" 2>"$TMP/$name.log"
}

"$T" league "$F" --quarter "Q4 2025/26" --likely-ranges >q4.csv
awk -F, 'NR > 1 { print $5 }' q4.csv | sort >codes.txt
check "61 trusts in the CSV" 61 "$(wc -l <codes.txt | tr -d ' ')"

"$T" league "$F" --quarter "Q4 2025/26" --likely-ranges --format html -o q4.html
check "html exit" 0 "$?"
browser page "file://$TMP/q4.html" --dump-dom >dom.html
check "chromium loads the page" 0 "$?"
"$PY" "$HERE/page_check.py" marks dom.html >marks.txt
check "61 marks" 61 "$(wc -l <marks.txt | tr -d ' ')"
check "the marks' titles carry the 61 trust codes" "$(cat codes.txt)" "$(cut -f1 marks.txt | sort)"
check "a title: code, name, average, range, segment, rank" \
    "RYY	RYY Kent Community Health NHS Foundation Trust: average 1.53, likely range 1.21 to 1.9, segment 1, rank 1 of 61 (likely 1 to 12)" \
    "$(grep '^RYY' marks.txt)"
check "the page fetched nothing" "" "$("$PY" "$HERE/page_check.py" requests page.net.json)"
check "the table beneath: 61 rows" 61 "$(grep -c '<tr><td>Q4 2025/26</td>' dom.html)"

# The check sees a page that does fetch.
printf '<!DOCTYPE html><html><body><img src="http://example.invalid/x.png"></body></html>' >control.html
browser control "file://$TMP/control.html" --dump-dom >/dev/null
check "control: a fetching page is caught" "http://example.invalid/x.png" \
    "$("$PY" "$HERE/page_check.py" requests control.net.json)"

browser shot "file://$TMP/q4.html" --window-size=1100,620 --screenshot="$TMP/shot.png" >/dev/null
read -r colours permille < <("$PY" "$HERE/page_check.py" pixels shot.png)
check "screenshot: many colours (segments, text)" 1 "$([ "${colours:-0}" -ge 50 ] && echo 1 || echo 0)"
check "screenshot: not blank (>= 3% of pixels drawn)" 1 "$([ "${permille:-0}" -ge 30 ] && echo 1 || echo 0)"

# The same page without likely ranges: dots only, still a mark per trust.
"$T" league "$F" --quarter Q4 --format html -o plain.html
browser plain "file://$TMP/plain.html" --dump-dom >plain-dom.html
check "without likely ranges: 61 marks" 61 "$("$PY" "$HERE/page_check.py" marks plain-dom.html | wc -l | tr -d ' ')"

# svg: one standalone image, well-formed, a mark per trust of each quarter.
"$T" league "$F" --format svg -o all.svg
check "svg exit" 0 "$?"
check "svg is well-formed XML with the SVG namespace" "{http://www.w3.org/2000/svg}svg" \
    "$("$PY" -c 'import xml.etree.ElementTree as E; print(E.parse("all.svg").getroot().tag)')"
check "svg: a mark per trust and quarter (4 x 61)" 244 "$(grep -c 'class="mark"' all.svg)"
browser svg "file://$TMP/all.svg" --window-size=1000,700 --screenshot="$TMP/svg.png" >/dev/null
read -r colours permille < <("$PY" "$HERE/page_check.py" pixels svg.png)
check "svg screenshot: not blank" 1 "$([ "${permille:-0}" -ge 30 ] && echo 1 || echo 0)"
check "svg fetched nothing" "" "$("$PY" "$HERE/page_check.py" requests svg.net.json)"

# Pictures are for league only; other commands name what they give.
"$T" holidays 2026 --format html >/dev/null 2>err
check "holidays --format html: usage error" 2 "$?"

echo "picture: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
