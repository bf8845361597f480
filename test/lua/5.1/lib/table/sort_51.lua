-- sort: default order, comparators, errors, 5.1's quicksort order of equal keys
local t = {5, 2, 8, 1, 9, 3}
table.sort(t)
print(table.concat(t, " "))
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))
local words = {"pear", "apple", "fig", "banana"}
table.sort(words)
print(table.concat(words, " "))
table.sort(words, function(a, b) return #a < #b end)
print(table.concat(words, " "))
local recs = {}
for i = 1, 20 do recs[i] = {k = i % 3, id = i} end
table.sort(recs, function(a, b) return a.k < b.k end)
local ids = {}
for i, r in ipairs(recs) do ids[i] = r.k .. ":" .. r.id end
print(table.concat(ids, " "))
print(pcall(table.sort, {3, 1, "x"}))
print(pcall(table.sort, {1, 2, 3}, 1))
print(pcall(table.sort, 1))
print(pcall(table.sort))
print(pcall(table.sort, {1, nil, 3}))
local one = {1}
table.sort(one, function() error("not called") end)
print(one[1])
print(pcall(table.sort, {}, "x"))
local mixed = {{}, {}}
print(pcall(table.sort, mixed))
