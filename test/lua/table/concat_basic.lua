-- table.concat: separators and ranges
local t = {'a', 'b', 'c', 'd'}
print(table.concat(t))
print(table.concat(t, ', '))
print(table.concat(t, '', 2))
print(table.concat(t, '-', 2, 3))
print(table.concat(t, '-', 3, 3))
print('[' .. table.concat(t, '-', 4, 3) .. ']')
print('[' .. table.concat(t, '-', 10, 3) .. ']')
print('[' .. table.concat({}) .. ']')
print('[' .. table.concat({}, 'x') .. ']')
print(table.concat({'only'}, 'sep'))
print(table.concat(t, 1))
print(table.concat(t, 2.5))
print(table.concat(t, nil, 2))
print(table.concat(t, '\0'):len())
print(table.concat({'x', 'y'}, '', 1.0, '2'))

-- building a long string
local parts = {}
for i = 1, 1000 do parts[i] = tostring(i % 10) end
local s = table.concat(parts)
print(#s, s:sub(1, 20), s:sub(-5))
local s2 = table.concat(parts, ', ')
print(#s2, s2:sub(1, 20))

-- separator never appears after the last element
print(table.concat({1, 2, 3}, '|', 1, 2))
-- embedded zeros and high bytes survive
local bin = table.concat({'\0\1', '\255', 'é'}, '\0')
print(#bin, bin:byte(1, -1))
