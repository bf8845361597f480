local c = 0
for x = 0, 1, 0.1 do c = c + 1 end
print(c)
for x = 1, 2, 0.5 do print(x) end
for x = 1.0, 3 do print(x, math.type(x)) end
for x = 1, 3.5 do print(x, math.type(x)) end
for x = 1, 2, 1.0 do print(x) end
