for n = -1, 4 do
  print(n, "[" .. string.rep("ab", n) .. "]", "[" .. string.rep("ab", n, "-") .. "]", "[" .. string.rep("", n, "-") .. "]", "[" .. string.rep("x", n, "") .. "]")
end
print(#string.rep("abc", 1000, ", "), string.rep("a", 3, "\0"):byte(1, -1))
print(string.rep("x", 3.0, nil), pcall(string.rep, "x", 3, false))
local big = string.rep("0123456789", 10000)
print(#big, big:sub(99995, 100000))
print(pcall(string.rep, "x", 2^31, ""))
print(pcall(string.rep, "abc", 2^30))
print(pcall(string.rep, "a", 1e10, "b"))
