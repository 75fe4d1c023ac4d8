-- Mixed reads and writes of counsellors' days: lists, a person's page, the "à faire" list,
-- new orientations, decisions and bilans (the reviews of a support). The requests go round the
-- counsellors of BENCH_SESSIONS (one line each: ids file, cookie, CSRF token), each working on
-- their own portfolio; without it, one counsellor (BENCH_IDS, BENCH_COOKIE, BENCH_CSRF).
-- Several counsellors, because one alone would file some 2 000 bilans on each of their dozen
-- supports in 5 minutes, and each support's answer, which carries its history, would grow
-- with them (docs/PERFORMANCE.md). Expected refusals:
-- 409 when an orientation is already in progress for the person, or already decided, or
-- (modification_concurrente) when two connections decide the same orientation at the same
-- moment and the database keeps one support for it; the script counts every answer by kind
-- and status.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
local common = require("common")
local counsellors = {}
local sessions = os.getenv("BENCH_SESSIONS")
if sessions and sessions ~= "" then
  for line in io.lines(sessions) do
    local path, cookie, csrf = line:match("^(%S+)%s+(%S+)%s+(%S+)$")
    if path then
      table.insert(counsellors, {ids = common.read_ids(path), cookie = cookie, csrf = csrf})
    end
  end
else
  table.insert(counsellors, {ids = common.read_ids(os.getenv("BENCH_IDS")),
                             cookie = os.getenv("BENCH_COOKIE"), csrf = os.getenv("BENCH_CSRF")})
end
-- BENCH_READS_ONLY: the writes' slots read a person's page instead (the soak without writes,
-- where no data grows).
local reads_only = os.getenv("BENCH_READS_ONLY") == "1"
local today = os.getenv("BENCH_TODAY")
local start_date = os.getenv("BENCH_START")
local n = 0

common.install()

-- 20 slots: 3 lists, 9 page reads, 1 "à faire", 2 new orientations, 2 decisions, 3 bilans.
local plan = {"list", "page", "page", "orientation", "page", "bilan", "list", "page",
              "decision", "worklist", "page", "bilan", "list", "page", "orientation", "page",
              "decision", "page", "bilan", "page"}
local parts = {"", "/orientations", "/supports", "/binome", "/appointments", "/tasks",
               "/ep-decisions", "/axe3"}

local function pick(list)
  return list[(n * 31 + (thread_index or 1) * 17) % #list + 1]
end

function init(args)
  n = (thread_index or 1) * 7919
end

function request()
  n = n + 1
  local kind = plan[n % #plan + 1]
  if reads_only and (kind == "orientation" or kind == "decision" or kind == "bilan") then
    kind = "page"
  end
  -- The counsellor changes with each round of the plan, so each one's slots keep their mix.
  local c = counsellors[(math.floor(n / #plan) + (thread_index or 1)) % #counsellors + 1]
  local ids = c.ids
  local get = {["Cookie"] = c.cookie}
  local post = {["Cookie"] = c.cookie, ["X-CSRF-Token"] = c.csrf,
                ["Content-Type"] = "application/json"}
  if kind == "list" then
    return wrk.format("GET", "/api/v1/persons?per_page=50", get)
  elseif kind == "page" then
    return wrk.format("GET", "/api/v1/persons/" .. pick(ids["persons"]) .. parts[n % #parts + 1],
                      get)
  elseif kind == "worklist" then
    return wrk.format("GET", "/api/v1/worklist", get)
  elseif kind == "orientation" and #ids["orientable"] > 0 then
    return wrk.format("POST", "/api/v1/persons/" .. pick(ids["orientable"]) .. "/orientations",
      post, '{"origin":"france_travail","decision_mode":"accord_bilateral",' ..
      '"registered_job_seeker":true,"social_criteria":["sante"],' ..
      '"professional_criteria":["projet_a_definir"],"obstacles":["logement"],' ..
      '"consent":{"signature_date":"' .. today .. '","electronic_exchange":true}}')
  elseif kind == "decision" and #ids["decidable"] > 0 then
    return wrk.format("POST", "/api/v1/orientations/" .. pick(ids["decidable"]) .. "/decision",
      post, '{"decision":"oui","planned_start_date":"' .. start_date .. '"}')
  elseif kind == "bilan" and #ids["supports"] > 0 then
    return wrk.format("POST", "/api/v1/supports/" .. pick(ids["supports"]) .. "/bilan", post,
      '{"result":"objectif_partiellement_atteint"}')
  end
  return wrk.format("GET", "/api/v1/persons?per_page=50", get)
end

function response(status, headers, body)
  common.count_answer(status, body)
end
