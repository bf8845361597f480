-- random ranges with a fixed seed, including negative bounds and truncated arguments
math.randomseed(2024)
local t = {}
for i = 1, 10 do t[i] = math.random(-5, 5) end
print(table.concat(t, " "))
for i = 1, 10 do t[i] = math.random(1.9) end
print(table.concat(t, " "))
for i = 1, 5 do t[i] = math.random(2^30, 2^30 + 10) end
print(table.concat(t, " ", 1, 5))
local counts = {0, 0, 0}
for i = 1, 3000 do local r = math.random(3) counts[r] = counts[r] + 1 end
print(counts[1] + counts[2] + counts[3], counts[1] > 800, counts[2] > 800, counts[3] > 800)
