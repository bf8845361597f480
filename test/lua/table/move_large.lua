-- table.move over large ranges
local a = {}
for i = 1, 100000 do a[i] = i end
local b = table.move(a, 1, #a, 1, {})
print(#b, b[1], b[100000])
table.move(a, 1, 50000, 50001)
print(#a, a[50000], a[50001], a[100000])
table.move(a, 50001, 100000, 1)
print(a[1], a[50000])
-- moving into a table with a hole-free prefix grows it
local c = {}
table.move(a, 1, 1000, 1, c)
table.move(a, 1, 1000, 1001, c)
print(#c, c[1000], c[1001], c[2000])
-- moving nils out of range clears elements
local d = {1, 2, 3, 4, 5}
table.move({}, 1, 5, 1, d)
print(#d, d[1], d[5])
-- overlapping move forwards and backwards by one in a big table
local e = {}
for i = 1, 10000 do e[i] = i end
table.move(e, 1, 9999, 2)
print(e[1], e[2], e[10000])
table.move(e, 2, 10000, 1)
print(e[1], e[9999], e[10000])
