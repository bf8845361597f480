local t = setmetatable({}, {__index = function(...) return select('#', ...) end})
print(t.x, t[1])
local u = setmetatable({}, {__newindex = function(...) print('newindex nargs', select('#', ...)) end})
u[1] = nil
u.y = 2
