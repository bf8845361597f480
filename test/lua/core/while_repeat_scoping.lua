local i = 0
repeat
  local done = i >= 3
  i = i + 1
until done
print(i)
local n = 0
while n < 10 do
  n = n + 1
  if n == 4 then break end
end
print(n)
local x = 0
repeat x = x + 1 until x > 100
print(x)
