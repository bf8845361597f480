local function two(i) return i, i * 2 end
local s = 0
for i = 1, 20000000 do
  local a, b = two(i)
  s = s + a - b
end
print(s)
