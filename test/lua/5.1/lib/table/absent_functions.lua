-- table.unpack/pack/move do not exist in 5.1; unpack is global
print(table.unpack, table.pack, table.move)
print(pcall(function() return table.unpack({1, 2}) end))
print(unpack({1, 2}))
local t = {}
for k in pairs(table) do t[#t + 1] = k end
table.sort(t)
print(table.concat(t, " "))
