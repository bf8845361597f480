-- argument errors from library functions called in tail position: the
-- calling Lua function is still on the stack in lua5.4 (C functions are not
-- tail-called), so the message has its position and the function's name
print(pcall(function() return math.abs() end))
print(pcall(function() return math.floor('x') end))
print(pcall(function() return math.random(2, 1) end))
print(pcall(function() return math.fmod(1, 0) end))
print(pcall(function() return math.max() end))
local m = math
print(pcall(function() return m.sqrt({}) end))
local sqrt = math.sqrt
print(pcall(function() return sqrt(nil) end))
