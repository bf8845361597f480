-- table.remove on plain tables
local t = {'a', 'b', 'c', 'd', 'e'}
print(table.remove(t), #t)
print(table.remove(t, 1), #t)
print(table.remove(t, 2), #t)
print(t[1], t[2], t[3])
print(table.remove(t, #t + 1), #t)
print(table.remove(t), table.remove(t), #t)
print(table.remove(t), #t)
print(select('#', table.remove(t)))
print(select('#', table.remove({})))

-- stack usage
local st = {}
for i = 1, 10 do st[#st + 1] = i * i end
local out = {}
while #st > 0 do out[#out + 1] = table.remove(st) end
print(table.concat(out, ' '))

-- queue usage
local q = {}
for i = 1, 10 do q[#q + 1] = i end
out = {}
while #q > 0 do out[#out + 1] = table.remove(q, 1) end
print(table.concat(out, ' '))

-- position given as float / string
local u = {1, 2, 3}
print(table.remove(u, 2.0), table.remove(u, '1'), u[1], #u)

-- values of all kinds
local v = {true, false, 1.5, 'x', 2^53}
print(table.remove(v), table.remove(v), table.remove(v), table.remove(v), table.remove(v), #v)
