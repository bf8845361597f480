local up = 3
local tab = {sub = {}}
print(pcall(function() up() end))
print(pcall(function() tab.sub.fn() end))
print(pcall(function() tab.sub:fn() end))
print(pcall(function() string.nofunc() end))
