#!/bin/bash
# serve.sh -- make bench-serve: aftercare serve under load and faults
# (docs/performance.md, "aftercare serve").  Not a test: it prints figures
# and, for each target of issue 16, "ok" or "MISSED".
#
#   AFTERCARE=./aftercare bash bench/serve.sh
#
# 1. wrk, keep-alive, 64 connections, BENCH_SECONDS (20) s, POST /v1/query
#    "can swim on day 20": requests/s (target >= 20,000), p99 (< 10 ms),
#    non-2xx answers (none);
# 2. resident memory after 10,000 requests and after BENCH_TOTAL
#    (1,000,000): within 10 %;
# 3. 500 idle connections held open: GET /healthz within 100 ms;
# 4. reload storm: two versions of a protocol that answer one query
#    differently swapped in (rename) and SIGHUP sent every 100 ms during
#    BENCH_STORM_SECONDS (10) s of load: every answer one version's whole;
# 5. a 100 MiB body announced: 413 at once (< 100 ms).
#
# The server and wrk share the machine's cores (wrk -t2, --workers 2 by
# default: BENCH_WORKERS).  Needs wrk, curl and python3.
set -euo pipefail
prog=${AFTERCARE:-./aftercare}
top=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
seconds=${BENCH_SECONDS:-20}
total=${BENCH_TOTAL:-1000000}
storm_seconds=${BENCH_STORM_SECONDS:-10}
workers=${BENCH_WORKERS:-2}
for tool in wrk curl python3; do
  command -v "$tool" > /dev/null || { echo "bench-serve: $tool is needed (bash .ci/deps --ci)" >&2; exit 2; }
