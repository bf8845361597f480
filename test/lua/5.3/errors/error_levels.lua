local function f() error("lvl1", 1) end
local function g() error("lvl2", 2) end
local function h() g() end
print(pcall(f))
print(pcall(h))
print(pcall(error, "top", 3))
local function k() local x = nil; x.y = 1 end
print(pcall(k))
print(pcall(function() error() end))
print(pcall(function() error("no pos", 0) end))
