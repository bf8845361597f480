local a, b, c = 1
print(a, b, c)
local x, y
x, y = 10
print(x, y)
local function none() end
local p, q = none()
print(p, q)
local r, s = none(), 7
print(r, s)
