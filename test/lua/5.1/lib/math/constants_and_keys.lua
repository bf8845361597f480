-- math's constants and keys
print(math.pi, math.huge, -math.huge)
local t = {}
for k in pairs(math) do t[#t + 1] = k end
table.sort(t)
print(table.concat(t, " "))
print(math.mod == math.fmod, math.pow(2, 3) == 2^3)
