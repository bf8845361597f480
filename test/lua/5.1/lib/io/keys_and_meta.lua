-- io's keys and the file metatable of 5.1 (methods in the metatable, which is its own __index)
local function keys(t)
  local r = {}
  for k in pairs(t) do r[#r + 1] = k end
  table.sort(r)
  return table.concat(r, " ")
end
print(keys(io))
local mt = getmetatable(io.stdout)
print(keys(mt))
print(mt.__index == mt, mt.__name, mt.__close)
print(getmetatable(io.stdin) == mt, io.stdout.write == mt.write)
