-- assigning to existing fields during traversal is allowed
local t = {a = 1, b = 2, c = 3}
for k, v in pairs(t) do t[k] = v * 10 end
local ks = {}
for k, v in pairs(t) do ks[#ks + 1] = k .. v end
table.sort(ks)
print(table.concat(ks, ' '))
-- clearing fields during traversal is allowed
for k in pairs(t) do t[k] = nil end
print(next(t))
