local t = {}
for i = 0, 255 do t[#t + 1] = string.format("%c", i) end
local s = table.concat(t)
print(#s, s:byte(1), s:byte(256), s == string.char(table.unpack((function() local r = {} for i = 0, 255 do r[#r + 1] = i end return r end)())))
print(string.format("[%c][%3c][%-3c]", 65, 66, 67))
print(string.format("%c", 256) == "\0", string.format("%c", 511):byte(), string.format("%c", -1):byte(), string.format("%c", math.maxinteger):byte(), string.format("%c", math.mininteger):byte())
print(pcall(string.format, "%c"))
print(pcall(string.format, "%c", "a"))
print(pcall(string.format, "%05c", 65))
print(pcall(string.format, "%+c", 65))
print(string.format("%c%c%c%c", 0x4c, 0x75, 0x61, 0x21))
