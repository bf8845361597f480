local constructor
print(pcall(function() constructor() end))
local t = {}
print(pcall(function() return t.__proto__.x end))
print(pcall(function() return t.toString() end))
print(pcall(function() return t:valueOf() end))
print(pcall(function() return hasOwnProperty.x end))
print(pcall(function() local this; return this + 1 end))
print(pcall(function() local arguments = {} return arguments .. '' end))
print(pcall(function() return prototype < 1 end))
