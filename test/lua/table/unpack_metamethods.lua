-- table.unpack uses __len (when no end is given) and __index
local log = {}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = tostring(k); return k * 10 end,
  __len = function() log[#log + 1] = 'len'; return 3 end,
})
print(table.unpack(proxy))
print(table.concat(log, ' '))
log = {}
print(table.unpack(proxy, 2, 5))
print(table.concat(log, ' '))
-- __index table chain
local base = {'a', 'b', 'c'}
local child = setmetatable({}, {__index = base})
print(table.unpack(child, 1, 3))
print(select('#', table.unpack(child)))
-- __len only (no __index): raw values
print(table.unpack(setmetatable({1, 2, 3, 4}, {__len = function() return 2 end})))
print(pcall(function() return (table.unpack(setmetatable({}, {__len = function() return 2.5 end}))) end))
print(pcall(function() return (table.unpack(setmetatable({}, {__len = function() return '2' end}))) end))
-- unpack does not check the type of its argument beyond what it uses
print(pcall(table.unpack, 'abc'))
print(pcall(table.unpack, true, 1, 1))
