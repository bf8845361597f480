local t = setmetatable({}, {__index = 5})
print(pcall(function() return t.x end))
local u = setmetatable({}, {__newindex = true})
print(pcall(function() u.x = 1 end))
