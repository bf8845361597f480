local p, up = string.pack, string.unpack
local s = p("i4i4i4", 10, 20, 30)
local pos = 1
while pos <= #s do
  local v
  v, pos = up("i4", s, pos)
  print(v, pos)
end
print(up("i4", s, 5), up("i4", s, -4), up("i4i4", s, -8))
print(pcall(up, "i4", s, -3))
print(pcall(up, "i4", s, 10))
print(pcall(up, "i4", s, 14))
print(up("", s, 13), pcall(up, "", s, 14))
print(up("z", "ab\0cd\0", 4), up("s1", "\3abc\2de", 5))
print(up("!4 b i4", "\1\0\0\0\2\0\0\0"), up("!4 b i4", "\0\1\0\0\0\2\0\0\0", 2))
print(up("!4 i4", "\0\0\0\0\5\0\0\0", 5))
print(up("b", "\1", math.mininteger))
print(pcall(up, "b", "\1", math.maxinteger))
local packed = p("zs2Bd", "name", "value", 255, 2.5)
print(#packed, up("zs2Bd", packed))
print(select("#", up("bbbbbbbbbb", string.rep("\1", 10))))
