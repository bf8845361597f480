-- error with levels and non-string values.
print(pcall(error, "msg"))
print(pcall(error, "msg", 0))
print(pcall(function() error("lvl1") end))
print(pcall(function() error("lvl2", 2) end))
local function thrower() error("up", 2) end
print(pcall(function() thrower() end))
print(type(select(2, pcall(error, {code = 1}))))
print(pcall(error))
print(pcall(error, nil))
print(select('#', pcall(error)))
print(pcall(error, true))
