-- A call instruction carries the line where the called expression starts:
-- a call on another line than its statement is a line event, and a frame
-- waiting for a call is at the call's line (getinfo's currentline).
local function trace(s)
  local lines = {}
  debug.sethook(function (e, l) lines[#lines + 1] = l end, "l")
  load(s)()
  debug.sethook()
  print(table.concat(lines, " "))
end

trace("local function f() return 1 end\nlocal x = f(\n  f()) local y = 2\nlocal z =\n  f()\n")
trace("local function id(...) return ... end\nlocal t = {id(1),\n  id(2),\n  id(3)}\nreturn id(\n  id(4), id(5)\n)\n")
trace("local s = string.format('%d %d',\n  #tostring(12),\n  math.max(1, 2))\n")

-- currentline of a frame suspended in a call, with a hook set (debug mode)
-- and without one.
for _, hooked in ipairs{false, true} do
  if hooked then debug.sethook(function () end, "l") end
  local f = load("return 'abc',\n  require'debug'.getinfo(1).currentline,\n  (function () return debug.getinfo(2, 'l').currentline end)()\n")
  print(hooked, f())
  local g = load("local a, b = {},\n\n  debug.getinfo(1, 'l').currentline\nreturn b")
  print(hooked, select(2, pcall(g)))
  debug.sethook()
end

-- Arguments, constructor items, called fields and methods over several
-- lines: line events and active lines where lua's instructions are.
local function traceAndActive(s)
  local lines = {}
  local f = assert(load(s))
  debug.sethook(function (e, l) lines[#lines + 1] = l end, "l")
  f()
  debug.sethook()
  local act = {}
  for l in pairs(debug.getinfo(f, "L").activelines) do act[#act + 1] = l end
  table.sort(act)
  print(table.concat(lines, " "), "|", table.concat(act, " "))
end
local snippets = {
  "local a, b = 1, 2\nprint(a,\n b)\n",
  "local a, b = 1, 2\nprint(a,\n b\n)\n",
  "local a, b = 1, 2\nlocal t = {}\nprint(t.x,\n b + a, 'x',\n a)\n",
  "local function f(...) return ... end\nf(1, ...)\nf(\n...)\nf(f(1),\n  f(2),\n  3)\n",
  "local t = setmetatable({}, {__index = function() return 1 end})\nlocal x = math.max(t.a,\n  t.b,\n  t.c)\n",
  "local o = {m = function(self, a) return a end}\no:m(1,\n 2)\no\n:m(\n3)\n",
  "local s = string.format('%d %d',\n  #tostring(12),\n  math.max(1,\n    2))\n",
  "local x = {\n1,\n2,\n(\n3)}\n",
  "local x = {\n1,\n2\n}\n",
  "local x = {a = 1,\n b = 2,\n c = {\n d = 3}}\n",
  "local x = {\n[1] = 1,\n[2 + 0] = 2,\n 'x',\n}\n",
  "local t = {} t.f = function() end\nt.f(\n1, {\n2})\n",
  "print(\n\n'a')\n",
  "local a = 1\nlocal b = {a,\n a + 1,\n {a}}\n",
  "local function f(...) return select('#', ...) end\nlocal n = f(1,\n 2,\n ...)\n",
  "local s = ('x'):rep(\n3)\n",
  "local s = ('x')\n:rep(3)\n",
  "local t = {n = {m = function() return 1 end}}\nlocal v = t.n\n.m(\n)\n",
  "if type(\n1) == 'number' then\n local z = 1\nend\n",
  "while select('#',\n nil) == 0 do end\n",
  "local t = setmetatable({}, {__call = function() end})\nt(1,\n 2)\n",
  "return {\n1}\n",
  "return math.max(1,\n2)\n",
  "local x <const> = 10\nprint(x,\n x + 1)\n",
  "for i = 1, 2 do\n  print(i,\n    i * 2)\nend\n",
  "local t = {}\nt[#t + 1] = {\n1}\n",
  "local f2 = function (a)\n  local b = a\n  return\n    b + 1\nend\nf2(1)\n",
}
for _, s in ipairs(snippets) do traceAndActive(s) end
