-- libs: bit
-- band, bor, bxor, bnot, with one or more arguments
print(bit.band(0xff, 0x0f), bit.bor(0xf0, 0x0f), bit.bxor(0xff, 0x0f), bit.bnot(0), bit.bnot(-1))
print(bit.band(7), bit.bor(5), bit.bxor(3))
print(bit.band(0xffffffff, 0x12345678, 0x0f0f0f0f), bit.bor(1, 2, 4, 8, 16), bit.bxor(1, 3, 7, 15))
print(bit.band(-1, 0xffffffff), bit.bor(0x80000000, 0), bit.bxor(0x80000000, 0x80000000))
print(bit.bnot(0x12345678), bit.bnot(2^32), bit.band(2^32 + 7, 3))
print(bit.band(1.5, 3), bit.bor(2.5, 0), bit.bxor("5", "1"))
