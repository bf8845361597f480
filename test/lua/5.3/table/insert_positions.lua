local t = {}
table.insert(t, "a")
table.insert(t, 1, "b")
table.insert(t, #t + 1, "c")
print(table.concat(t, ","))
print(pcall(table.insert, t, -1, "x"))
print(pcall(table.insert, t, #t + 2, "x"))
print(pcall(table.insert, {}, 1, "a", "b"))
print(pcall(table.insert, {}))
print(pcall(table.insert, "str", 1))
local r = {1, 2, 3}
print(table.remove(r, 2), table.concat(r, ","), table.remove(r), table.remove(r), table.remove(r), #r)
