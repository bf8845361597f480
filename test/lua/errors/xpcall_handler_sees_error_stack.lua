-- A message handler runs where the error was raised: tracebacks and getinfo see those frames.
-- keep-traceback
local function f() error("boom") end
print(xpcall(f, debug.traceback))
local function g() local x = nil; return x.y end
print(xpcall(g, function(m) return debug.traceback(m, 1) end))
print(xpcall(f, function(m) return debug.getinfo(2, "Sl").currentline end))
local function func2close(fn) return setmetatable({}, {__close = fn}) end
local function foo (...)
  local x123 <close> = func2close(function () error("@x123") end)
end
local st, msg = xpcall(foo, debug.traceback)
print(msg)
