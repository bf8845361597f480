local t = {}
local i = 1
i, t[i] = i + 1, 20
print(i, t[1], t[2])
local u = {}
local j = 3
u[j], j = "v", 10
print(j, u[3], u[10])
