-- math.type
print(math.type(1), math.type(1.0), math.type(-0.0), math.type(2^63), math.type(math.mininteger))
print(math.type(1/0), math.type(0/0), math.type(1e100), math.type(0x7fffffffffffffff))
print(math.type('1'), math.type('1.0'), math.type({}), math.type(nil), math.type(false))
print(math.type(3 // 1), math.type(3 / 1), math.type(3 % 1), math.type(3.0 // 1), math.type(2^2))
print(math.type(1 + 1), math.type(1 + 1.0), math.type(7 // 0.0), math.type(-(-9223372036854775807 - 1)))
print(select('#', math.type('x')))
print(pcall(function() return (math.type()) end))
