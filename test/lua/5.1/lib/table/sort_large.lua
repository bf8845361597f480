-- sorting larger arrays: numbers, strings, comparator with ties
local t = {}
local x = 7
for i = 1, 500 do x = (x * 1103515245 + 12345) % 2147483648; t[i] = x % 1000 end
table.sort(t)
local ok = true
for i = 2, #t do if t[i - 1] > t[i] then ok = false end end
print(ok, t[1], t[250], t[500])
local s = {}
for i = 1, 200 do s[i] = string.format("k%03d", (i * 37) % 200) end
table.sort(s, function(a, b) return a > b end)
print(s[1], s[100], s[200])
local r = {}
for i = 1, 60 do r[i] = {k = i % 4, id = i} end
table.sort(r, function(a, b) return a.k < b.k end)
local ids = {}
for i = 1, 60 do ids[i] = r[i].id end
print(table.concat(ids, ","))
