local G = _G
setmetatable(G, {__index = function(t, k) if k == "tostring" then return function() return "via __index" end end end})
local ts = rawget(G, "tostring")
rawset(G, "tostring", nil)
print(1, 2)
rawset(G, "tostring", ts)
setmetatable(G, nil)
print(1, 2)
local env = {tostring = function() return "env" end, print = print}
local f = load("print('a')", "c", "t", env)
f()
