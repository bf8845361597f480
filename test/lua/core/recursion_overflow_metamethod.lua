local t = setmetatable({}, {})
getmetatable(t).__index = function(s, k) return s[k] end
local ok, err = pcall(function() return t.a end)
print(ok, err:find('stack overflow') ~= nil)
local c = setmetatable({}, {})
getmetatable(c).__call = function(self) return 1 + self() end
local ok2, err2 = pcall(c)
print(ok2, err2:find('stack overflow') ~= nil)
