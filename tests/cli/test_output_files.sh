#!/usr/bin/env bash
# End-to-end tests of what `-o OUT` does to what is already at OUT (issue 19):
# it destroys nothing. A device node stays a device node (written in place, as
# `> OUT` would: /dev/null-like succeeds, /dev/full-like fails with ENOSPC), a
# FIFO stays a FIFO and its reader gets the output, a symbolic link stays a
# link and the file it names gets the output, a regular file keeps its mode,
# owner and group, and a run that fails leaves OUT byte for byte as it was.
#
#   test_output_files.sh PATH/TO/trustassess PATH/TO/tests/data PATH/TO/examples/data
#
# Device nodes are made with mknod in the test's own directory when the test
# may (as root); otherwise the system's /dev/null and /dev/full are used, which
# correct code only opens. Same style as run_cli_tests.sh. Prints
# "cli-output-files: N passed, M failed" and fails when M > 0.
set -u

T=${1:?usage: test_output_files.sh TRUSTASSESS DATA_DIR EXAMPLES_DATA_DIR}
DATA=${2:?usage: test_output_files.sh TRUSTASSESS DATA_DIR EXAMPLES_DATA_DIR}
EX=${3:?usage: test_output_files.sh TRUSTASSESS DATA_DIR EXAMPLES_DATA_DIR}
NOF=$DATA/mental-health-and-community-trust-data-q1-q4.csv
PROPOSALS=$EX/capital-proposals.csv
export LC_ALL=C
umask 022

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ta-cli-output.XXXXXX") || exit 1
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

# run ARGS...: stdout in $TMP/out, stderr in $TMP/err, exit code in $rc.
run() {
    "$T" "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
}

"$T" holidays 2026 >expected.csv

# ---- device nodes: written in place, never replaced -------------------------

if mknod null c 1 3 2>/dev/null && mknod full c 1 7 2>/dev/null; then
    null=null
    full=full
else
    null=/dev/null
    full=/dev/full
fi
run holidays 2026 -o "$null"
check "-o /dev/null-like exit" 0 "$rc"
check "-o /dev/null-like stays a character device" "character special file 1,3" \
    "$(stat -c '%F %t,%T' "$null")"
run holidays 2026 -o "$full"
check "-o /dev/full-like exit (ENOSPC is an error)" 3 "$rc"
check "-o /dev/full-like message" "trustassess: $full: cannot write: No space left on device" \
    "$(cat err)"
check "-o /dev/full-like stays a character device" "character special file 1,7" \
    "$(stat -c '%F %t,%T' "$full")"
check "-o device: no temporary left" "" "$(ls -A . | grep '^\.')"

# ---- a FIFO: its reader gets the output -------------------------------------

mkfifo pipe
# The read end is held by this shell on fd 4, opened through a read-write fd 3
# (which does not block) that is closed again before the run: no background
# reader, so no race with it, and a regression that replaced the FIFO gives an
# empty read instead of a hang. The output (a few hundred bytes) fits in the
# pipe's buffer.
exec 3<>pipe 4<pipe 3>&-
run holidays 2026 -o pipe
cat <&4 >from-pipe
exec 4<&-
check "-o FIFO exit" 0 "$rc"
check "-o FIFO stays a FIFO" "fifo" "$(stat -c %F pipe)"
check "-o FIFO: the reader got the output" 0 "$(cmp -s expected.csv from-pipe; echo $?)"

# ---- symbolic links: followed, kept ----------------------------------------

mkdir sub
echo old >sub/target.csv
ln -s sub/target.csv link.csv
run holidays 2026 -o link.csv
check "-o symlink exit" 0 "$rc"
check "-o symlink stays a link" "sub/target.csv" "$(readlink link.csv)"
check "-o symlink: the target has the output" 0 "$(cmp -s expected.csv sub/target.csv; echo $?)"
check "-o symlink: no temporary beside the link or the target" "" \
    "$( (ls -A; ls -A sub) | grep '^\.')"
# a chain of links, the last one relative to its own directory and dangling
ln -s target2.csv sub/link2.csv
ln -s sub/link2.csv chain.csv
run holidays 2026 -o chain.csv
check "-o dangling link chain exit" 0 "$rc"
check "-o dangling link chain: links kept" "sub/link2.csv target2.csv" \
    "$(readlink chain.csv) $(readlink sub/link2.csv)"
