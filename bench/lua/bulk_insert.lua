-- bulk_insert: POST /api/posts with a JSON array of 1,000 rows {"author_id": 1..1000, "title": "bulk"}, in one request.
local threads = 0
function setup(thread) threads = threads + 1; thread:set("thread_no", threads) end
local body
function init(args)
  math.randomseed(7919 * thread_no)
  local rows = {}
  for i = 1, 1000 do rows[i] = '{"author_id":' .. math.random(1, 1000) .. ',"title":"bulk"}' end
  body = "[" .. table.concat(rows, ",") .. "]"
end
local headers = { ["Content-Type"] = "application/json" }
request = function() return wrk.format("POST", "/api/posts", headers, body) end
