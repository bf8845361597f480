local function lvl0() error('level zero', 0) end
local function lvl1() error('level one', 1) end
local function lvl2() error('level two', 2) end
local function default() error('default') end
print(pcall(lvl0))
print(pcall(lvl1))
print(pcall(function() lvl2() end))
print(pcall(default))
local function deep() lvl2() end
print(pcall(deep))
print(pcall(error, 'direct', 1))
print(pcall(error, 'direct2', 2))
