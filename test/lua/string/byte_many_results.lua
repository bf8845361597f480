-- lua5.4 can return up to ~1M values from a C function (LUAI_MAXSTACK)
local s = string.rep("a", 500000)
print(select('#', s:byte(1, -1)))
local t = {s:byte(1, -1)}
print(#t, t[1], t[500000])
print(select('#', string.unpack(string.rep("b", 300000), string.rep("\1", 300000))))
