-- math.random on C's rand(): lua5.1's sequences for a seed
local function seq(seed)
  math.randomseed(seed)
  local t = {}
  for i = 1, 8 do t[i] = math.random(100) end
  return table.concat(t, " ")
end
print(seq(42))
print(seq(0), seq(1))
print(seq(-1))
print(seq(2^31))
print(seq(123.9))
math.randomseed(7)
print(string.format("%.14g %.14g", math.random(), math.random()))
math.randomseed(7)
print(math.random(5, 10), math.random(-3, 3), math.random(1), math.random(10, 10))
math.randomseed("99")
print(math.random(1000))
