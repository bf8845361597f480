-- remove: default last element, positions outside 1..n remove nothing
local t = {1, 2, 3, 4}
print(table.remove(t), table.concat(t, ","))
print(table.remove(t, 1), table.concat(t, ","))
print(select("#", table.remove({})), select("#", table.remove({}, 1)))
print(select("#", table.remove({1, 2, 3}, 0)), select("#", table.remove({1, 2, 3}, 4)), select("#", table.remove({1, 2, 3}, -1)))
print(table.remove({1, 2, 3}, 3), table.remove({1, 2, 3}, 2.9))
local h = {1, 2, nil, 4}
print(table.remove(h), #h)
local n = {n = 1, "a"}
print(table.remove(n), n.n, n[1])
print(pcall(table.remove, 1))
print(pcall(table.remove, {1}, "x"))
print(pcall(table.remove))
local s = {"a", "b", "c"}
while #s > 0 do io.write(table.remove(s, 1), " ") end print()
