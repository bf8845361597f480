local c = 0
for i = 1, math.huge do c = c + 1; if c == 5 then break end end
print(c)
c = 0
for i = 1, -math.huge do c = c + 1 end
print(c)
c = 0
for i = math.maxinteger - 1, 1e100 do c = c + 1; if c > 3 then break end end
print(c)
for i = 3, 5.9 do print(i) end
for i = -3, -5.5, -1 do print(i) end
