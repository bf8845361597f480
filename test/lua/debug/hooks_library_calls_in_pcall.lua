-- Call hooks of library functions that run as frames of the trampoline
-- (pcall, xpcall, coroutine.yield) and of the ones they call: each is a
-- level of its own, named as lua names it (a function called by C: nil).
local function f(x) return x end
debug.sethook(function(e) local i = debug.getinfo(2, 'nS') print(e, i.name, i.what) end, 'cr')
pcall(f, 1)
xpcall(f, print)
local ok = pcall(error, "x")
pcall(pcall, type, 1)
debug.sethook()
print(ok)
local co = coroutine.create(function()
  debug.sethook(function(e) local i = debug.getinfo(2, 'nS') print("co", e, i.name, i.what) end, 'cr')
  pcall(coroutine.yield, 1)
  debug.sethook()
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
