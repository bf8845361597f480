local mt = {__eq = function() print('never') return true end}
local t = setmetatable({}, mt)
print(t == 1, t == nil, t == 'string', t == true)
local u = setmetatable({}, mt)
print(t == u)
print(t == print)
