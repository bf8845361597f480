-- next: traversal order of the array part, clearing fields during traversal
local t = {10, 20, 30}
local k, v = next(t)
while k do io.write(k, "=", v, " ") k, v = next(t, k) end
print()
local u = {a = 1, b = 2, c = 3, d = 4}
local n = 0
for k in pairs(u) do u[k] = nil n = n + 1 end
print(n, next(u))
print(next({}, nil), pcall(next, {}, 1))
print(rawequal(next, next), type(next))
