#!/bin/sh
# run-fuzz.sh -- runs the libFuzzer harnesses (make fuzz).
#
#   sh fuzz/run-fuzz.sh SRCDIR BUILDDIR HARNESS...
#
# Each harness (fuzz_check, fuzz_query, fuzz_clinic, fuzz_serve, fuzz_lsp)
# runs for FUZZ_SECONDS (default 60) over its corpus
# BUILDDIR/fuzz/corpus/NAME/, which is kept between runs and first seeded
# from the tests, rules and examples of SRCDIR: protocols (*.care) for
# fuzz_check and fuzz_clinic, the lines of query files (*.queries) for
# fuzz_query, the requests of fuzz/serve/ for fuzz_serve, the scripted
# sessions of tests/lsp/ for fuzz_lsp.  FUZZ_JOBS=2 runs two harnesses at a
# time (their output then goes to BUILDDIR/fuzz/NAME.log, shown at the
# end); FUZZ_FLAGS adds libFuzzer options.
#
# Prints one line per harness: "fuzz: NAME: N executions in S s (R/s),
# corpus C, OK" or "... CRASH" with the input that crashed it (saved as
# BUILDDIR/fuzz/crashes/NAME-crash-*, leak-*, timeout-*, oom-*).  Any crash,
# leak, sanitizer report, timeout (over 10 s for one input) or excess memory
# fails the run (exit 1): turn the input into a golden case (see
# fuzz/README.md).
set -u
srcdir=$1
builddir=$2
shift 2
seconds=${FUZZ_SECONDS:-60}
jobs=${FUZZ_JOBS:-1}
flags=${FUZZ_FLAGS:-}
out=$builddir/fuzz
mkdir -p "$out/crashes" || exit 2

# Seeds: copied (not linked) so that libFuzzer may add to the directory.
seed() {
  name=$1 corpus=$out/corpus/$1
  mkdir -p "$corpus"
  case $name in
    fuzz_serve)
      # Requests: "METHOD PATH", the Authorization header, the body.
      for f in "$srcdir"/fuzz/serve/*.req; do
        [ -f "$f" ] || continue
        base=$(basename "$f")
        [ -f "$corpus/seed-$base" ] || cp "$f" "$corpus/seed-$base"
      done ;;
    fuzz_query)
      # One seed per query file (libFuzzer minimises them as it likes).
      for f in "$srcdir"/tests/query/*.queries "$srcdir"/tests/errors/*.queries \
               "$srcdir"/tests/corpus/*.queries; do
        [ -f "$f" ] || continue
        base=$(basename "$f")
        [ -f "$corpus/seed-$base" ] || grep -av '^#' "$f" > "$corpus/seed-$base"
      done ;;
    fuzz_lsp)
      # Sessions of the scripted client, one message body a line (an even
      # first byte: bodies; an odd one: raw bytes).
      for f in "$srcdir"/tests/lsp/*.jsonl "$srcdir"/tests/lsp/*.bytes; do
        [ -f "$f" ] || continue
        base=$(basename "$f")
        [ -f "$corpus/seed-$base" ] || cp "$f" "$corpus/seed-$base"
      done ;;
    *)
      for f in "$srcdir"/rules/*.care "$srcdir"/examples/*.care \
               "$srcdir"/tests/check/*.care "$srcdir"/tests/check/*/*.care \
               "$srcdir"/tests/query/*.care "$srcdir"/tests/errors/*.care \
               "$srcdir"/tests/corpus/*.care; do
        [ -f "$f" ] || continue
        base=$(basename "$(dirname "$f")")-$(basename "$f")
        [ -f "$corpus/seed-$base" ] || cp "$f" "$corpus/seed-$base"
      done ;;
  esac
}

# Runs harness $1; its output to $2.
run() {
  name=$1 log=$2
  case $name in
    fuzz_query) max_len=4096 ;;
    *) max_len=16384 ;;
  esac
  # shellcheck disable=SC2086
  "$builddir/fuzz/$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len="$max_len" -print_final_stats=1 -dict="$srcdir/fuzz/aftercare.dict" \
    -artifact_prefix="$out/crashes/$name-" $flags \
    "$out/corpus/$name" > "$log" 2>&1
}

# The summary line of a finished run ($1 name, $2 log, $3 status).
report() {
  name=$1 log=$2 status=$3
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  corpus=$(ls "$out/corpus/$name" | wc -l)
  if [ "$status" -eq 0 ]; then
    echo "fuzz: $name: ${execs:-?} executions in ${seconds} s (${rate:-?}/s), corpus $corpus, OK"
  else
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
    echo "fuzz: $name: CRASH (exit $status) after ${execs:-?} executions; input: ${artifact:-none written}"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|ALARM|==[0-9]+== ERROR)' "$log" | head -n 5 | sed 's/^/  /'
  fi
}

failed=0
if [ "$jobs" -le 1 ]; then
  for name in "$@"; do
    seed "$name"
    echo "fuzz: $name for $seconds s ..."
    log=$out/$name.log
    run "$name" "$log"
    status=$?
    [ "$status" -eq 0 ] || { tail -n 60 "$log"; failed=1; }
    report "$name" "$log" "$status"
  done
else
  # Batches of $jobs harnesses in the background.
  set -- "$@"
  while [ "$#" -gt 0 ]; do
    batch=
    i=0
    while [ "$#" -gt 0 ] && [ "$i" -lt "$jobs" ]; do
      batch="$batch $1"
      shift
      i=$((i + 1))
    done
    pids=
    for name in $batch; do
      seed "$name"
      echo "fuzz: $name for $seconds s (in the background) ..."
      ( run "$name" "$out/$name.log"; echo $? > "$out/$name.status" ) &
      pids="$pids $!"
    done
    # shellcheck disable=SC2086
    wait $pids
    for name in $batch; do
      status=$(cat "$out/$name.status" 2>/dev/null || echo 99)
      [ "$status" -eq 0 ] || { tail -n 60 "$out/$name.log"; failed=1; }
      report "$name" "$out/$name.log" "$status"
    done
  done
fi
exit "$failed"
