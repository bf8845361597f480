local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
all = table.concat(all)
for _, c in ipairs{"a", "c", "d", "g", "l", "p", "s", "u", "w", "x", "z", "A", "C", "D", "G", "L", "P", "S", "U", "W", "X", "Z"} do
  local r = all:gsub("[^%" .. c .. "]", "")
  local r2 = all:gsub("%" .. c, "")
  print(c, #r, #r2, (r:gsub(".", function(ch) return string.format("%02x", ch:byte()) end)):sub(1, 80))
end
print(("a.b"):gsub("%.", "!"), ("a%b"):gsub("%%", "!"), ("a]b"):gsub("%]", "!"), ("a-b"):gsub("%-", "!"))
print(("hello"):gsub("%q", "!"), ("aqa"):gsub("%q", "!"), ("a_b"):gsub("%_", "!"), ("a b"):gsub("% ", "!"))
print(("abc123"):gsub("[%a]", "L"), ("abc123"):gsub("[%d%a]", "X"), ("a1 !"):gsub("[^%w%s]", "P"))
print(("abcxyz"):gsub("[a-c]", "1"), ("abcxyz"):gsub("[x-]", "2"), ("a-z"):gsub("[-z]", "3"), ("abc"):gsub("[c-a]", "4"))
print(("a]b"):gsub("[]]", "5"), ("a]b^"):gsub("[^]]", "6"), ("a^b"):gsub("[a^]", "7"), ("a%b"):gsub("[%%]", "8"))
print(("\0\1\2abc"):gsub("[\0-\2]", "N"), ("z\255"):gsub("[\128-\255]", "H"))
print(("Hello World"):gsub("%u", "U"), ("Hello World"):gsub("%l+", "l"), ("tab\tnl\nsp "):gsub("%s", "_"))
print(("0x1F gz"):gsub("%x", "h"), ("a,b;c.d"):gsub("%p", "P"), ("a\127b\31c"):gsub("%c", "C"))
print(("x"):gsub("[%a-z]", "!"), ("-"):gsub("[%a-z]", "!"), ("b"):gsub("[a-%z]", "!"))
