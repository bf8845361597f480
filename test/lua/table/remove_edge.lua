-- table.remove edge cases: empty tables, t[0], #t+1, out of bounds
local t = {[0] = 'zero'}
print(table.remove(t), t[0])
print(table.remove(t), t[0])
local e = {}
print(table.remove(e, 0), table.remove(e, 1))
print(pcall(function() return (table.remove(e, 2)) end))
print(pcall(function() return (table.remove(e, -1)) end))
local z = {[0] = 'z0', [1] = nil}
print(table.remove(z, 0), z[0])

local t3 = {1, 2, 3}
print(table.remove(t3, 4), #t3)
print(pcall(function() return (table.remove(t3, 5)) end))
print(pcall(function() return (table.remove(t3, 0)) end))
print(pcall(function() return (table.remove(t3, math.mininteger)) end))
print(pcall(function() return (table.remove(t3, math.maxinteger)) end))
print(pcall(function() return (table.remove(t3, 1.5)) end))
print(pcall(function() return (table.remove(t3, 'a')) end))
print(pcall(function() return (table.remove(nil)) end))
print(pcall(function() return (table.remove()) end))
print(pcall(function() return (table.remove(5)) end))
print(table.remove(t3, nil), #t3)

-- removing from a table with a hole after the border
local h = {1, 2, nil, 4}
local n = #h
print(n == 4 or n == 2)
local r = {1, 2, 3}
r[5] = 5
print(table.remove(r), #r, r[5])
