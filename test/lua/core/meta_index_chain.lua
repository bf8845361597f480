local base = {greet = 'hello', level = 'base'}
local mid = setmetatable({level = 'mid'}, {__index = base})
local top = setmetatable({}, {__index = mid})
print(top.greet, top.level, top.missing)
print(rawget(top, 'greet'), rawget(mid, 'level'))
local calls = 0
local fn = setmetatable({}, {__index = function(t, k) calls = calls + 1 return tostring(k) .. '!' end})
print(fn.a, fn[1], fn[true], calls)
fn.a = 'set'
print(fn.a, calls)
