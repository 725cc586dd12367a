-- get: GET /api/posts/{id}, id drawn uniformly from 1..100000 (the rows bench/run.sh creates).
local threads = 0
function setup(thread) threads = threads + 1; thread:set("thread_no", threads) end
-- A fixed seed per wrk thread: every run, and both systems, draw the same ids.
function init(args) math.randomseed(7919 * thread_no) end
request = function()
  return wrk.format("GET", "/api/posts/" .. math.random(1, 100000))
end
