local c = setmetatable({}, {__call = function(self, a, b) return a + b end})
print(pcall(c, 1, 2))
print(xpcall(c, print, 3, 4))
print(pcall(c, 1, nil))
