-- debug.getinfo(f, "L").activelines: the lines holding the function's own code.
local function show(f)
  local t = debug.getinfo(f, "SL")
  local r = {}
  for l in pairs(t.activelines) do r[#r + 1] = l - t.linedefined end
  table.sort(r)
  print(table.concat(r, " "))
end
show(function (...)
    -- empty
    local a = 20

    local b = 30
  end)
show(function (a) end)
show(function (a, b)
  end)
show(function (a, b)
  local function inner()
    return 1
  end
  if a then
    return b
  end
  end)
for _, n in pairs{0, 1, 2, 10} do show(load(string.format("%s return 1", string.rep("\n", n)))) end
show(load("local x = 1\nlocal function f()\n  return 2\nend\nreturn f"))
print(debug.getinfo(print, "L").activelines)
