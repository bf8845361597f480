local function p(...) local r = table.pack(pcall(...)) for i = 1, r.n do r[i] = tostring(r[i]) .. (math.type(r[i]) == "float" and "(f)" or "") end print(table.concat(r, " ")) end
local B = bit32
for _, v in ipairs{0, 1, -1, 2^31, 2^32, 2^32+5, -2^31, 0xFFFFFFFF, 0x1FFFFFFFF, math.maxinteger, math.mininteger, "7", "0x10", 3.0} do
  p(B.band, v); p(B.bor, v, 1); p(B.bxor, v, 0xFF); p(B.bnot, v); p(B.btest, v, 1)
end
p(B.band) p(B.bor) p(B.bxor) p(B.btest)
p(B.band, 1, 2, 3, 7) p(B.bor, 1, 2, 4, 8) p(B.bxor, 1, 3, 7)
p(B.band, 1.5) p(B.band, "x") p(B.band, nil) p(B.band, {}) p(B.bnot) p(B.band, 1, "1.5")
for _, s in ipairs{-40, -33, -32, -31, -1, 0, 1, 4, 31, 32, 33, 40, math.mininteger, math.maxinteger} do
  p(B.lshift, 0x80000001, s); p(B.rshift, 0x80000001, s); p(B.arshift, 0x80000001, s); p(B.arshift, 0x40000001, s)
  p(B.lrotate, 0x80000001, s); p(B.rrotate, 0x12345678, s); p(B.arshift, -1, s); p(B.rshift, -1, s)
end
p(B.lshift, 1) p(B.lshift, 1, 1.5) p(B.rshift, "8", "1") p(B.arshift, 2^33 + 2^31, 1)
for _, a in ipairs{{0}, {0, 32}, {31}, {31, 1}, {31, 2}, {-1}, {0, 0}, {0, -1}, {4, 8}, {28, 4}, {29, 4}} do
  p(B.extract, 0xDEADBEEF, a[1], a[2]); p(B.replace, 0xDEADBEEF, 0x5, a[1], a[2]); p(B.replace, 0, -1, a[1], a[2])
end
p(B.extract) p(B.extract, 1) p(B.replace, 1) p(B.replace, 1, 2) p(B.extract, 1, "x") p(B.extract, 1, 0, "y") p(B.extract, 1, 0, nil)
print(bit32.band(-1), bit32.bnot(0), math.type(bit32.bnot(0)))
print(pcall(bit32.band, 2^64))
