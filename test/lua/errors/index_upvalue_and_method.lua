local up
print(pcall(function() return up.field end))
print(pcall(function() return up:meth() end))
local t = {}
print(pcall(function() return t:nomethod() end))
print(pcall(function() return ('x'):nomethod() end))
print(pcall(function() local n = 5 return n.x end))
print(pcall(function() local b = true b.x = 1 end))
