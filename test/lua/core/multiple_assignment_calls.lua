local function two() return 'a', 'b' end
local x, y, z = two(), two()
print(x, y, z)
local t = {}
t.a, t.b, t.c = two()
print(t.a, t.b, t.c)
local p, q = 1
p, q = q, p
print(p, q)
local i = 1
local arr = {10, 20, 30}
i, arr[i] = 2, 'changed'
print(i, arr[1], arr[2])
