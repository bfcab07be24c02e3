-- wrk script for the write mix: the journal form and the employer-contact form, alternately, exactly as a signed-in
-- job specialist submits them (antiforgery token scraped from the form once; tokens are reusable for the session).
-- A saved form answers 302 (redirect to the candidate or employer page); anything else counts as unexpected.
--   TRINN_COOKIE  auth and antiforgery cookies   TRINN_TOKEN  __RequestVerificationToken   TRINN_TODAY  yyyy-MM-dd
--   TRINN_CANDIDATES / TRINN_EMPLOYERS  space-separated ids the user may write to

local cookie = os.getenv("TRINN_COOKIE")
local token = os.getenv("TRINN_TOKEN")
local today = os.getenv("TRINN_TODAY")
local candidates, employers = {}, {}
for id in string.gmatch(os.getenv("TRINN_CANDIDATES") or "", "%S+") do candidates[#candidates + 1] = id end
for id in string.gmatch(os.getenv("TRINN_EMPLOYERS") or "", "%S+") do employers[#employers + 1] = id end

local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local n = 0
unexpected = 0
function init(args)
  n = id or 0
  wrk.headers["Cookie"] = cookie
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

local function encode(s)
  return (string.gsub(s, "[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  n = n + 1
  if n % 2 == 0 then
    local id = candidates[(math.floor(n / 2) % #candidates) + 1]
    local body = "Input.Date=" .. today .. "&Input.Kind=1&Input.Place=2&Input.DurationMinutes=30" ..
      "&Input.Text=" .. encode("Samtale om jobbønsker (belastningstest).") .. "&__RequestVerificationToken=" .. encode(token)
    return wrk.format("POST", "/Candidates/Journal/" .. id, nil, body)
  end
  local id = employers[(math.floor(n / 2) % #employers) + 1]
  local body = "Input.Date=" .. today .. "&Input.Kind=1&Input.Purpose=1&Input.FirstContact=false&Input.DurationMinutes=45" ..
    "&Input.Note=" .. encode("Besøk (belastningstest).") .. "&__RequestVerificationToken=" .. encode(token)
  return wrk.format("POST", "/Employers/Contact/" .. id, nil, body)
end

function response(status, headers, body)
  if status ~= 302 then unexpected = unexpected + 1 end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("unexpected") end
  io.write(string.format("RESULT\t%s\t%.1f\t%.2f\t%.2f\t%d\t%d\t%d\n", os.getenv("TRINN_LABEL") or "writes",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    bad, summary.errors.timeout + summary.errors.connect + summary.errors.read + summary.errors.write, summary.requests))
end
