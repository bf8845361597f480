-- math.random() floats: the top 53 bits of the generator output, times 2^-53
math.randomseed(77)
for i = 1, 30 do
  local x = math.random()
  local bits = math.tointeger(x * 2^53)
  print(bits, math.type(x), x >= 0 and x < 1)
end
math.randomseed(0, 0)
local z = {}
for i = 1, 10 do z[i] = string.format('%a', math.random()) end
print(table.concat(z, ' '))
