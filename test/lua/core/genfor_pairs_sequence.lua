local t = {'a', 'b', 'c'}
local keys = {}
for k, v in pairs(t) do keys[#keys + 1] = k .. '=' .. v end
table.sort(keys)
print(table.concat(keys, ' '))
local m = {x = 1, y = 2, z = 3, 10, 20}
local ks = {}
for k in pairs(m) do ks[#ks + 1] = tostring(k) end
table.sort(ks)
print(table.concat(ks, ' '))
local count = 0
for k, v in next, m do count = count + 1 end
print(count)
