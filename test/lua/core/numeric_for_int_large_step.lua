local c = 0
for i = math.maxinteger - 1, math.maxinteger, 2 do c = c + 1 print(i) end
print(c)
c = 0
for i = math.mininteger, math.maxinteger, math.maxinteger do c = c + 1 print(i) end
print(c)
c = 0
for i = 0, -10, math.mininteger do c = c + 1 print(i) end
print(c)
