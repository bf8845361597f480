-- string.dump(f, true): the loaded function has no line information and no
-- local or upvalue names, as lua5.4 shows it in messages, tracebacks and getinfo
local up = {}
local function f(a)
  local t = {}
  print(pcall(function() return a + 1 end))
  print(pcall(function() return undefinedglobal.x end))
  print(pcall(function() return up.x.y end))
  print(pcall(function() return t:nomethod() end))
  print(pcall(function() return string.rep() end))
  print(pcall(function() error("msg") end))
  print(pcall(function() error("msg", 2) end))
  print(pcall(function() local x = {} .. "" end))
  print(pcall(function() local lf; lf() end))
  print(pcall(function() nofunction() end))
  print(debug.traceback("tb"))
  local i = debug.getinfo(1, "Sl")
  print(i.source, i.short_src, i.currentline, i.linedefined, i.lastlinedefined, i.what)
  return a
end
local g = load(string.dump(f, true))
print(debug.getupvalue(g, 1) == "(no name)", select(2, debug.getupvalue(g, 1)) == _G)
print(debug.getlocal(g, 1))
print(select(2, pcall(g, {})) ~= nil)
-- stripped stays stripped when dumped again; not stripped keeps everything
local h = load(string.dump(load(string.dump(function(x) return x + 1 end, true))))
print(pcall(h, {}))
local k = load(string.dump(function(x) return x + 1 end))
print(pcall(k, {}))
print(debug.getlocal(k, 1))
-- errors.lua "errors in functions without debug info"
local e = function (a) return a + 1 end
e = assert(load(string.dump(e, true)))
print(e(3), pcall(e, {}))
e = function () local a; a = {}; return a + 2 end
e = assert(load(string.dump(e, true)))
print(pcall(e))
