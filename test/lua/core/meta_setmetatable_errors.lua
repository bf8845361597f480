print(pcall(setmetatable, 1, {}))
print(pcall(setmetatable, {}, 1))
print(pcall(setmetatable, {}))
print(pcall(setmetatable))
print(select('#', setmetatable({}, nil)))
local t = {}
print(setmetatable(t, nil) == t)
print(getmetatable(1), getmetatable(nil), getmetatable(print))
print(pcall(getmetatable))
