local function f() print("f called") return 1, 2, 3 end
local a, b = f(), f()
print(a, b)
local x, y, z, w = 1, f()
print(x, y, z, w)
local p, q = (f())
print(p, q)
local m = 5, print("evaluated extra")
print(m)
