-- An open-loop schedule for wrk (Debian's wrk has no rate option): the thread (Wrk.java runs one) hands out send
-- times at a fixed interval, and delay() holds a connection until its slot. A slow answer does not push later
-- slots back, so the rate is kept and slow answers show in the percentiles instead of lowering the load. The rate
-- comes from the environment: WRK_RATE, requests/s.
local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_usec; } timeval;
  int gettimeofday(timeval *tv, void *tz);
]]
local tv = ffi.new("timeval")
local function now_ms()
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000
end

local interval_ms
local next_slot

function init(args)
  interval_ms = 1000 / tonumber(os.getenv("WRK_RATE") or "500")
end

function delay()
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
