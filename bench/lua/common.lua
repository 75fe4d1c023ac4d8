-- Shared by the wrk scripts of bench/api-load: the ids gathered before the run (one file,
-- "key id id id…" per line) and a count of the answers by status, and for a refusal by its
-- error code (wrk does not tell which request an answer belongs to: the code says it),
-- printed by done() as "statuts KEY COUNT" lines for bench/api-load to read.
local M = {}

function M.read_ids(path)
  local ids = {}
  for line in io.lines(path) do
    local key, rest = line:match("^(%S+)%s*(.*)$")
    if key then
      ids[key] = {}
      for id in rest:gmatch("%d+") do table.insert(ids[key], id) end
    end
  end
  return ids
end

counts = {}

function M.count_answer(status, body)
  local key = tostring(status)
  if status >= 300 then
    local code = body and body:match('"code"%s*:%s*"([%w_]+)"')
    key = key .. ":" .. (code or "?")
  end
  counts[key] = (counts[key] or 0) + 1
end

function M.install()
  local threads = {}
  local counter = 1
  setup = function(thread)
    thread:set("thread_index", counter)
    counter = counter + 1
    table.insert(threads, thread)
  end
  done = function(summary, latency, requests)
    local total = {}
    for _, thread in ipairs(threads) do
      local counts = thread:get("counts") or {}
      for key, n in pairs(counts) do total[key] = (total[key] or 0) + n end
    end
    local keys = {}
    for key in pairs(total) do table.insert(keys, key) end
    table.sort(keys)
    for _, key in ipairs(keys) do io.write("statuts " .. key .. " " .. total[key] .. "\n") end
  end
end

return M
