-- trigonometric and hyperbolic functions, deg and rad
local function f(x) return string.format("%.14g", x) end
print(f(math.sin(0)), f(math.sin(1)), f(math.cos(0)), f(math.cos(1)), f(math.tan(1)))
print(f(math.asin(1)), f(math.acos(0)), f(math.atan(1)), f(math.atan2(1, 1)), f(math.atan2(-1, -1)))
print(f(math.atan2(0, -1)), f(math.atan2(1, 0)), f(math.atan2(0, 0)))
print(f(math.sinh(1)), f(math.cosh(1)), f(math.tanh(1)), f(math.tanh(100)))
print(f(math.deg(math.pi)), f(math.rad(180)), f(math.deg(1)), f(math.rad(1)), f(math.deg(0.3)))
print(math.asin(2) ~= math.asin(2), math.acos(-2) ~= math.acos(-2))
print(f(math.pi), math.huge, -math.huge, math.huge == 1/0)
print(pcall(math.atan2, 1))
print(pcall(math.sin))
print(pcall(math.atan2, "x", "y"))
