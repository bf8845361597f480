print(string.char(), string.char(72, 105), string.char(0, 255):byte(1, -1))
print(string.char("65", 66.0))
print(pcall(string.char, 256))
print(pcall(string.char, -1))
print(pcall(string.char, 65, 300))
print(pcall(string.char, 65, "x"))
print(pcall(string.char, 1.5))
print(pcall(string.char, nil))
print(pcall(string.char, math.maxinteger))
print(pcall(string.char, math.mininteger))
local t = {}
for i = 0, 255 do t[#t + 1] = string.char(i) end
local all = table.concat(t)
print(#all, all:byte(1), all:byte(256), all:sub(66, 70))
