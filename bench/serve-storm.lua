-- bench/serve-storm.lua -- wrk script for the reload storm of make
-- bench-serve: POST /v1/query; every answer must be one of the two whole
-- answers of the two versions of the protocol (ANSWER_A, ANSWER_B in the
-- environment), counted per thread and reported at the end.
wrk.method = "POST"
wrk.path = "/v1/query"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("BENCH_BODY")

local a, b = os.getenv("ANSWER_A"), os.getenv("ANSWER_B")
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

init = function(args)
  na, nb, nother = 0, 0, 0
end

response = function(status, headers, body)
  if status == 200 and body == a then na = na + 1
  elseif status == 200 and body == b then nb = nb + 1
  else nother = nother + 1 end
end

done = function(summary, latency, requests)
  local ta, tb, tother = 0, 0, 0
  for _, t in ipairs(threads) do
    ta = ta + t:get("na"); tb = tb + t:get("nb"); tother = tother + t:get("nother")
  end
  io.write(string.format("storm: version A %d, version B %d, other %d\n", ta, tb, tother))
end
