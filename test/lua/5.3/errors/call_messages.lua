local function p(f) print(pcall(f)) end
local t = {}
local up
p(function() up() end)
p(function() local l; l() end)
p(function() glob() end)
p(function() t.f() end)
p(function() t:m() end)
p(function() t[1]() end)
p(function() (1)() end)
p(function() ("str")() end)
p(function() t.a.b() end)
p(function() return (function() end)()() end)
p(function() local a = {b = {}} a.b.c.d() end)
