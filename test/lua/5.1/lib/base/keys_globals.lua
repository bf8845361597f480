-- the global names and every library's keys are lua5.1's
local function keys(t)
  local r = {}
  for k in pairs(t) do r[#r + 1] = tostring(k) end
  table.sort(r)
  return table.concat(r, " ")
end
print("_G", keys(_G))
for _, n in ipairs{"string", "table", "math", "os", "io", "coroutine", "package", "debug"} do
  print(n, keys(_G[n]))
end
print("loaded", keys(package.loaded))
print("string metatable", keys(getmetatable("")))
