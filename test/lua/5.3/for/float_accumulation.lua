local n = 0
for x = 0, 1, 0.1 do n = n + 1 end
print(n)
local vals = {}
for x = 1, 0, -0.25 do vals[#vals + 1] = x end
print(table.concat(vals, " "))
for x = 0.1, 0.35, 0.05 do io.write(string.format("%.17g ", x)) end print()
for x = -1.5, 1.5 do io.write(x, " ") end print()
