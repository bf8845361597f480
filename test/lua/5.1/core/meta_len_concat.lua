-- # ignores __len on tables; __concat; __unm gets its operand twice.
local t = setmetatable({1, 2, 3}, {__len = function() return 42 end})
print(#t, #"abc", #{n = 1}, #{1, 2, nil, 4} >= 2)
local c = setmetatable({}, {__concat = function(a, b)
  return (type(a) == "table" and "T" or tostring(a)) .. "+" .. (type(b) == "table" and "T" or tostring(b))
end})
print(c .. "x", "x" .. c, 1 .. c, c .. c)
print("a" .. "b" .. c .. "d")
local u = setmetatable({}, {__unm = function(a, b) return rawequal(a, b) end})
print(-u)
local ar = setmetatable({}, {__add = function(a, b) return "add" end, __div = function() return "div" end,
  __mod = function() return "mod" end, __pow = function() return "pow" end, __sub = function() return "sub" end,
  __mul = function() return "mul" end})
print(ar + 1, 1 + ar, ar - 1, ar * 2, ar / 2, ar % 2, ar ^ 2, "3" + ar)
print(pcall(function() return ar .. "x" end))
