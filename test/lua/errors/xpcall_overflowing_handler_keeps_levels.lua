-- A message handler that overflows the stack ("error in error handling")
-- must not leave the call depth behind: error levels still work afterwards
local function loop (x, y, z) return 1 + loop(x, y, z) end
print(xpcall(loop, loop))
print(xpcall(loop, loop))
local p = [[
  function g() f() end
  function f(x) error('a', X) end
g()
]]
for _, lvl in ipairs{1, 2, 3} do
  X = lvl
  print(pcall(load(p)))
end
