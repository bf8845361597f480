local mt = {__eq = function() return 1 end}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
print(a == b, a ~= b)
mt.__eq = function() return nil end
print(a == b, a ~= b)
local lt = {__lt = function() return 'yes' end, __le = function() return false end}
local c, d = setmetatable({}, lt), setmetatable({}, lt)
print(c < d, c > d, c <= d, c >= d, not (c < d))
