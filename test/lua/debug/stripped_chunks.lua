-- Functions loaded without debug information (string.dump with strip).
prog = [[
local debug = require'debug'
local a = 12
local n, v = debug.getlocal(1, 1)
print(n, v == debug)
print(debug.getlocal(1, 2))
local f = function () local x; return a end
print(debug.getupvalue(f, 1))
print(debug.setupvalue(f, 1, 13), a)
local t = debug.getinfo(f)
print(t.name, t.linedefined > 0, t.lastlinedefined == t.linedefined, t.short_src, t.source)
print(debug.getinfo(1).currentline, next(debug.getinfo(f, "L").activelines))
f = load(string.dump(f))
t = debug.getinfo(f)
print(t.name, t.short_src, debug.getinfo(1, "l").currentline)
return a
]]
local f = assert(load(string.dump(load(prog), true)))
print(f())

-- Line hooks in stripped code: one event without a line, on entry.
local function foo ()
  local a = 1
  local b = 2
  for i = 1, 2 do b = b + i end
  return b
end
local s = load(string.dump(foo, true))
local lines = {}
debug.sethook(function (e, l) lines[#lines + 1] = tostring(l) end, "l")
local r = s(); debug.sethook(nil)
print(r, table.concat(lines, " ", 1, #lines - 1))

-- No source in a stripped dump.
local name = string.rep("x", 1000)
local p = assert(load("return function (x) return x end", name))
print(#string.dump(p) > 1000, #string.dump(p, true) < 500)
print(debug.getinfo(load(string.dump(p, true))).source, debug.getinfo(load(string.dump(p))).source == name)

-- A stripped function running in a coroutine (resumable code) still knows
-- which function it is.
local function where()
  local i = debug.getinfo(1, "Sl")
  print(i.source, i.currentline, i.linedefined, i.lastlinedefined, i.what)
  print(debug.traceback("tb"))
end
local sw = load(string.dump(where, true))
coroutine.wrap(function () pcall(sw) end)()
