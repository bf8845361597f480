math.randomseed(123)
local seen = {}
for i = 1, 1000 do seen[math.random(3)] = true end
print(seen[1], seen[2], seen[3], seen[0], seen[4])
for i = 1, 1000 do local r = math.random(-2, 2) assert(r >= -2 and r <= 2 and math.type(r) == "integer") end
for i = 1, 100 do local r = math.random(math.maxinteger - 1, math.maxinteger) assert(r >= math.maxinteger - 1) end
print(pcall(math.random, 1, 2, 3))
print(pcall(math.random, 3, 1))
print(pcall(math.random, math.mininteger, math.maxinteger))
print(pcall(math.random, math.mininteger, -1) and "ok")
print(select('#', math.randomseed(1, 2)))
