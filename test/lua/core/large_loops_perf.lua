local parts = {}
for i = 1, 100000 do parts[i] = i % 10 end
print(#parts, #table.concat(parts))
local s = 0
for i = 1, 3000000 do s = s + i % 7 end
print(s)
local t = {}
for i = 1, 200000 do t[#t + 1] = i end
print(#t, t[#t])
