for i = 1, 3 do
  local j = i
  i = i * 10
  print(i, j)
end
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3](), fs[1] == fs[2])
for i = 1.0, 2.0 do print(i) end
for i = 3, 1, -1 do io.write(i, " ") end print()
