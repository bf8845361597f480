-- newproxy and gcinfo
local p0 = newproxy()
print(type(p0), getmetatable(p0))
local p1 = newproxy(true)
local mt = getmetatable(p1)
print(type(mt))
mt.__index = function(_, k) return "got " .. k end
mt.__tostring = function() return "proxy!" end
print(p1.x, tostring(p1))
local p2 = newproxy(p1)
print(getmetatable(p2) == mt, p2.y)
print(type(newproxy(false)), getmetatable(newproxy(false)))
print(pcall(newproxy, {}))
print(pcall(newproxy, 1))
print(pcall(newproxy, newproxy()))
local u = newproxy(true)
print(type(newproxy(setmetatable({}, getmetatable(u)))))
local g = gcinfo()
print(type(g), g > 0, g == math.floor(g))
