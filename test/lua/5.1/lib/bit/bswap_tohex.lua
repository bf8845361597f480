-- libs: bit
-- bswap and tohex (negative widths give upper case, widths above 8 are 8)
print(bit.bswap(0x12345678), bit.bswap(0xff), bit.bswap(-1), bit.bswap(bit.bswap(0x01020304)))
print(bit.tohex(255), bit.tohex(-1), bit.tohex(0x12345678, 4), bit.tohex(0x12345678, -4))
print(bit.tohex(255, 2), bit.tohex(255, 0), bit.tohex(255, 1), bit.tohex(255, 12), bit.tohex(255, -12))
print(bit.tohex(2^32 + 10), bit.tohex(-2), bit.tohex("255"), bit.tohex(255, "3"), bit.tohex(0xabcdef, -8))
