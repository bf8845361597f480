local function f() error('msg') end
local function g() error('msg', 2) end
local function h() g() end
print(pcall(f))
print(pcall(h))
print(pcall(function() error('number ' .. 5) end))
print(pcall(function() error(5) end))
print(pcall(function() error('5') end))
