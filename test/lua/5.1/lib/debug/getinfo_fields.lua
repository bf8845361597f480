-- getinfo's fields in 5.1
local function keys(t)
  local r = {}
  for k in pairs(t) do r[#r + 1] = k end
  table.sort(r)
  return table.concat(r, " ")
end
local function f(a, b, ...) return debug.getinfo(1, "Slnu") end
print(keys(f()))
print(keys(debug.getinfo(print)))
print(keys(debug.getinfo(f, "S")), keys(debug.getinfo(f, "u")), keys(debug.getinfo(f, "l")))
local i = debug.getinfo(f)
print(i.what, i.linedefined, i.lastlinedefined, i.nups, i.currentline, i.short_src == debug.getinfo(1, "S").short_src)
local main = debug.getinfo(1, "Sl")
print(main.what, main.linedefined, main.currentline)
local function named() return debug.getinfo(1, "n") end
local n = named()
print(n.name, n.namewhat)
