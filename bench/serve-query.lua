-- bench/serve-query.lua -- wrk script for make bench-serve: POST
-- /v1/query with one query; any answer but 200 is counted and reported.
wrk.method = "POST"
wrk.path = "/v1/query"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("BENCH_BODY") or '{"query": "can swim on day 20"}'

local bad = 0
response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("wrk: requests %d, non-2xx %d, errors %d, p50 %.3f ms, p99 %.3f ms\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000))
end
