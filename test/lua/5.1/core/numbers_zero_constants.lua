-- lua5.1's constant table finds 0 and -0 equal: a function's zero literals
-- all take the sign of the first one.
print(-0, 1/0)
local function f() return 0, -0, 1/0 end
print(f())
local function g() local z = -0 return z, 1/0, 0 end
print(g())
local function h(x) return x * 0, -0 end
print(h(-3))
print(2 * -3, -(2), -2^2, (-2)^2, 2^-1)
