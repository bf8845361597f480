local n = 0
for x = 1, 0, -0.25 do n = n + 1; print(x) end
print(n)
local c = 0
for x = 0.1, 1.0, 0.1 do c = c + 1 end
print(c)
for x = -1, 1, 0.5 do print(x) end
