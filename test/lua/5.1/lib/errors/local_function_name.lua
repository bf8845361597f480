-- argument errors name the function by how it was called
local rep = string.rep
print(pcall(function() rep() end))
local t = {fn = string.sub}
print(pcall(function() t.fn() end))
print(pcall(function() local x = math.floor("x") end))
print(pcall(function() local x = tonumber() end))
print(pcall(function() local x = ("x"):byte({}) end))
print(pcall(function() setmetatable(1, 2) end))
print(pcall(function() local up = rep; return (function() up() end)() end))
print(pcall(string.rep))
rep(1, {})
