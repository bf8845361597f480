-- argument errors from table functions called in tail position
print(pcall(function() return table.insert({}, 5, 1) end))
print(pcall(function() return table.remove({}, 5) end))
print(pcall(function() return table.concat({{}}) end))
print(pcall(function() return table.unpack({}, 1, 1e8) end))
print(pcall(function() return table.sort({1, 2}, 3) end))
print(pcall(function() return table.move({}, 1, math.maxinteger, 2) end))
local tinsert = table.insert
print(pcall(function() return tinsert({}, 1, 2, 3) end))
