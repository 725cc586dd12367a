-- create: POST /api/posts {"author_id": 1..1000, "title": "bench"}; the other columns take their defaults.
local threads = 0
function setup(thread) threads = threads + 1; thread:set("thread_no", threads) end
function init(args) math.randomseed(7919 * thread_no) end
local headers = { ["Content-Type"] = "application/json" }
request = function()
  return wrk.format("POST", "/api/posts", headers,
    '{"author_id":' .. math.random(1, 1000) .. ',"title":"bench"}')
end
