#!/bin/sh
# bench.sh [N] -- times N (default 1,000,000) `can` queries in --batch mode
# on the standard protocol: a random mix of its activities and of days
# -10..400 (fixed seed, never one query repeated over and over), checks
# every verdict against bench/oracle.py (an independent brute-force reading
# of rules/smp.care), and prints queries per second, answers written to a
# file and to /dev/null.  Run by `make bench`.
set -eu
top=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
prog=${AFTERCARE:-$top/aftercare}
n=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$prog" query activities | awk '{print $1}' > "$work/activities"
awk -v n="$n" 'BEGIN { srand(20261125) }
  { act[NR] = $1 }
  END { for (i = 0; i < n; i++)
          printf "can %s on day %d\n", act[1 + int(rand() * NR)], int(rand() * 411) - 10 }' \
  "$work/activities" > "$work/queries"
echo "bench: $n queries over $(wc -l < "$work/activities") activities, $(sort -u "$work/queries" | wc -l) distinct"
start=$(date +%s.%N)
"$prog" query --batch < "$work/queries" > "$work/answers"
end=$(date +%s.%N)
# The verdict is the word after the first ": ", before any " (" or " |".
sed -e 's/^[^:]*: //' -e 's/[ ,(|].*//' "$work/answers" > "$work/verdicts"
python3 "$top/bench/oracle.py" "$top/rules/smp.care" "$work/queries" > "$work/expected"
if ! cmp -s "$work/verdicts" "$work/expected"; then
  echo "bench: verdicts differ from the oracle:" >&2
  paste -d' ' "$work/queries" "$work/verdicts" "$work/expected" | awk '$6 != $7' | head >&2
  exit 1
fi
echo "bench: verdicts agree with the oracle on all $n queries:"
sort "$work/verdicts" | uniq -c | sort -rn | sed 's/^/  /'
awk -v s="$start" -v e="$end" -v n="$n" 'BEGIN {
  t = e - s; printf "bench: %.3f s, %.0f queries/s (one core, text answers written to a file)\n", t, n / t }'
# The same answers to /dev/null: the program's own work, without the file
# system's (the answers are 150 bytes each); the best of three runs.
best=
for run in 1 2 3; do
  s=$(date +%s.%N)
  "$prog" query --batch < "$work/queries" > /dev/null
  e=$(date +%s.%N)
  best=$(awk -v s="$s" -v e="$e" -v b="$best" 'BEGIN { t = e - s; print (b == "" || t < b) ? t : b }')
done
awk -v t="$best" -v n="$n" 'BEGIN {
  printf "bench: %.3f s, %.0f queries/s (one core, text answers to /dev/null, best of 3)\n", t, n / t }'
