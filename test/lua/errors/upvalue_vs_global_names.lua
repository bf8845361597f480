local up = nil
local function f() return up.x end
local function g() return glob.x end
local function h() local loc; return loc.x end
local function k() return _G.glob2.x end
print(pcall(f))
print(pcall(g))
print(pcall(h))
print(pcall(k))
