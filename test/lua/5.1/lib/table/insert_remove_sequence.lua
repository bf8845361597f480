-- a sequence through many inserts and removes
local t = {}
for i = 1, 10 do table.insert(t, i) end
for i = 1, 5 do table.insert(t, 1, -i) end
print(table.concat(t, " "))
for i = 1, 4 do table.remove(t, 1) end
table.remove(t)
table.remove(t, 3)
print(table.concat(t, " "), table.getn(t))
local q = {}
for i = 1, 100 do table.insert(q, i) end
local sum = 0
while table.getn(q) > 0 do sum = sum + table.remove(q, 1) end
print(sum)
