-- table.sort argument checks and comparison errors
local function try(f) print(pcall(f)) end
try(function() table.sort({3, 1, {}}) end)
try(function() table.sort({3, 'x', 1}) end)
try(function() table.sort({{}, {}}) end)
try(function() table.sort({true, false}) end)
try(function() table.sort({1, nil, 3}) end)
try(function() table.sort({1, 2}, 3) end)
try(function() table.sort({1, 2}, 'x') end)
try(function() table.sort({1, 2}, {}) end)
try(function() table.sort({1, 2}, setmetatable({}, {__call = function() return true end})) end)
try(function() table.sort({1}, 3) end)
try(function() table.sort({}, 3) end)
try(function() table.sort() end)
try(function() table.sort(nil) end)
try(function() table.sort('abc') end)
try(function() table.sort(setmetatable({}, {__len = function() return 2^31 end})) end)
try(function() table.sort(setmetatable({}, {__len = function() return 2^31 - 1 end})) end)
try(function() table.sort(setmetatable({}, {__len = function() return math.maxinteger end})) end)
try(function() table.sort(setmetatable({}, {__len = function() return -5 end})) end)
try(function() table.sort(setmetatable({}, {__len = function() return 1.5 end})) end)
-- errors raised by the comparator propagate unchanged
try(function() table.sort({1, 2, 3}, function(a, b) error('boom') end) end)
print(select(2, pcall(table.sort, {1, 2, 3}, function(a, b) error({code = 7}) end)).code)
try(function() table.sort({1, 2, 3}, function(a, b) return a.x < b end) end)
-- the table keeps the partial state reached before the error
local t = {5, 4, 3, 2, 1}
local n = 0
pcall(table.sort, t, function(a, b) n = n + 1; if n == 4 then error('stop') end; return a < b end)
print(table.concat(t, ' '))
