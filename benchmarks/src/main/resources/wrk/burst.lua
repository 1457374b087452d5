-- A burst: every connection sends exactly one request, all at the start, and the run ends when each has been
-- answered. The i-th request POSTs the i-th body with Idempotency-Key <key_prefix><i> (a mobile client's retry
-- key). The bodies come from the file named by WRK_BURST_DATA, written by Wrk.java.
dofile(os.getenv("WRK_BURST_DATA"))

-- wrk runs for its whole -d duration whatever the threads do; the one early end it knows is Ctrl-C (SIGINT), after
-- which it prints its summary as usual. A signal sent to the process reaches its main thread, which is the one
-- sleeping out the duration.
local ffi = require("ffi")
ffi.cdef[[
  int getpid(void);
  int kill(int pid, int sig);
]]
local SIGINT = 2

local granted = 0
local sent = 0
local answered = 0
statuses = {}

function delay()
  granted = granted + 1
  if granted > #bodies then
    return 3600000 -- this connection has had its one request: hold it until the run ends
  end
  return 0
end

function request()
  sent = sent + 1
  local i = math.min(sent, #bodies)
  return wrk.format("POST", nil, {
    ["Authorization"] = wrk.headers["Authorization"],
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = key_prefix .. i,
  }, bodies[i])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  answered = answered + 1
  if answered == #bodies then
    ffi.C.kill(ffi.C.getpid(), SIGINT)
  end
end
