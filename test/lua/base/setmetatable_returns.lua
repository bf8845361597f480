local t = {}
local r = setmetatable(t, {__index = {a = 1}})
print(r == t, r.a)
print(setmetatable(t, nil) == t, t.a)
print(getmetatable(setmetatable({}, {})) ~= nil)
