print(string.upper("Hello, World! 123"), string.lower("Hello, World! 123"))
print(("abcXYZ"):upper(), ("abcXYZ"):lower())
local hi = ""
for i = 128, 255 do hi = hi .. string.char(i) end
print(hi:upper() == hi, hi:lower() == hi)
print(("\0aZ\0"):upper() == "\0AZ\0", ("\0aZ\0"):lower() == "\0az\0")
print(string.upper(12), string.lower(1e100), string.upper(-0.5))
print(pcall(string.upper))
print(pcall(string.lower, {}))
local all = ""
for i = 0, 127 do all = all .. string.char(i) end
print(all:upper():byte(96, 128))
print(all:lower():byte(64, 93))
