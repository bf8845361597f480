-- table.unpack
print(table.unpack({}))
print(table.unpack({1, 2, 3}))
print(table.unpack({1, 2, 3}, 2))
print(table.unpack({1, 2, 3}, 2, 3))
print(table.unpack({1, 2, 3}, 3, 2))
print(table.unpack({1, 2, 3}, 1, 5))
print(table.unpack({1, 2, 3}, -1, 1))
print(table.unpack({1, 2, 3}, 0))
print(table.unpack({[0] = 'zero', 'one'}, 0, 1))
print(table.unpack({1, 2, 3}, '2', 3.0))
print(table.unpack({1, 2, 3}, nil, 2))
print(select('#', table.unpack({})))
print(select('#', table.unpack({}, 1, 0)))
print(select('#', table.unpack({}, 1, 10)))
print(select('#', table.unpack({nil, nil, 3})))
local a, b, c = table.unpack({'x', 'y', 'z', 'w'})
print(a, b, c)
-- unpack as a middle argument is truncated to one value
print(table.unpack({1, 2}), table.unpack({3, 4}))
-- strings as the source: # and indexing via the string metatable
print(table.unpack('abc'))
-- unpacking the result of pack
local p = table.pack(1, nil, 3)
print(table.unpack(p, 1, p.n))
-- mutating the source after unpack does not affect the values
local src = {1, 2, 3}
local function capture(...) src[1] = 'changed' return ... end
print(capture(table.unpack(src)))
print(src[1])
-- big arrays
local big = {}
for i = 1, 5000 do big[i] = i end
print(select('#', table.unpack(big)), (select(5000, table.unpack(big))))
local sum = 0
for _, v in ipairs({table.unpack(big, 4990)}) do sum = sum + v end
print(sum)
