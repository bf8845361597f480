for _, fmt in ipairs{"b", "B", "h", "H", "i", "I", "l", "L", "j", "J", "T", "f", "d", "n", "i1", "i2", "i7", "i16", "I9", "s1", "s2", "z", "x", "c5"} do
  local ok, size = pcall(string.packsize, fmt)
  io.write(fmt, "=", tostring(size), " ")
end
print()
print(string.pack("i7", -1):byte(1, -1))
print(string.unpack("i7", string.pack("i7", -12345)))
print(string.unpack("I16", string.pack("I16", 42)))
print(pcall(string.unpack, "I16", string.rep("\255", 16)))
print(string.unpack("i16", string.rep("\255", 16)))
print(string.pack(">s2", "hi"):byte(1, -1))
print(string.unpack("!4 i1 !4 i4", string.pack("!4 i1 !4 i4", 1, 2)))
print(pcall(string.pack, "i1", "x"))
