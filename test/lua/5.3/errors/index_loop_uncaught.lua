local t = setmetatable({}, {})
getmetatable(t).__index = t
print(t.x)
