-- math.random without a seed (rand() starts as srand(1)), and its argument checks
print(math.random(1000), math.random(1000), math.random(1000))
print(string.format("%.14g", math.random()))
print(pcall(math.random, 0))
print(pcall(math.random, 2, 1))
print(pcall(math.random, 1, 2, 3))
print(pcall(math.random, "x"))
print(pcall(math.randomseed))
print(pcall(math.randomseed, "x"))
print(math.random(3.9) <= 3, math.random(2.5, 2.9))
for i = 1, 1000 do
  local r = math.random(3)
  if r < 1 or r > 3 then print("out of range", r) end
  local x = math.random()
  if x < 0 or x >= 1 then print("out of range", x) end
end
print("done")
