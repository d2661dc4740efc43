-- wrk script for Tools/load/attendance.py: each request records one attendance mark through
-- the API, cycling through the targets (activity, session, participant) the runner wrote to
-- targets.txt, each thread from its own offset. Counts answers by status.
local targets = {}
for line in io.lines(os.getenv("TUKI_LOAD_TARGETS")) do
  local activity, session, participant = line:match("^(%S+) (%S+) (%S+)$")
  if activity then targets[#targets + 1] = { activity, session, participant } end
end
local token = os.getenv("TUKI_LOAD_TOKEN")
-- Every Nth request (0: none) marks someone not enrolled in the group: the rules refuse it.
local refuse_every = tonumber(os.getenv("TUKI_LOAD_REFUSE_EVERY") or "0")
local statuses = { "present", "absent", "excused" }
local threads = {}
local counter = 0

function setup(thread)
  thread:set("offset", #threads * 7919)
  table.insert(threads, thread)
end

function init(args)
  created, refused, failed, counter = 0, 0, 0, offset or 0
end

function request()
  counter = counter + 1
  local t = targets[(counter % #targets) + 1]
  local participant = t[3]
  if refuse_every > 0 and counter % refuse_every == 0 then participant = "p-notenrolled" end
  local body = string.format('{"marks":[{"participant":"%s","status":"%s"}]}', participant, statuses[(counter % 3) + 1])
  return wrk.format("POST", "/api/v1/groups/" .. t[1] .. "/sessions/" .. t[2] .. "/attendance",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1 elseif status < 500 then refused = refused + 1 else failed = failed + 1 end
end

function done(summary, latency, requests)
  local c, r, f = 0, 0, 0
  for _, thread in ipairs(threads) do
    c = c + thread:get("created"); r = r + thread:get("refused"); f = f + thread:get("failed")
  end
  io.write(string.format("RESULT created=%d refused=%d failed=%d socket_errors=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f seconds=%.1f\n",
    c, r, f, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.duration / 1e6))
end
