local t = {}
for i = 1, 10 do t[i] = i end
local sum = 0
for k, v in pairs(t) do
  sum = sum + v
  t[k] = nil
end
print(sum, next(t))
local u = {a = 1}
local k = next(u)
u[k] = nil
print(pcall(next, u, k))
