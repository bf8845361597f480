-- table.sort reads/writes through __index/__newindex and compares with __lt
local store = {4, 1, 3, 2}
local log = {}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = 'r' .. k; return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = 'w' .. k .. '=' .. v; store[k] = v end,
  __len = function() return #store end,
})
table.sort(proxy)
print(table.concat(store, ' '))
print(table.concat(log, ' '))

-- objects ordered by __lt
local mt = {}
mt.__lt = function(a, b) return a.v < b.v end
local objs = {}
for i, v in ipairs{5, 3, 9, 1, 7} do objs[i] = setmetatable({v = v}, mt) end
table.sort(objs)
local out = {}
for i, o in ipairs(objs) do out[i] = o.v end
print(table.concat(out, ' '))
-- __lt between an object and a number
local cnt = 0
local mixed = {setmetatable({v = 2}, {__lt = function(a, b)
  cnt = cnt + 1
  local x = type(a) == 'table' and a.v or a
  local y = type(b) == 'table' and b.v or b
  return x < y
end}), 3, 1}
table.sort(mixed)
print(type(mixed[1]), type(mixed[2]), type(mixed[3]), cnt)
-- __index as a table (reads fall through), raw writes
local base = {10, 30, 20}
local t = setmetatable({}, {__index = base, __len = function() return 3 end})
table.sort(t)
print(rawget(t, 1), rawget(t, 2), rawget(t, 3), base[1], base[2], base[3])
-- the comparator can inspect the table while it is being sorted
local arr = {3, 1, 2}
local snapshots = {}
table.sort(arr, function(a, b)
  snapshots[#snapshots + 1] = table.concat(arr, '')
  return a < b
end)
print(table.concat(snapshots, ' '))
