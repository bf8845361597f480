-- Line events inside statements that span several lines, as lua5.4's
-- instructions carry them, and Lua temporaries seen by getlocal.
local function trace(s)
  local lines = {}
  debug.sethook(function (e, l) lines[#lines + 1] = l end, "l")
  load(s)()
  debug.sethook()
  print(table.concat(lines, " "))
end

for _, i in ipairs{1, 2, 5} do
  for _, j in ipairs{1, 3} do
    local src = string.gsub("local b = {10}\na = b[1] X + Y b[1]\nb = 4\n", "[XY]",
      {X = string.rep("\n", i), Y = string.rep("\n", j)})
    trace(src)
  end
end
trace("local t = {}\nt.x = 1 +\n2\nlocal y = t.x\n  .. 'a'\n  .. t.x\nglobal = y ..\n  'b'\n")
trace("local a\na = 10\n  * 2\nlocal c = a\n   < 30\n")

-- The closure of `local A = function ... end` is made at its end; until then
-- its register is a temporary.
local co = load[[
  local A = function ()
    return x
  end
  return
]]
debug.sethook(function (e, l)
  print(l, (debug.getlocal(2, 1)))
end, "l")
co()
debug.sethook()

-- A pending operand is a temporary while the other operand calls a function.
function f()
  print(debug.getlocal(2, 3))
  print(debug.getlocal(2, 4))
  debug.setlocal(2, 3, 10)
  return 20
end
function g(a, b) return (a + 1) + f() end
print(g(0, 0))
function h(a) local s = a .. "x"; return (s .. "y") .. f() end
print(pcall(h, "w"))
