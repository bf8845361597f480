-- insert: 2 or 3 arguments, positions not range-checked, raw writes
local t = {1, 2, 3}
table.insert(t, 4)
table.insert(t, 1, 0)
print(table.concat(t, ","))
table.insert(t, 10, "ten")
print(table.concat(t, ","), t[10], table.getn(t))
local v = {1, 2, 3}
table.insert(v, 0, "z")
print(v[0], v[1], v[2], v[3], v[4])
local w = {1, 2, 3}
table.insert(w, -1, "z")
print(w[-1], w[0], w[1], w[2], w[3], w[4])
local x = {1, 2}
table.insert(x, 2.7, "x")
print(table.concat(x, ","))
table.insert(x, "2", "y")
print(table.concat(x, ","))
print(pcall(table.insert, {}, 1, 2, 3))
print(pcall(table.insert, {}))
print(pcall(table.insert, 1, 2))
print(pcall(table.insert, {}, "x", 2))
print(pcall(table.insert, {}, {}, 2))
local e = {}
table.insert(e, nil)
print(#e, table.insert({}, "a"))
local m = setmetatable({}, {__newindex = function() error("newindex called") end})
table.insert(m, "raw")
print(rawget(m, 1))
