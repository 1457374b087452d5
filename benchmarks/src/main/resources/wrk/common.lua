-- Appended to every wrk script the benchmarks run: the caller's token from the environment (not on the command
-- line, which any local user can read), and one machine-readable result line that Wrk.java parses.
wrk.headers["Authorization"] = os.getenv("WRK_AUTHORIZATION")

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local e = summary.errors
  -- answers by status, where a script counted them (burst.lua does)
  local counted = {}
  for _, thread in ipairs(threads) do
    local statuses = thread:get("statuses")
    if statuses then
      for status, n in pairs(statuses) do
        counted[status] = (counted[status] or 0) + n
      end
    end
  end
  local by_status = ""
  for status, n in pairs(counted) do
    by_status = by_status .. string.format(" status_%d=%d", status, n)
  end
  io.write(string.format(
    "WRK-RESULT requests=%d duration_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d " ..
    "p50_us=%d p95_us=%d p99_us=%d max_us=%d%s\n",
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, by_status))
end
