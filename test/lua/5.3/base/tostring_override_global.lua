local calls = 0
local real = tostring
_G.tostring = function(v) calls = calls + 1 return real(v) end
print(1, 2, 3)
print()
print(calls)
_G.tostring = real
local t = setmetatable({}, {__tostring = function() return "T" end})
print(t, tostring(t))
