local t = {toString = function() return 'JS-style toString' end}
print(tostring(t) == 'JS-style toString', type(tostring(t)))
local u = {valueOf = function() return 42 end}
print(pcall(function() return u + 1 end))
print(pcall(function() return u .. '' end))
print(pcall(function() return u < u end))
local v = setmetatable({}, {__tostring = function() return 'from __tostring' end, toString = function() return 'no' end})
print(tostring(v))
