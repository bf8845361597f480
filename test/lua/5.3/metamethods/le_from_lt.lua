local mt = {__lt = function(a, b) print("lt called", a.v, b.v) return a.v < b.v end}
local a, b = setmetatable({v = 1}, mt), setmetatable({v = 2}, mt)
print(a <= b, b <= a, a >= b, a <= a)
print(a < b, a > b)
local mt2 = {__le = function(a, b) return "le" end, __lt = function() return false end}
local c = setmetatable({}, mt2)
print(c <= c, c >= c, c < c)
print(pcall(function() return setmetatable({}, {}) <= setmetatable({}, {}) end))
local mixed = setmetatable({v = 3}, mt)
print(pcall(function() return mixed <= 5 end))
