-- table.move reads with __index and writes with __newindex, in lua5.4's order
local log = {}
local function proxy(name, store)
  return setmetatable({}, {
    __index = function(_, k) log[#log + 1] = name .. '[' .. k .. ']'; return store[k] end,
    __newindex = function(_, k, v) log[#log + 1] = name .. '[' .. k .. ']=' .. tostring(v); store[k] = v end,
  })
end
local s1 = {1, 2, 3, 4, 5}
local p = proxy('p', s1)
table.move(p, 1, 3, 2)
print(table.concat(log, ' '))
print(table.concat(s1, ','))
log = {}
s1 = {1, 2, 3, 4, 5}
p = proxy('p', s1)
table.move(p, 2, 4, 1)
print(table.concat(log, ' '))
print(table.concat(s1, ','))
log = {}
local d = {}
table.move(proxy('src', {10, 20, 30}), 1, 3, 5, proxy('dst', d))
print(table.concat(log, ' '))
print(d[5], d[6], d[7])

-- different tables that are equal by __eq are treated as the same table
local eqlog = {}
local mt = {__eq = function(a, b) eqlog[#eqlog + 1] = 'eq'; return true end}
local A = setmetatable({1, 2, 3, 4}, mt)
local B = setmetatable({}, mt)
table.move(A, 1, 3, 2, B)
print(#eqlog, B[2], B[3], B[4])
-- __eq is not consulted when the ranges cannot overlap
eqlog = {}
table.move(A, 1, 2, 10, B)
print(#eqlog, B[10], B[11])

-- non-tables with the needed metamethods are accepted
local ok, r = pcall(function() return (table.move(setmetatable({}, {__index = function(_, k) return k end}), 1, 3, 1, {})) end)
print(ok, r[1], r[2], r[3])
