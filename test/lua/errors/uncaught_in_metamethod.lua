local t = setmetatable({}, {__index = function(t, k) return k.missing.deeper end})
print(t.x)
