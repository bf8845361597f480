local a, b, c, d, e, f, g, h = 1, 2, 3, 4, 5, 6, 7, 8
local function all() return a + b + c + d + e + f + g + h end
print(all())
a = 10
print(all())
local function mk()
  local x = 0
  return function() x = x + a return x end
end
local m1, m2 = mk(), mk()
print(m1(), m1(), m2())
