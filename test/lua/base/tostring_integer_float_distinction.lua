local vals = {1, 1.0, -1, -1.0, 0, 0.0, -0.0, 1e3, 1000, 2^10, 1 << 10, 7 // 2, 7.0 // 2, 3 % 1, 3.5 % 1}
local out = {}
for i, v in ipairs(vals) do out[i] = tostring(v) end
print(table.concat(out, ' '))
