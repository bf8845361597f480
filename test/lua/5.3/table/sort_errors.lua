print(pcall(table.sort, {1, "a", 2}))
print(pcall(table.sort, {{}, {}}))
print(pcall(table.sort, nil))
local t = {5, 2, 8, 1, 9, 3}
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, ","))
local words = {"banana", "Apple", "cherry", "apple"}
table.sort(words)
print(table.concat(words, ","))
table.sort(words, function(a, b) return a:lower() < b:lower() end)
print(words[1]:lower(), words[4])
