local mt = {__eq = function() return true end, __len = function() return 99 end}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
print(a == b, rawequal(a, b), rawequal(a, a))
print(#a, rawlen(a), rawlen({1, 2}), rawlen('xyz'))
print(rawequal(0, -0), rawequal(0, 0.0), rawequal('a', 'a'), rawequal(nil, nil), rawequal(1, '1'))
print(rawequal(0/0, 0/0))
