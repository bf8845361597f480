local mt = {__eq = function(a, b) print("eq called") return true end}
local a, b = setmetatable({}, mt), setmetatable({}, {__eq = function() print("other eq") return false end})
print(a == b, b == a, a ~= b)
print(a == {}, {} == a)
print(a == 1, a == "x", a == a)
local t1, t2 = setmetatable({}, {__eq = function() return 1 end}), {}
print(t1 == t2)
