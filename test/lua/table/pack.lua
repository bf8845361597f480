-- table.pack
local t = table.pack()
print(t.n, #t, next(t))
t = table.pack(1, 2, 3)
print(t.n, #t, t[1], t[2], t[3])
t = table.pack(nil)
print(t.n, t[1])
t = table.pack(1, nil, 3)
print(t.n, t[1], t[2], t[3])
t = table.pack(nil, nil, nil)
print(t.n, t[1], t[2], t[3])
t = table.pack('a', nil)
print(t.n, #t, t[1], t[2])
t = table.pack(table.unpack({1, 2, 3, 4, 5}))
print(t.n, #t)
-- a fresh table each time
local a, b = table.pack(1), table.pack(1)
print(a == b, rawequal(a, b))
-- packing varargs
local function count(...) local p = table.pack(...) return p.n, select('#', ...) end
print(count())
print(count(nil, nil))
print(count(1, nil, 2, nil))
-- large
local big = {}
for i = 1, 250 do big[i] = i end
local p = table.pack(table.unpack(big))
print(p.n, #p, p[250])
-- the keys
local keys = {}
for k in pairs(table.pack('x', 'y')) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, ' '))
-- modifying the packed table
local q = table.pack(1, 2)
q[3] = 3
print(q.n, #q)
