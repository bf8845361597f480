local t = setmetatable({}, {__add = function(a, b) return "mm:" .. tostring(type(a)) .. "," .. tostring(type(b)) end,
  __unm = function(a) return "unm" end, __band = function(a, b) return "band" end, __idiv = function() return "idiv" end})
print(t + "1", "1" + t, t + "x", "x" + t)
print(-t, t & "3", "3" & t, t // "2", "2" // t)
print("2" + 3, "2" & 3)
