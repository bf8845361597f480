-- __gc on tables does nothing in 5.1; weak tables still work with collectgarbage
local called = false
setmetatable({}, {__gc = function() called = true end})
collectgarbage()
collectgarbage()
print("table __gc called:", called)
local weak = setmetatable({}, {__mode = "k"})
weak[{}] = 1
collectgarbage()
local n = 0
for _ in pairs(weak) do n = n + 1 end
print("weak keys left:", n)
