-- table.concat reads through __index and takes the length from __len
local log = {}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = k; return 'v' .. k end,
  __len = function() return 4 end,
})
print(table.concat(proxy, ','))
print(table.concat(log, ' '))
print(table.concat(proxy, ',', 3, 6))

-- __index as a table
local base = {'x', 'y', 'z'}
local inh = setmetatable({}, {__index = base})
print('[' .. table.concat(inh, ',') .. ']')
print(table.concat(inh, ',', 1, 3))

-- __len returning a float or numeric string
print(table.concat(setmetatable({'a', 'b', 'c'}, {__len = function() return 2.0 end}), ','))
print(table.concat(setmetatable({'a', 'b', 'c'}, {__len = function() return '3' end}), ','))
print(pcall(function() return (table.concat(setmetatable({}, {__len = function() return 1.5 end}))) end))
print(pcall(function() return (table.concat(setmetatable({}, {__len = function() return {} end}))) end))

-- holes filled by __index
local holes = setmetatable({1, nil, 3}, {__index = function() return 'H' end})
print(table.concat(holes, ',', 1, 3))
-- __index returning a non-string
print(pcall(function() return (table.concat(setmetatable({}, {__index = function() return {} end}), ',', 1, 2)) end))
