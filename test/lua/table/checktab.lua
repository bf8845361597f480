-- checktab: non-tables are accepted when their metatable has the needed
-- metamethods; error messages name the type (or __name)
local function try(name, f) print(name, pcall(f)) end
local named = setmetatable({}, {__name = 'Thing'})
try('sort named', function() table.sort(named, 1) end)
try('insert num', function() table.insert(1, 2) end)
try('insert bool', function() table.insert(true, 2) end)
try('insert fn', function() table.insert(print, 2) end)
try('insert co', function() table.insert(coroutine.create(print), 2) end)
try('concat num', function() return (table.concat(12)) end)
try('remove str', function() return (table.remove('abc')) end)
try('insert str', function() table.insert('abc', 'd') end)
try('sort str', function() table.sort('abc') end)
try('move dst str', function() return (table.move({}, 1, 1, 1, 'abc')) end)
try('move src num', function() return (table.move(1, 1, 1, 1, {})) end)
-- a table is always accepted, whatever its metatable has
local mt_only_index = setmetatable({1, 2, 3}, {__index = function() return 0 end})
table.insert(mt_only_index, 4)
print(rawget(mt_only_index, 4), table.concat(mt_only_index, ','))
