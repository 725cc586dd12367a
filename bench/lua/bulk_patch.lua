-- bulk_patch: PATCH /api/posts?where.author_id.eq={1..1000}&where.status.eq=draft {"views": 0..999}: about 33 rows of
-- one author (the generated posts spread 100 per author over three statuses), one UPDATE.
local threads = 0
function setup(thread) threads = threads + 1; thread:set("thread_no", threads) end
function init(args) math.randomseed(7919 * thread_no) end
local headers = { ["Content-Type"] = "application/json" }
request = function()
  return wrk.format("PATCH", "/api/posts?where.author_id.eq=" .. math.random(1, 1000) .. "&where.status.eq=draft",
    headers, '{"views":' .. math.random(0, 999) .. '}')
end
