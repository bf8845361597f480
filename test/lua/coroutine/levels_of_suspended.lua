-- Levels of a suspended coroutine: traceback(co), getinfo(co, level).
-- keep-traceback
local function inner(x) coroutine.yield(x) end
local co = coroutine.create(function(a) local t = {}; inner(a); return 1 end)
coroutine.resume(co, 5)
print(debug.traceback(co))
print(debug.traceback(co, "msg", 1))
local i = debug.getinfo(co, 1, "Sl")
print(i and i.currentline, i and i.short_src)
print(debug.getinfo(co, 0, "n").name)
local dead = coroutine.create(function() end)
coroutine.resume(dead)
print(debug.traceback(dead, "dead"))
print(debug.getinfo(dead, 0))
local fresh = coroutine.create(print)
print(debug.traceback(fresh), debug.getinfo(fresh, 0))