check "-o dangling link chain: the final name is created" 0 \
    "$(cmp -s expected.csv sub/target2.csv; echo $?)"
ln -s loop-b loop-a
ln -s loop-a loop-b
run holidays 2026 -o loop-a
check "-o link loop exit" 3 "$rc"
check "-o link loop message" "trustassess: loop-a: cannot follow the link: Too many levels of symbolic links" \
    "$(cat err)"

# ---- a regular file keeps its mode, owner and group ------------------------

echo secret >private.csv
chmod 600 private.csv
run holidays 2026 -o private.csv
check "-o 0600 file exit" 0 "$rc"
check "-o 0600 file stays 0600" "600" "$(stat -c %a private.csv)"
check "-o 0600 file has the output" 0 "$(cmp -s expected.csv private.csv; echo $?)"
echo old >wide.csv
chmod 640 wide.csv
run holidays 2026 -o wide.csv
check "-o 0640 file stays 0640 (not 0644 from the umask)" "640" "$(stat -c %a wide.csv)"
if [ "$(id -u)" = 0 ]; then
    echo theirs >owned.csv
    chown 4321:8765 owned.csv
    chmod 604 owned.csv
    run holidays 2026 -o owned.csv
    check "-o another user's file exit (root)" 0 "$rc"
    check "-o another user's file keeps owner, group and mode" "4321:8765 604" \
        "$(stat -c '%u:%g %a' owned.csv)"
else
    echo mine >owned.csv
    chmod 604 owned.csv
    run holidays 2026 -o owned.csv
    check "-o own file exit" 0 "$rc"
    check "-o own file keeps owner, group and mode" "$(id -u):$(id -g) 604" \
        "$(stat -c '%u:%g %a' owned.csv)"
fi
run holidays 2026 -o fresh.csv
check "-o new file: 0666 less the umask" "644" "$(stat -c %a fresh.csv)"

# ---- a failed run leaves OUT as it was ---------------------------------------

printf 'precious\n' >keep.csv
chmod 600 keep.csv
run league "$NOF" --quarter Q9 -o keep.csv
check "-o failed run (usage) exit" 2 "$rc"
check "-o failed run (usage) leaves OUT" "precious 600" "$(cat keep.csv) $(stat -c %a keep.csv)"
printf 'Period,Region\n' >bad.csv
run league bad.csv -o keep.csv
check "-o failed run (input) exit" 3 "$rc"
check "-o failed run (input) leaves OUT" "precious" "$(cat keep.csv)"
run holidays 2026 -o keep.csv/child
check "-o under a file exit" 3 "$rc"
check "-o under a file leaves the file" "precious" "$(cat keep.csv)"
mkdir adir
run holidays 2026 -o adir
check "-o a directory exit" 3 "$rc"
check "-o a directory message" "trustassess: adir: is a directory" "$(cat err)"
run holidays 2026 -o ""
check "-o \"\" is an argument error: exit" 2 "$rc"
check "-o \"\" message" 'trustassess: -o needs a file name, not ""' "$(cat err)"
check "-o leaves no temporary file" "" "$(ls -A . | grep '^\.')"

# ---- capital --keep-going: says it replaces OUT, and does -------------------

check "--keep-going help says OUT is replaced" 1 \
    "$("$T" capital --help | tr -s ' \n' ' ' | grep -c 'OUT is replaced by the good rows alone')"
{ head -n 2 "$PROPOSALS"; printf 'BAD-1,RXX,Foundation trust,not money,Own savings,yes\n'; } \
    >some-bad.csv
printf 'precious\n' >kg.csv
run capital some-bad.csv -o kg.csv
check "capital without --keep-going: exit" 3 "$rc"
check "capital without --keep-going leaves OUT" "precious" "$(cat kg.csv)"
run capital some-bad.csv --keep-going -o kg.csv
check "capital --keep-going exit" 3 "$rc"
check "capital --keep-going: OUT holds the header and the one good row" 2 "$(wc -l <kg.csv | tr -d ' ')"

echo "cli-output-files: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
