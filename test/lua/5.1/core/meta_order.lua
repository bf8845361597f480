-- __lt/__le need the same handler in both operands; __le falls back to not __lt.
local mt = {}
mt.__lt = function(a, b) return a.v < b.v end
mt.__le = function(a, b) return a.v <= b.v end
local function V(v) return setmetatable({v = v}, mt) end
print(V(1) < V(2), V(2) < V(1), V(1) <= V(1), V(2) >= V(1), V(1) > V(2))
local only_lt = {__lt = function(a, b) return a.v < b.v end}
local x, y = setmetatable({v = 1}, only_lt), setmetatable({v = 2}, only_lt)
print(x < y, x <= y, y <= x, x >= y)
local other = setmetatable({v = 0}, {__lt = function() return true end})
print(pcall(function() return x < other end))
print(pcall(function() return 1 < x end))
print(pcall(function() return "a" < "b", "b" <= "a", "" < "a" end))
print(pcall(function() return {} < {} end))
print(pcall(function() return nil < 1 end))
print(pcall(function() return true <= false end))
