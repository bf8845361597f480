-- module() called in the main chunk; options; conflicts; errors
local print, pcall, tostring, type, setmetatable, _G = print, pcall, tostring, type, setmetatable, _G
local t = {}
print(pcall(module))
print(pcall(module, "from.pcall"))
conflict = 1
print(pcall(function() module("conflict.sub") end))
local seen
module("mymod.inner", function(m) seen = m end, package.seeall)
print(seen == mymod.inner, _NAME, _PACKAGE, type(_M))
x = "module global"
print(mymod.inner.x, _G.x)
module("mymod.inner")
print(_NAME, x)
