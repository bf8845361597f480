local mt = {__add = function(a, b) return 'added' end}
local T = setmetatable({}, mt)
print(T + '5', '5' + T)
print('10' + 5)
print(pcall(function() return 'x' + {} end))
