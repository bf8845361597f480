-- libs: bit
-- tobit: numbers normalised modulo 2^32 to signed 32 bits (rounding as bit.c's double trick)
for _, x in ipairs{0, 1, -1, 2^31, 2^31 - 1, -2^31, 2^32, 2^32 + 5, -2^32 - 5, 2^52, 2^52 + 1, 2^53,
                   2^60 + 3, 3.5, 2.5, -0.5, -1.5, 0.49999999999999994, 1e15, -1e15, 1/0, -1/0, 0/0, 4294967295} do
  print(string.format("%.17g", x), bit.tobit(x))
end
print(bit.tobit("0x10"), bit.tobit(" 12 "), bit.tobit("1e3"))
