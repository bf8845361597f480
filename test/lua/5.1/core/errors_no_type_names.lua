-- 5.1's messages name the basic type: __name is a 5.3+ feature.
local T = setmetatable({}, {__name = "MyType"})
print(pcall(function() return T < 1 end))
print(pcall(function() return T + 1 end))
print(pcall(function() return T .. "x" end))
print(pcall(function() return #T < T end))
print(pcall(string.rep, T))
