-- tostring of each type (addresses hidden), __tostring, and print through the global tostring
local function shape(s) return (string.gsub(s, "0x%x+", "ADDR")) end
print(tostring(nil), tostring(true), tostring(false), tostring("x"))
print(shape(tostring({})), shape(tostring(print)), shape(tostring(function() end)))
print(shape(tostring(coroutine.create(function() end))), shape(tostring(newproxy())))
local t = setmetatable({}, {__tostring = function(self) return "I am T" end})
print(t, tostring(t))
local n = setmetatable({}, {__tostring = function() return 42 end})
print(type(tostring(n)), tostring(n) == 42)
local tt = setmetatable({}, {__tostring = function() return {} end})
print(type(tostring(tt)))
local named = setmetatable({}, {__name = "MyType"})
print(shape(tostring(named)))
print(pcall(tostring))
