local t = {}
local keys = {"a'b", 'a"b', 'a\\b', '*/', '${x}', '`', '$', '$$', 'a.b', 'a[0]', '0', '-1', '1e2', ' ', ''}
for i, k in ipairs(keys) do t[k] = i end
local vals = {}
for i, k in ipairs(keys) do vals[#vals + 1] = tostring(t[k]) end
print(table.concat(vals, ' '))
print(t['0'], t[0], t['1e2'], t[100], t[''], t[' '])
t[0] = 'int zero'
print(t['0'], t[0])
