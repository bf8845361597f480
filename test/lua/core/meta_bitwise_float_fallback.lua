local mt = {__band = function(a, b) return 'band mm' end, __shl = function() return 'shl mm' end}
local T = setmetatable({}, mt)
print(T & 1.5, 1.5 & T)
print(T << 'x')
print(pcall(function() return 1.5 & 1 end))
