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
