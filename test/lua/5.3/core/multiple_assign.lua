local a, b, c = (function() return 1, 2, 3 end)()
print(a, b, c)
local x, y = 1
print(x, y)
local t = {}
t.a, t.b = 1, 2, 3
print(t.a, t.b)
local i = 1
local arr = {}
i, arr[i] = i + 1, 20
print(i, arr[1], arr[2])
local p, q = {(function() return 1, 2 end)()}, {(function() return 1, 2 end)(), 3}
print(#p, #q)
