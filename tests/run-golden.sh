#!/bin/sh
# run-golden.sh CASE -- runs one golden case and compares its output.
#
# A case is a file under tests/: a protocol (*.care) or a list of queries
# (*.queries).  Its first line may say how to run it:
#     # args: check --format json %s
# where %s stands for the case's own path.  Without it a .care file runs
# as `aftercare check CASE` and a .queries file as `aftercare query --batch`
# with the file on standard input.  The expected result is CASE minus its
# extension plus .expected: the standard output, a line "--- stderr", the
# standard error, and a last line "--- exit N".
#
# Environment: AFTERCARE (the program), top_srcdir (cases are run from
# there, so paths in diagnostics read tests/...), AC_VALGRIND (a prefix
# such as "valgrind -q --error-exitcode=99 --leak-check=full"), UPDATE=1
# (write the expected file instead of comparing).
set -u
case_file=$1
cd "${top_srcdir:-.}" || exit 99
prog=${AFTERCARE:-./aftercare}
expected="${case_file%.*}.expected"
first=$(head -n 1 "$case_file")
args=
case "$first" in
  "# args: "*) args=${first#\# args: } ;;
esac
if [ -z "$args" ]; then
  case "$case_file" in
    *.queries) args="query --batch" ;;
    *) args="check %s" ;;
  esac
fi
# shellcheck disable=SC2001
args=$(printf '%s' "$args" | sed "s|%s|$case_file|g")
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
# shellcheck disable=SC2086
case "$case_file" in
  *.queries) NO_COLOR=1 LC_ALL=C ${AC_VALGRIND:-} "$prog" $args < "$case_file" > "$out" 2> "$err" ;;
  *) NO_COLOR=1 LC_ALL=C ${AC_VALGRIND:-} "$prog" $args < /dev/null > "$out" 2> "$err" ;;
esac
status=$?
if [ "$status" -eq 99 ] && [ -n "${AC_VALGRIND:-}" ]; then
  echo "FAIL: $case_file: valgrind found errors" >&2
  cat "$err" >&2
  exit 1
fi
actual=$(mktemp)
trap 'rm -f "$out" "$err" "$actual"' EXIT
# Under valgrind, keep only the program's own stderr lines.
{ cat "$out"; echo "--- stderr"; grep -v '^==[0-9]*==' "$err"; echo "--- exit $status"; } > "$actual"
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
