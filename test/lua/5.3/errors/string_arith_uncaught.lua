local x = "10"
print(x + 1, x * "2")
local y = "ten"
print(y * 2)
