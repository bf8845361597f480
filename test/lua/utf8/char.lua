-- utf8.char: encodings, extended range, argument errors
local function hex(s) return (s:gsub(".", function(c) return string.format("%02X ", c:byte()) end)) end
for _, v in ipairs{0, 0x41, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF, 0x110000,
                   0x1FFFFF, 0x200000, 0x3FFFFFF, 0x4000000, 0x7FFFFFFF, 0xD800, 0xDFFF} do
  print(string.format("%X", v), hex(utf8.char(v)))
end
print(utf8.char() == "", #utf8.char())
print(utf8.char(72, 101, 108, 108, 111, 0x4E2D, 0x6587))
print(hex(utf8.char(65.0, "66", 0x100)))
print(pcall(utf8.char, 0x80000000))
print(pcall(utf8.char, -1))
print(pcall(utf8.char, math.mininteger))
print(pcall(utf8.char, math.maxinteger))
print(pcall(utf8.char, 65, 66, -5))
print(pcall(utf8.char, 1.5))
print(pcall(utf8.char, "x"))
print(pcall(utf8.char, nil))
print(pcall(utf8.char, 65, {}))
print(pcall(utf8.char, 2^31))
print(utf8.charpattern == "[\0-\x7F\xC2-\xFD][\x80-\xBF]*", #utf8.charpattern)
for c in string.gmatch("aé中😀", utf8.charpattern) do io.write(hex(c), "| ") end print()
print(select('#', utf8.char(1, 2, 3)))
