-- error levels point at the right caller in nested functions
local function a() error("from a", 1) end
local function b() error("from b", 2) end
local function c() b() end
local function d() error("from d", 3) end
local function e() d() end
local function f() e() end
print(pcall(a))
print(pcall(c))
print(pcall(f))
print(pcall(function() error("level 2 at pcall", 2) end))
print(pcall(function() error("huge level", 100) end))
print(pcall(function() error("negative", -1) end))
print(pcall(function() error() end))
