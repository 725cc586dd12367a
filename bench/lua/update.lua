-- update: PATCH /api/posts/{1..100000} {"views": 0..999} (the range the generated rows have).
local threads = 0
function setup(thread) threads = threads + 1; thread:set("thread_no", threads) end
function init(args) math.randomseed(7919 * thread_no) end
local headers = { ["Content-Type"] = "application/json" }
request = function()
  return wrk.format("PATCH", "/api/posts/" .. math.random(1, 100000), headers,
    '{"views":' .. math.random(0, 999) .. '}')
end
