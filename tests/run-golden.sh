#!/bin/sh
# run-golden.sh CASE -- runs one golden case and compares its output.
#
# A case is a file under tests/: a protocol (*.care) or a list of queries
# (*.queries).  Its first line may say how to run it:
#     # args: check --format json %s
# where %s stands for the case's own path ("# args:" alone: no arguments).  A second line
#     # setup: COMMAND
# runs COMMAND with sh first, %t standing (there, in the args and in the
# output) for a fresh temporary directory, removed afterwards: for inputs
# that are not files of the tree (a sparse file of 512 MiB and more).
# Without an args line a .care file runs
# as `aftercare check CASE` and a .queries file as `aftercare query --batch`
# with the file on standard input.  The expected result is CASE minus its
# extension plus .expected: the standard output, a line "--- stderr", the
# standard error, and a last line "--- exit N".
#
# Environment: AFTERCARE (the program), top_srcdir (cases are run from
# there, so paths in diagnostics read tests/...), AC_VALGRIND (a prefix
# such as "valgrind -q --error-exitcode=99 --leak-check=full"),
# AC_VALGRIND_EVERY (N: only one case in N runs under AC_VALGRIND, the
# others as without it: those whose path's checksum plus AC_VALGRIND_OFFSET,
# 0 unless set, is a multiple of N; .ci/run sets N to 3 and the offset to
# the day of the year, so that three days cover every case),
# AC_GOLDEN_TIMEOUT (seconds after which a case counts as hung: 600), UPDATE=1
# (write the expected file instead of comparing).
set -u
case_file=$1
cd "${top_srcdir:-.}" || exit 99
prog=${AFTERCARE:-./aftercare}
valgrind=${AC_VALGRIND:-}
if [ -n "$valgrind" ] && [ "${AC_VALGRIND_EVERY:-1}" -gt 1 ]; then
  sum=$(printf '%s' "$case_file" | cksum | cut -d ' ' -f 1)
  [ $(((sum + ${AC_VALGRIND_OFFSET:-0}) % AC_VALGRIND_EVERY)) -eq 0 ] || valgrind=
fi
expected="${case_file%.*}.expected"
first=$(head -n 1 "$case_file")
args= has_args=
case "$first" in
  "# args: "*) args=${first#\# args: } has_args=1 ;;
  "# args:") has_args=1 ;; # the program with no arguments at all
esac
if [ -z "$has_args" ]; then
  case "$case_file" in
    *.queries) args="query --batch" ;;
    *) args="check %s" ;;
  esac
fi
# shellcheck disable=SC2001
args=$(printf '%s' "$args" | sed "s|%s|$case_file|g")
out=$(mktemp) err=$(mktemp) actual=$(mktemp) tmpdir=
trap 'rm -f "$out" "$err" "$actual"; [ -z "$tmpdir" ] || rm -rf "$tmpdir"' EXIT
setup=$(sed -n '2s/^# setup: //p' "$case_file")
if [ -n "$setup" ]; then
  tmpdir=$(mktemp -d)
  args=$(printf '%s' "$args" | sed "s|%t|$tmpdir|g")
  if ! sh -c "$(printf '%s' "$setup" | sed "s|%t|$tmpdir|g")"; then
    echo "FAIL: $case_file: its setup failed: $setup" >&2
    exit 1
  fi
fi
# A case that hangs fails (AC_GOLDEN_TIMEOUT seconds, 600 by default).
limit=
if command -v timeout > /dev/null 2>&1; then limit="timeout ${AC_GOLDEN_TIMEOUT:-600}"; fi
# shellcheck disable=SC2086
case "$case_file" in
  *.queries) NO_COLOR=1 LC_ALL=C $limit $valgrind "$prog" $args < "$case_file" > "$out" 2> "$err" ;;
  *) NO_COLOR=1 LC_ALL=C $limit $valgrind "$prog" $args < /dev/null > "$out" 2> "$err" ;;
esac
status=$?
if [ -n "$limit" ] && [ "$status" -eq 124 ]; then
  echo "FAIL: $case_file: still running after ${AC_GOLDEN_TIMEOUT:-600} s (a hang?)" >&2
  exit 1
fi
if [ "$status" -eq 99 ] && [ -n "$valgrind" ]; then
  echo "FAIL: $case_file: valgrind found errors" >&2
  cat "$err" >&2
  exit 1
fi
# Under valgrind, keep only the program's own stderr lines.
{ cat "$out"; echo "--- stderr"; grep -v '^==[0-9]*==' "$err"; echo "--- exit $status"; } > "$actual"
if [ -n "$tmpdir" ]; then
  sed "s|$tmpdir|%t|g" "$actual" > "$out" && cp "$out" "$actual"
fi
if [ "${UPDATE:-}" = 1 ]; then
  cp "$actual" "$expected"
  exit 0
fi
if [ ! -f "$expected" ]; then
  echo "FAIL: $case_file: no $expected (run with UPDATE=1 to create it)" >&2
  exit 1
fi
if ! diff -u "$expected" "$actual" >&2; then
  echo "FAIL: $case_file" >&2
  exit 1
fi
exit 0
