-- table.concat converts numbers like tostring does
print(table.concat({1, 2, 3}, ' '))
print(table.concat({1.0, -0.0, 2.5, 1e15, 1e16, 2^53, 2^63, -2^63}, ' '))
print(table.concat({math.maxinteger, math.mininteger, 0, -1}, ' '))
print(table.concat({1/3, 100/3, 1e100, -1e-100, 123456789012345678}, ' '))
print(table.concat({math.huge, -math.huge}, ' '))
print(table.concat({0x10, 0xff, 0x7fffffffffffffff, 0xffffffffffffffff}, ' '))
print(table.concat({3.14159265358979, 1e-310, 5e-324}, ' '))
print(table.concat({'1', 1, '1.0', 1.0}, ','))
