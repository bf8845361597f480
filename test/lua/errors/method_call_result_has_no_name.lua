-- Fuzzer finding: the result of a method call used as an operand has no name in
-- lua5.4 messages (it was described as "method 'm'", the name of the called function).
local s = {m=function() end}
print(pcall(function() return s:m().x end))
print(pcall(function() return s:m() + 1 end))
print(pcall(function() return s:m()() end))
print(pcall(function() return s:m() .. "x" end))
print(pcall(function() return #s:m() end))
print(pcall(function() return -s:m() end))
print(pcall(function() return s:m() < 1 end))
print(pcall(function() s:m().y = 1 end))
print(pcall(function() return s:m():z() end))
print(pcall(function() return ~s:m() end))
print(pcall(function() return s:m() | 1 end))
print(pcall(function() return 1 & s:m() end))
