-- libs: bit
-- lshift, rshift, arshift, rol, ror: counts modulo 32
for _, n in ipairs{0, 1, 4, 31, 32, 33, -1, 64} do
  print(n, bit.lshift(1, n), bit.lshift(0x12345678, n), bit.rshift(-1, n), bit.rshift(0x80000000, n),
        bit.arshift(-256, n), bit.arshift(0x80000000, n), bit.rol(0x12345678, n), bit.ror(0x12345678, n))
end
print(bit.lshift(3, 30), bit.rshift(3, 1), bit.arshift(3, 1), bit.rol(1, 31), bit.ror(1, 1))
