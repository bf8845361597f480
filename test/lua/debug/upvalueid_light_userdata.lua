-- debug.upvalueid returns light userdata: equal for one upvalue, usable as a key,
-- named 'light userdata' in argument errors; __name in per-type metatables
local debug = require "debug"
local up = 1
local function f() return up end
local function g() return up end
local a, b = debug.upvalueid(f, 1), debug.upvalueid(g, 1)
print(type(a), a == b, rawequal(a, b), math.type(a))
local t = {}
t[a] = "x"
print(t[b])
print((tostring(a):gsub("0x%x+", "ADDR")))
print(pcall(debug.setuservalue, a, {}))
print(pcall(debug.getuservalue, a))
print(pcall(string.rep, a))
print(pcall(io.type, a))
print(getmetatable(a))
print(pcall(function() return a + 1 end))
print(pcall(function() return a.x end))
print(pcall(function() return #a end))
print(pcall(function() return a < a end))
print(select('#', debug.upvalueid(print, 1)))
print(pcall(debug.upvalueid, f, 2))
local other = debug.upvalueid(function() return print end, 1)
print(other == a)
debug.setmetatable(a, {__index = function(_, k) return k .. "!" end, __name = "LUD"})
print(a.hello, other.hello)
print(pcall(string.rep, a))
print(pcall(function() return a + 1 end))
print((tostring(a):gsub("0x%x+", "ADDR")))
debug.setmetatable(a, nil)
debug.setmetatable(nil, {__name = "NIL"})
print(pcall(string.rep))
print(pcall(string.rep, nil))
debug.setmetatable(nil, nil)
debug.setmetatable(10, {__name = "NUM"})
print(pcall(string.rep, {}, 10))
print(pcall(math.floor, true))
print(pcall(string.char, "x"))
debug.setmetatable(10, nil)
