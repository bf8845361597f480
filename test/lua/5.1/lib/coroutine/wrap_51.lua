-- wrap: a Lua function; errors get the position where a string or number
local gen = coroutine.wrap(function(n) for i = 1, n do coroutine.yield(i) end return "end" end)
print(gen(3), gen(), gen(), gen())
print(pcall(gen))
print(pcall(coroutine.wrap, print))
print(pcall(coroutine.wrap))
local w = coroutine.wrap(function() error("boom") end)
print(pcall(w))
local w2 = coroutine.wrap(function() error({}) end)
print(type(select(2, pcall(w2))))
local w3 = coroutine.wrap(function() error(42) end)
print(pcall(w3))
local w4 = coroutine.wrap(function() error("no position", 0) end)
print(pcall(w4))
local function call_it() return w4() end
print(pcall(function() local x = coroutine.wrap(function() error("x", 0) end)() end))
local rec
rec = coroutine.wrap(function() return rec() end)
print(pcall(rec))
