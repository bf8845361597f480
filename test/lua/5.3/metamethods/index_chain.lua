local base = {x = "base x"}
local mid = setmetatable({}, {__index = base})
local top = setmetatable({}, {__index = mid})
print(top.x, top.y)
local loop = setmetatable({}, {})
getmetatable(loop).__index = loop
print(pcall(function() return loop.k end))
local nloop = setmetatable({}, {})
getmetatable(nloop).__newindex = nloop
print(pcall(function() nloop.k = 1 end))
local fidx = setmetatable({}, {__index = function(t, k) return k .. "!" end})
print(fidx.a, fidx[1])
local str = setmetatable({}, {__index = "abc"})
print(pcall(function() return type(str.len) end))
print(pcall(function() return str.nothere end))