done
tmp=$(mktemp -d /tmp/aftercare-bench-serve.XXXXXX)
pid=
cleanup() {
  [ -z "$pid" ] || kill "$pid" 2> /dev/null || true
  [ -z "$pid" ] || wait "$pid" 2> /dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
missed=0
verdict() { # $1 ok?  $2 text
  if [ "$1" = 1 ]; then echo "  ok      $2"; else echo "  MISSED  $2"; missed=1; fi
}

# Starts the server with the given arguments; sets pid and url.
start() {
  "$prog" serve --listen 127.0.0.1:0 --workers "$workers" --quiet "$@" 2> "$tmp/server.log" &
  pid=$!
  for _ in $(seq 100); do
    port=$(sed -n 's#^aftercare: listening on http://127.0.0.1:\([0-9]*\)/$#\1#p' "$tmp/server.log")
    [ -z "$port" ] || break
    sleep 0.05
  done
  [ -n "$port" ] || { cat "$tmp/server.log"; echo "bench-serve: the server did not start" >&2; exit 1; }
  url=http://127.0.0.1:$port
}
stop() {
  kill -TERM "$pid"
  wait "$pid" || true
  pid=
}
rss() { awk '/^VmRSS:/ {print $2}' "/proc/$pid/status"; }
answered() { curl -s "$url/metrics" | sed -n 's/^aftercare_request_duration_seconds_count //p'; }

echo "bench-serve: $(nproc) cores, --workers $workers, wrk -t2 -c64"

# ---- 1, 2: throughput, latency, memory ----
start
wrk -t2 -c64 -d1s -s "$top/bench/serve-query.lua" "$url" > /dev/null
while [ "$(answered)" -lt 10000 ]; do
  wrk -t2 -c64 -d1s -s "$top/bench/serve-query.lua" "$url" > /dev/null
done
rss_10k=$(rss)
n_10k=$(answered)
wrk -t2 -c64 -d"${seconds}s" --latency -s "$top/bench/serve-query.lua" "$url" > "$tmp/wrk.out"
rate=$(sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' "$tmp/wrk.out")
line=$(grep '^wrk: requests' "$tmp/wrk.out")
p99=$(echo "$line" | sed -n 's/.*p99 \([0-9.]*\) ms/\1/p')
non2xx=$(echo "$line" | sed -n 's/.*non-2xx \([0-9]*\),.*/\1/p')
errors=$(echo "$line" | sed -n 's/.*errors \([0-9]*\),.*/\1/p')
echo "wrk, $seconds s: $rate requests/s, p99 $p99 ms, non-2xx $non2xx, socket errors $errors"
verdict "$(python3 -c "print(int($rate >= 20000))")" "at least 20,000 requests/s ($rate)"
verdict "$(python3 -c "print(int($p99 < 10))")" "p99 under 10 ms ($p99 ms)"
verdict "$([ "$non2xx" = 0 ] && [ "$errors" = 0 ] && echo 1 || echo 0)" "no non-2xx answer, no error ($non2xx, $errors)"
while [ "$(answered)" -lt "$total" ]; do
  wrk -t2 -c64 -d10s -s "$top/bench/serve-query.lua" "$url" > /dev/null
done
rss_1m=$(rss)
n_1m=$(answered)
echo "resident memory: $rss_10k kB after $n_10k requests, $rss_1m kB after $n_1m"
verdict "$(python3 -c "print(int(abs($rss_1m - $rss_10k) <= 0.10 * $rss_10k))")" \
  "memory after $n_1m requests within 10 % of that after $n_10k"

# ---- 3: idle connections ----
python3 - "$port" > "$tmp/idle.out" << 'PYTHON'
import socket, sys, time, http.client
port = int(sys.argv[1])
idle = []
for _ in range(500):
    s = socket.create_connection(("127.0.0.1", port))
    idle.append(s)
time.sleep(0.5)
worst = 0.0
for _ in range(10):
    t = time.monotonic()
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    c.request("GET", "/healthz")
    r = c.getresponse()
    body = r.read()
    c.close()
    assert r.status == 200 and body == b"ok\n", (r.status, body)
    worst = max(worst, time.monotonic() - t)
print("%.1f" % (worst * 1000))
PYTHON
idle_ms=$(cat "$tmp/idle.out")
echo "500 idle connections: /healthz answers in at most $idle_ms ms (10 tries)"
verdict "$(python3 -c "print(int($idle_ms < 100))")" "/healthz within 100 ms with 500 idle connections"

# ---- 5: a 100 MiB body ----
python3 - "$port" > "$tmp/big.out" << 'PYTHON'
import socket, sys, time
port = int(sys.argv[1])
s = socket.create_connection(("127.0.0.1", port))
t = time.monotonic()
s.sendall(b"POST /v1/query HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          b"Content-Length: 104857600\r\n\r\n" + b" " * 65536)
data = s.recv(4096)
ms = (time.monotonic() - t) * 1000
print(data.split(b"\r\n")[0].decode(), "%.1f" % ms)
PYTHON
read -r _ status _ big_ms < "$tmp/big.out" || true
big_ms=$(awk '{print $NF}' "$tmp/big.out")
status=$(awk '{print $2}' "$tmp/big.out")
echo "100 MiB body announced: $status in $big_ms ms"
verdict "$(python3 -c "print(int('$status' == '413' and $big_ms < 100))")" "413 at once for a 100 MiB body"
stop

# ---- 4: reload storm ----
cat > "$tmp/a.care" << 'EOF'
protocol clinic { version "A"; }
extends "smp";
rule clinic_swim: forbid swim first 8 weeks because "Version A.";
EOF
cat > "$tmp/b.care" << 'EOF'
protocol clinic { version "B"; }
extends "smp";
rule clinic_swim_later: forbid swim first 9 weeks because "Version B, a longer reason.";
EOF
cp "$tmp/a.care" "$tmp/clinic.care"
start -p "$tmp/clinic.care"
body='{"protocol": "clinic", "query": "can swim on day 50"}'
answer_a=$("$prog" query -p "$tmp/a.care" --json 'can swim on day 50' | sed 's#'"$tmp"'/a.care#'"$tmp"'/clinic.care#')
answer_b=$("$prog" query -p "$tmp/b.care" --json 'can swim on day 50' | sed 's#'"$tmp"'/b.care#'"$tmp"'/clinic.care#')
(
  v=b
  end=$(($(date +%s) + storm_seconds))
  while [ "$(date +%s)" -lt "$end" ]; do
    cp "$tmp/$v.care" "$tmp/next.care" && mv "$tmp/next.care" "$tmp/clinic.care"
    kill -HUP "$pid"
    if [ "$v" = b ]; then v=a; else v=b; fi
    sleep 0.1
  done
) &
swapper=$!
BENCH_BODY=$body ANSWER_A="$answer_a"$'\n' ANSWER_B="$answer_b"$'\n' \
  wrk -t2 -c64 -d"${storm_seconds}s" -s "$top/bench/serve-storm.lua" "$url" > "$tmp/storm.out"
wait "$swapper"
reloads=$(curl -s "$url/metrics" | sed -n 's/^aftercare_reloads_total{result="ok"} //p')
failed=$(curl -s "$url/metrics" | sed -n 's/^aftercare_reloads_total{result="failed"} //p')
storm=$(grep '^storm:' "$tmp/storm.out")
echo "reload storm, $storm_seconds s: $reloads reloads ($failed failed); $storm"
na=$(echo "$storm" | sed -n 's/.*version A \([0-9]*\),.*/\1/p')
nb=$(echo "$storm" | sed -n 's/.*version B \([0-9]*\),.*/\1/p')
nother=$(echo "$storm" | sed -n 's/.*other \([0-9]*\)$/\1/p')
verdict "$([ "$nother" = 0 ] && [ "$na" -gt 0 ] && [ "$nb" -gt 0 ] && [ "$failed" = 0 ] && echo 1 || echo 0)" \
  "every answer one version's whole answer, both versions seen, no reload failed"
stop

if [ "$missed" -eq 0 ]; then echo "bench-serve: every target met"; else echo "bench-serve: some targets missed"; fi
exit 0
