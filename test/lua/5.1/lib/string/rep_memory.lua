-- rep of longer strings and counts
local s = string.rep("abc", 10000)
print(#s, s:sub(1, 6), s:sub(-3))
print(#string.rep("", 1e6), #string.rep("x", 1), string.rep("x", 1e-3) == "")
local big = string.rep(string.rep("y", 100), 100)
print(#big, big:find("yy", 9990))
