-- __eq is called only for two tables (or two userdata) sharing the same handler.
local calls = 0
local function eqh(a, b) calls = calls + 1 return true end
local mt = {__eq = eqh}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
print(a == b, a ~= b, calls)
local c = setmetatable({}, {__eq = eqh})
print(a == c, calls)
local d = setmetatable({}, {__eq = function() return true end})
print(a == d, d == a, calls)
local e = {}
print(a == e, e == a, calls)
print(a == 1, 1 == a, a == "x", calls)
print(rawequal(a, b), a == a, calls)
local f = setmetatable({}, {__eq = function() return nil end})
local g = setmetatable({}, getmetatable(f))
print(f == g, f ~= g)
