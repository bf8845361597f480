local mt = {__eq = function(a, b) print('__eq called') return a.v == b.v end}
local a = setmetatable({v = 1}, mt)
local b = setmetatable({v = 1}, mt)
local c = setmetatable({v = 2}, mt)
print(a == b, a ~= b, a == c)
print(a == a)
print(a == 1, a == 'x')
local other = setmetatable({v = 1}, {__eq = function() print('other eq') return true end})
print(a == other, other == a)
local plain = {v = 1}
print(a == plain)
print(setmetatable({}, {__eq = function() return 'truthy' end}) == {})
