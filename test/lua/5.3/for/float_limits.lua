local M, m = math.maxinteger, math.mininteger
local function count(a, b, c, max)
  local n = 0
  for i = a, b, c do n = n + 1 if n >= max then break end end
  return n
end
print(count(1, 2^63, 1, 10), count(1, -2^63, -1, 10), count(1, 2^64, -1, 10), count(1, -2^64, 1, 10))
print(count(M - 1, 2^63, 1, 10), count(m + 1, -2^63, -1, 10))
print(count(1, 3.99, 1, 10), count(-1, -3.99, -1, 10), count(1, 0.99, 1, 10), count(1, 1/0, 1, 5), count(1, -1/0, -1, 5))
print(count(1, 0/0, 1, 5), count(1, 0/0, -1, 5), count(1.0, 0/0, 1, 5), count(0/0, 1, 1, 5), count(1, 3, 0/0, 5))
for i = 1, 2.5 do print(i, math.type(i)) end
for i = 1, 2, 0.5 do print(i, math.type(i)) end
for i = 0.1, 0.5, 0.1 do print(i) end
for i = 1, 0, -0.3 do print(i) end
