-- libs: bit
-- LuaBitOp in a 5.4 state: integer results, argument errors named after bit.*
print(bit.band(5, 3), math.type(bit.band(5, 3)), bit.tobit(2^32 + 5), bit.tobit(3.5), bit.tobit(2^63))
print(bit.tohex(255), bit.tohex(-1, -8), bit.bswap(0x12345678), bit.rol(0x12345678, 4), bit.arshift(-256, 4))
print(bit.tobit(math.maxinteger), bit.band(-1, 0xffffffff), bit.bnot(0), bit.tobit("0x10"), bit.bor(1, 2, 4))
print(pcall(bit.tobit, "x"))
print(pcall(bit.band, 1, {}))
print(pcall(bit.tobit))
print(type(bit), package.loaded.bit == bit)
