local declared = {}
setmetatable(_G, {
  __newindex = function(t, k, v) declared[k] = true rawset(t, k, v) end,
  __index = function(t, k) error("undeclared global '" .. tostring(k) .. "'", 2) end,
})
x = 1
print(x)
print(pcall(function() return y end))
print(declared.x, rawget(_G, 'y'))
setmetatable(_G, nil)
print(y)
