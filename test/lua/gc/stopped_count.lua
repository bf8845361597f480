-- While the collector is stopped, memory in use grows with allocations,
-- and an explicit collection brings it down again.
collectgarbage()
collectgarbage("stop")
print(collectgarbage("isrunning"))
local before = collectgarbage("count")
local keep = {}
for i = 1, 20000 do keep[i % 10 + 1] = {i} end
local grown = collectgarbage("count")
print(grown > before)
collectgarbage()
print(collectgarbage("count") < grown)
-- garbage piles up: memory doubles even though nothing is kept
local x = collectgarbage("count")
local n = 0
repeat
  for i = 1, 1000 do _ENV.a = {} end
  n = n + 1
until collectgarbage("count") > 2 * x or n > 100000
print(n <= 100000)
collectgarbage("restart")
print(collectgarbage("isrunning"))
