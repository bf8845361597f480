local M, m = math.maxinteger, math.mininteger
local n = 0
for i = M - 2, M do
  n = n + 1
  print(i)
  if n == 5 then break end
end
n = 0
for i = m + 2, m, -1 do
  n = n + 1
  print(i)
  if n == 5 then break end
end
n = 0
for i = M, M do n = n + 1 print(i) if n == 3 then break end end
n = 0
for i = M - 10, M, 5 do n = n + 1 print(i) if n == 4 then break end end
for i = M - 10, M - 1, 5 do print("fin", i) end
for i = 1, 3 do print("small", i) end
