-- A sequence: the i-th request POSTs the i-th body to the i-th path, over as many connections as wrk was given,
-- each connection sending its next request when its last was answered (closed loop) or, with WRK_RATE set, on a
-- fixed schedule (open loop, as paced.lua). The run ends when every request has been answered. The paths and
-- bodies come from the file named by WRK_SEQ_DATA, written by Wrk.java.
dofile(os.getenv("WRK_SEQ_DATA"))

local ffi = require("ffi")
ffi.cdef[[
  int getpid(void);
  int kill(int pid, int sig);
  typedef struct { long tv_sec; long tv_usec; } timeval;
  int gettimeofday(timeval *tv, void *tz);
]]
local SIGINT = 2
local tv = ffi.new("timeval")
local function now_ms()
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000
end

local rate = tonumber(os.getenv("WRK_RATE") or "0")
local interval_ms = 0
if rate > 0 then
  interval_ms = 1000 / rate
end
local next_slot
local granted = 0
local sent = 0
local answered = 0
statuses = {}

function delay()
  granted = granted + 1
  if granted > #bodies then
    return 3600000 -- everything was sent: hold the connection until the run ends
  end
  if interval_ms == 0 then
    return 0
  end
  local now = now_ms()
  if next_slot == nil then
    next_slot = now
  end
  local wait = next_slot - now
  next_slot = next_slot + interval_ms
  if wait < 0 then
    return 0
  end
  return wait
end

function request()
  sent = sent + 1
  local i = math.min(sent, #bodies)
  return wrk.format("POST", paths[i], {
    ["Authorization"] = wrk.headers["Authorization"],
    ["Content-Type"] = "application/json",
  }, bodies[i])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  answered = answered + 1
  if answered == #bodies then
    ffi.C.kill(ffi.C.getpid(), SIGINT)
  end
end
