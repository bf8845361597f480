-- lua5.1's tail calls: "(tail call)" levels in getinfo and getfenv, 'call' and 'tail return' hooks.

local function show(l)
  local i = debug.getinfo(l, "Slnu")
  if not i then return print(l, "none") end
  print(l, i.what, i.short_src, i.source, i.linedefined, i.lastlinedefined, i.currentline, i.name, i.namewhat, i.nups)
end

local function f(x)
  if x then
    for l = 1, 6 do show(l) end
    for l = 1, 6 do print(l, pcall(getfenv, l) and "env" or select(2, pcall(getfenv, l))) end
    local t = debug.getinfo(2, "fL")
    print(t.func, t.activelines)
  end
  return 1
end
function g(x) return f(x) end
function g1(x) g(x) end
local function h(x) local f = g1; return f(x) end
h(true)

local b = {}
debug.sethook(function (e) table.insert(b, e) end, "cr")
h(false)
debug.sethook()
print(table.concat(b, " "))

local lim = 200
local function foo(x)
  if x == 0 then
    print(debug.getinfo(lim + 2).what, debug.getinfo(lim + 3, "S").what, debug.getinfo(lim + 4))
    local n = 0
    for i = 2, lim + 1 do if debug.getinfo(i, "S").what == "tail" then n = n + 1 end end
    print(n)
  else return foo(x - 1)
  end
end
foo(lim)

local function bar(x) if x > 0 then return bar(x - 1) end return 0 end
b = {}
debug.sethook(function (e) table.insert(b, e) end, "cr")
bar(3)
debug.sethook()
print(table.concat(b, " "))

local function tb(x) if x > 0 then return tb(x - 1) end return (debug.traceback("tb")) end
print(tb(3))
local function tb2(x) if x > 0 then return tb2(x - 1) end local s = debug.traceback("tb2") return s end
print(tb2(30))
print(select(2, pcall(function () local function e(x) if x > 0 then return e(x - 1) end error("e") end e(2) end)))

-- locals and tracebacks from a "(tail call)" level
local function lf(a)
  print(pcall(debug.getlocal, 2, 1))
  print(pcall(debug.getlocal, 3, 1))
  print(pcall(debug.setlocal, 2, 1, 5))
  print(debug.traceback("x", 2))
  print(debug.traceback("y", 3))
  print(debug.getinfo(1, "n").name, debug.getinfo(1, "n").namewhat)
end
local function lg(b) return lf(b) end
local function lh(c) local z = 9; lg(c); return 1 end
lh(1)
local co = coroutine.create(function (x) local function w(y) coroutine.yield(y) end return w(x) end)
coroutine.resume(co, 1)
print(debug.traceback(co))
print(debug.traceback(co, "m", 1))
print(debug.getinfo(co, 1, "S").what, debug.getinfo(co, 0, "S").what)
