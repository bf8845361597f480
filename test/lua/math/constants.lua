-- math constants
print(math.pi, math.huge, -math.huge)
print(math.maxinteger, math.mininteger)
print(math.type(math.pi), math.type(math.huge), math.type(math.maxinteger), math.type(math.mininteger))
print(math.maxinteger + 1 == math.mininteger, math.mininteger - 1 == math.maxinteger)
print(math.maxinteger // -1, math.mininteger // -1, -math.mininteger)
print(math.maxinteger + 0.0, math.mininteger + 0.0, math.maxinteger + 0.0 == 2^63)
print(math.huge > math.maxinteger, -math.huge < math.mininteger, math.huge == 1/0)
print(math.pi == 3.141592653589793, math.pi * 2)
print(string.format('%.17g', math.pi))
-- every field of the library
local names = {}
for k, v in pairs(math) do names[#names + 1] = k .. ':' .. type(v) end
table.sort(names)
print(table.concat(names, ' '))
