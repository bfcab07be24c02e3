-- wrk script for one route: signed-in GETs (cookie or bearer token from the environment), rotating over a list of
-- paths, counting every answer that is not the expected status (wrk itself only counts 4xx/5xx). Prints one RESULT
-- line that run.sh turns into a table row.
--   TRINN_COOKIE   "trinn.auth=…" (optional)   TRINN_PATHS  "/a /b /c"   TRINN_EXPECT  "2xx" (default) or "302"
--   TRINN_LABEL    route name for the RESULT line

local cookie = os.getenv("TRINN_COOKIE")
local label = os.getenv("TRINN_LABEL") or "route"
local expect = os.getenv("TRINN_EXPECT") or "2xx"
local paths = {}
for p in string.gmatch(os.getenv("TRINN_PATHS") or "/", "%S+") do
  paths[#paths + 1] = p
end

local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local n = 0
unexpected = 0
function init(args)
  n = id or 0
  if cookie and cookie ~= "" then
    wrk.headers["Cookie"] = cookie
  end
end

function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end

function response(status, headers, body)
  local ok
  if expect == "2xx" then ok = status >= 200 and status < 300 else ok = status == tonumber(expect) end
  if not ok then unexpected = unexpected + 1 end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("unexpected") end
  io.write(string.format("RESULT\t%s\t%.1f\t%.2f\t%.2f\t%d\t%d\t%d\n", label,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    bad, summary.errors.timeout + summary.errors.connect + summary.errors.read + summary.errors.write, summary.requests))
end
