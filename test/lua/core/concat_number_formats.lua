print(1 .. 2, 1 .. '', 1.5 .. 2, 2^53 .. '', -2^63 .. '', math.mininteger .. '')
print(1e100 .. '|' .. 1e-100 .. '|' .. 123456789012345678 .. '|' .. 0.1 + 0.2)
print(3 .. 'x' == '3x', 3.0 .. 'x')
local t = {}
for i = 1, 5 do t[#t + 1] = i / 2 .. '' end
print(table.concat(t, ' '))
