local mt = {}
mt.__lt = function(a, b) return a.v < b.v end
mt.__le = function(a, b) return a.v <= b.v end
local function V(v) return setmetatable({v = v}, mt) end
print(V(1) < V(2), V(2) < V(1), V(1) <= V(1), V(2) >= V(1), V(1) > V(2))
local only_lt = {__lt = function(a, b) return true end}
local x, y = setmetatable({}, only_lt), setmetatable({}, only_lt)
print(x < y, pcall(function() return x <= y end))
local mixed = setmetatable({}, {__lt = function(a, b) return type(a) == 'number' end})
print(1 < mixed, mixed < 1)
