local s = "a\0b\0c"
print(#s, s == "a\0b\0c", s == "a")
print(s)
local t = {["\0"] = 'nul key', ["a\0"] = 'a-nul', a = 'plain a'}
print(t["\0"], t["a\0"], t.a, t[""])
print(("\0"):byte(), #"\0\0\0", "\0" < "\1", "a\0" > "a")
print(string.byte("x\0y", 1, -1))
print(tostring("\0"):len())
