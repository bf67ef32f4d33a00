#!/usr/bin/env bash
# peers.sh [DATA_DIR] -- aftercare side by side with CLIPS 6.30, SWI-Prolog and
# the plain-C reference ref.c, in one run, on the neutral "interval verdict"
# workload of ../shared/bench-peers (README there), which is used in place and
# never copied into the project.  Not part of `make check`: it needs `clips`
# and `swipl` (Debian: apt-get install clips swi-prolog), Python 3 and gcc.
#
# Workload: protocols of (activity, allow|forbid, from, to) rules, days
# inclusive, `to` possibly open; a query (activity, day) is forbidden if a
# forbid rule covers the day, else allowed if an allow rule does, else unknown.
# smp: 15 activities, 30 rules; nN: N activities x 10 random overlapping rules.
# Each query file holds Q queries, a random mix (fixed seed; days 1..400;
# about 1% name activities the protocol lacks, expected verdict `unknown`).
#
#   1. gen.py makes the data in DATA_DIR (default /tmp/bench-peers; kept when
#      it is there with Q queries); ref.c (gcc -O2) answers every query file
#      and must equal oracle.py byte for byte.
#   2. bench/tsv2care.py turns each TSV protocol into an aftercare protocol
#      (one rule per TSV line; each forbid rule `overrides` the allow rules of
#      its activity whose days it overlaps: the workload's precedence, without
#      which aftercare reports a conflict) and each query into
#      `can ACTIVITY on day D`; `aftercare check` must find no error in the
#      converted protocols (its warnings are counted and printed: AC0401 allow
#      rules that forbid rules override on every day, AC0402 undecided days,
#      e.g. day 0).  conv.py converts for CLIPS and Prolog.  These one-off
#      steps are timed apart ("prep"), not counted as load.
#   3. Every engine on every workload, REPS times, interleaved, exactly as the
#      harness's run.sh does: under /usr/bin/time and timeout CAP, once with an
#      empty query file (load = start + load the protocol), once with the full
#      one (total); wall time from EPOCHREALTIME.  aftercare runs as
#        aftercare query --protocol W.care --batch < W.cq > OUT
#      and its answers are mapped to verdicts (tsv2care.py verdicts: the word
#      after the first ": " of each answer line).  Semantic difference: a
#      query naming an activity the protocol does not declare is an error for
#      aftercare (`unknown activity 'nope3' [AC0101]` on standard error, no
#      answer line, exit status 1): the mapping reads such a query, which has
#      no answer line, as the verdict `unknown`, and checks that the errors
#      shown (the first 100: --max-errors) and the count of the others add up
#      to them; any other diagnostic makes the run FAIL.  Every query's verdict, of every engine,
#      is compared with ref.c's (sha256 of the whole output): WRONG if any
#      differs, FAIL on another exit status, TIMEOUT past CAP.
#   4. raw.tsv, prep.tsv and report.md (the harness's report.py: medians;
#      queries/s = queries / (total - load)) in DATA_DIR; report.md is printed,
#      followed by the ratios of aftercare to each other engine, per workload:
#      queries/s and load time.
#
# Env: REPS=3 Q=1000000 WORKLOADS="smp n1000 n10000 n100000"
#      ENGINES="ref aftercare clips-single clips-batch swipl" (swipl-qlf also known)
#      AFTERCARE=$top/aftercare PEERS=$top/../shared/bench-peers
#      CAP=300 (seconds per run, as the harness) CLIPS_BATCH=100
# Run time with the defaults: about 10 minutes on 2 vCPUs, most of it CLIPS.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
PEERS=$(cd "${PEERS:-$top/../shared/bench-peers}" && pwd) || { echo "peers.sh: no harness at ${PEERS:-$top/../shared/bench-peers}" >&2; exit 1; }
AFTERCARE=${AFTERCARE:-$top/aftercare}
case $AFTERCARE in /*) ;; *) AFTERCARE=$PWD/$AFTERCARE ;; esac
[ -x "$AFTERCARE" ] || { echo "peers.sh: $AFTERCARE is not an executable (make it first)" >&2; exit 1; }
TSV2CARE=$top/bench/tsv2care.py
REPS=${REPS:-3} Q=${Q:-1000000} CAP=${CAP:-300} B=${CLIPS_BATCH:-100}
WORKLOADS=${WORKLOADS:-smp n1000 n10000 n100000}
ENGINES=${ENGINES:-ref aftercare clips-single clips-batch swipl}
for e in $ENGINES; do
  case $e in
    ref|aftercare|clips-single|clips-batch|swipl|swipl-qlf) ;;
    *) echo "peers.sh: unknown engine '$e'" >&2; exit 2 ;;
  esac
done
has() { case " $ENGINES " in *" $1 "*) return 0 ;; esac; return 1; }
mkdir -p "${1:-/tmp/bench-peers}" && D=$(cd "${1:-/tmp/bench-peers}" && pwd) || exit 1
mkdir -p "$D/bin" "$D/out"
cd "$D" || exit 1
run_t0=$EPOCHREALTIME
echo "peers.sh: aftercare $("$AFTERCARE" --version | head -1), harness $PEERS, data $D"

# ---- 1. data, ref.c checked against the oracle
[ -f n100000.q ] && [ -f smp.q ] && [ "$(wc -l < smp.q)" = "$Q" ] || python3 "$PEERS/gen.py" "$D" "$Q" || exit 1
sha256sum smp.tsv n*.tsv smp.q n*[0-9].q > data.sha256   # to confirm a rerun used identical data
gcc -O2 -o bin/ref "$PEERS/ref.c" || exit 1
: > empty.q
: > empty.cq
declare -A WANT
for w in $WORKLOADS; do
  bin/ref $w.tsv $w.q out/$w.q.ref && python3 "$PEERS/oracle.py" $w.tsv $w.q out/$w.q.oracle || exit 1
  cmp -s out/$w.q.ref out/$w.q.oracle || { echo "ref.c disagrees with oracle on $w.q"; exit 1; }
  WANT[$w.q]=$(sha256sum < out/$w.q.ref | cut -c1-64)
  rm -f out/$w.q.oracle
done
echo "ref.c == oracle.py on all query files"

# ---- 2. one-off conversions (prep: timed, not counted as load)
: > prep.tsv
secs() { awk "BEGIN { printf \"%.4f\", $2 - $1 }"; }   # secs T0 T1 (EPOCHREALTIME values)
prep() {  # prep NAME CMD... : run once, record seconds
  local t0=$EPOCHREALTIME; "${@:2}" >/dev/null 2>out/prep.err || { echo "prep $1 failed:"; cat out/prep.err; exit 1; }
  echo -e "$1\t$(secs "$t0" "$EPOCHREALTIME")" >> prep.tsv
}
for w in $WORKLOADS; do
  if has aftercare; then
    prep "tsv2care protocol $w" python3 "$TSV2CARE" protocol $w.tsv $w.care peers_$w
    prep "tsv2care queries $w"  python3 "$TSV2CARE" queries $w.q $w.cq
    # the converted protocol must have no error; its warnings are counted
    "$AFTERCARE" check --max-errors=1000000 $w.care > out/check.txt 2>&1
    rc=$?
    echo "aftercare check $w.care: exit $rc, $(grep -cE '^[^ ]+: (error|warning): ' out/check.txt) diagnostics"
    grep -oE '^[^ ]+: (error|warning): .*\[AC[0-9]+\]$' out/check.txt | sed -E 's/^[^ ]+ ([a-z]+): .*\[(AC[0-9]+)\]$/\1 \2/' \
      | sort | uniq -c | sed 's/^/  /'
    [ $rc = 0 ] || { head -20 out/check.txt; echo "peers.sh: $w.care has errors"; exit 1; }
  fi
  if has clips-single || has clips-batch; then prep "conv-clips $w" python3 "$PEERS/conv.py" clips $w.tsv $w.fct; fi
  if has swipl || has swipl-qlf; then prep "conv-prolog $w" python3 "$PEERS/conv.py" prolog $w.tsv $w.pl; fi
  if has swipl-qlf; then prep "qcompile $w" swipl -g "qcompile('$D/$w.pl')" -t halt; fi
done

# ---- 3. engines: engine ENGINE W QFILE OUT (QFILE: the TSV queries; aftercare reads QFILE's .cq twin)
engine() {
  case $1 in
    ref)       bin/ref $2.tsv $3 $4 ;;
    aftercare) "$AFTERCARE" query --protocol "$2.care" --batch < "${3%.q}.cq" > "$4" 2> "$4.err" ;;
    clips-*)   local clp=verdict.clp; [ $1 = clips-single ] && clp=verdict_single.clp
               printf '(load* "%s")\n(load-facts "%s")\n(answer-queries "%s" "%s" %s)\n(exit)\n' \
                 "$PEERS/$clp" "$D/$2.fct" "$D/$3" "$D/$4" "$B" > out/drv.clp
               clips -f2 out/drv.clp < /dev/null > /dev/null ;;   # stdin closed: never interactive
    swipl)     swipl -O "$PEERS/verdict.pl" -- $2.pl $3 $4 ;;
    swipl-qlf) swipl -O "$PEERS/verdict.pl" -- $2.qlf $3 $4 ;;
  esac
}
export -f engine; export PEERS D B AFTERCARE

# One timed run -> a row of raw.tsv: engine workload queries kind rep wall_s peak_kb cpu_s status
timed() {  # timed ENGINE W QFILE KIND REP
  local out=out/$1.$3.$4 t0 t1 rc mem usr sys st=ok
  rm -f "$out" "$out.err" "$out.v"
  t0=$EPOCHREALTIME
  /usr/bin/time -f '%e s %M KB %U %S' -o out/time.txt timeout -k 5 "$CAP" bash -c 'engine "$@"' _ "$1" "$2" "$3" "$out" 2> out/stderr.txt
  rc=$?; t1=$EPOCHREALTIME
  read -r _ _ mem _ usr sys < <(tail -1 out/time.txt)    # "%e s %M KB %U %S"
  if [ $rc = 124 ] || [ $rc = 137 ]; then st=TIMEOUT
  elif [ $1 = aftercare ]; then
    # exit 1 = some query could not be answered: allowed only for unknown
    # activities, which tsv2care.py verdicts checks and maps to `unknown`
    if [ $rc != 0 ] && { [ $rc != 1 ] || [ "$4" = load ]; }; then st=FAIL; head -3 "$out.err" out/stderr.txt >&2
    elif [ "$4" = total ]; then
      if ! python3 "$TSV2CARE" verdicts "$3" "$out" "$out.err" "$out.v"; then st=FAIL
      elif [ "$(sha256sum < "$out.v" | cut -c1-64)" != "${WANT[$3]}" ]; then st=WRONG
        cmp "$out.v" "out/$3.ref" | head -1 >&2; fi
    elif [ -s "$out" ] || [ -s "$out.err" ]; then st=FAIL; head -3 "$out" "$out.err" >&2
    fi
  elif [ $rc != 0 ]; then st=FAIL; head -3 out/stderr.txt >&2
  elif [ "$4" = total ] && [ "$(sha256sum < "$out" | cut -c1-64)" != "${WANT[$3]}" ]; then st=WRONG
  fi
  rm -f "$out" "$out.err" "$out.v"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$(wc -l < "$3")" "$4" "$5" \
    "$(secs "$t0" "$t1")" "${mem:-0}" "$(secs 0 "${usr:-0}+${sys:-0}")" "$st" | tee -a raw.tsv
}

echo -e "engine\tworkload\tqueries\tkind\trep\twall_s\tpeak_kb\tcpu_s\tstatus" > raw.tsv
for rep in $(seq "$REPS"); do          # repetitions interleaved, so noise bursts spread out
  for e in $ENGINES; do
    for w in $WORKLOADS; do
      timed "$e" "$w" empty.q load "$rep" > /dev/null
      timed "$e" "$w" "$w.q" total "$rep"
    done
  done
done

# ---- 4. report: the harness's median table, then aftercare's ratios to the others
python3 "$PEERS/report.py" raw.tsv prep.tsv > report.md
python3 - raw.tsv >> report.md <<'EOF'
import statistics as st, sys
from collections import defaultdict
runs = defaultdict(lambda: {"load": [], "total": [], "bad": False, "q": 0})
engines, workloads = [], []
with open(sys.argv[1]) as f:
    next(f)
    for line in f:
        e, w, q, kind, rep, wall, kb, cpu, status = line.rstrip("\n").split("\t")
        engines += [e] * (e not in engines)
        workloads += [w] * (w not in workloads)
        r = runs[e, w]
        r[kind].append(float(wall))
        r["bad"] |= status != "ok"
        if kind == "total":
            r["q"] = int(q)
def qps(e, w):
    r = runs.get((e, w))
    if not r or r["bad"] or not r["total"]:
        return None
    dt = st.median(r["total"]) - st.median(r["load"])
    return r["q"] / dt if dt > 0 else None
def load(e, w):
    r = runs.get((e, w))
    return None if not r or r["bad"] or not r["load"] else st.median(r["load"])
def ratio(a, b, fmt="%.3g"):
    return fmt % (a / b) if a is not None and b else "n/a"
others = sorted((e for e in engines if e != "aftercare"), key=lambda e: (not e.startswith("clips"), engines.index(e)))
if "aftercare" in engines and others:
    print("\naftercare compared with the other engines (medians; queries/s ratio > 1: aftercare answers faster;"
          " load ratio > 1: aftercare loads slower):\n")
    for w in workloads:
        for e in others:
            print("- %s: aftercare/%s queries/s = %s, aftercare/%s load = %s" % (
                w, e, ratio(qps("aftercare", w), qps(e, w)), e, ratio(load("aftercare", w), load(e, w))))
EOF
cat report.md
echo "peers.sh: done in $(secs "$run_t0" "$EPOCHREALTIME") s; data and results in $D"
if grep -qvE '	ok$|	status$' raw.tsv; then echo "peers.sh: some runs were not correct (see raw.tsv)" >&2; exit 1; fi
