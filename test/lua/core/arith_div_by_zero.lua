print(pcall(function() return 1 // 0 end))
print(pcall(function() return 1 % 0 end))
print(1.0 // 0, -1.0 // 0, 1 / 0, -1 / 0, 0.0 / 1)
print(1 % 0.0, 1.0 % 0)
print(1 // 0.0, 0 // 0.0)
local zero = 0
print(pcall(function() return 5 // zero end))
print(pcall(function() return 5 % zero end))
