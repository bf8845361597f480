-- a, a = 1, 2 : reference assigns right-to-left in practice
local a
a, a = 1, 2
print(a)
local t = {}
t.x, t.x = "first", "second"
print(t.x)
