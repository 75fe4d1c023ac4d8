-- A person's page as the browser loads it: the person, then each block's API call, cycling
-- over the persons of the counsellor's portfolio.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
local common = require("common")
local ids = common.read_ids(os.getenv("BENCH_IDS"))
local persons = ids["persons"]
local parts = {"", "/orientations", "/supports", "/binome", "/appointments", "/tasks",
               "/ep-decisions", "/axe3"}
local cookie = os.getenv("BENCH_COOKIE")
local n = 0

common.install()

function init(args)
  n = (thread_index or 1) * 7919
end

function request()
  n = n + 1
  local person = persons[math.floor(n / #parts) % #persons + 1]
  local part = parts[n % #parts + 1]
  return wrk.format("GET", "/api/v1/persons/" .. person .. part, {["Cookie"] = cookie})
end

function response(status, headers, body)
  common.count_answer(status, body)
end
