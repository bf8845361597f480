-- pcall and error with values of every type, levels, numbers get positions
print(pcall(error))
print(pcall(error, nil))
print(pcall(error, "msg"))
print(pcall(error, "msg", 0))
print(pcall(error, "msg", 1))
print(pcall(error, 42))
print(pcall(error, 42, 0))
print(pcall(function() error(42) end))
print(pcall(function() error(4.5, 1) end))
print(pcall(function() error("str", 1.9) end))
print(pcall(function() error(true) end))
print(type(select(2, pcall(function() error({1, 2}) end))))
local t = {}
print(select(2, pcall(error, t)) == t)
local function lvl2() error("level two", 2) end
local function caller() lvl2() end
print(pcall(caller))
local function lvl3() error("level three", 3) end
local function mid() lvl3() end
local function top() mid() end
print(pcall(top))
print(pcall(error, "msg", "2"))
print(pcall(error, "msg", {}))
print(select("#", pcall(error)))
