local function p(f) print(pcall(f)) end
local t = {}
local up = nil
p(function() return t.a.b end)
p(function() return t[1].b end)
p(function() return t["k"].b end)
p(function() return up.x end)
p(function() local l; return l.x end)
p(function() return glob.x end)
p(function() return (nil).x end)
p(function() return (1).x end)
p(function() return ("x").y.z end)
p(function() t.a.b = 1 end)
p(function() up.x = 1 end)
p(function() local k = "key" return t[k].z end)
p(function() return t.a:m() end)
p(function() return string.nope() end)
p(function() return math.huge.x end)
