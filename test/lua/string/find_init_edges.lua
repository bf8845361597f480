local s = "abcabc"
for _, init in ipairs{-10, -7, -6, -5, -1, 0, 1, 2, 5, 6, 7, 8, 100} do
  print(init, s:find("abc", init), s:find("abc", init, true), s:find("", init), s:find("", init, true), s:match("()", init), s:find("c$", init), s:find("^a", init))
end
print(s:find("abc", math.mininteger), s:find("abc", math.maxinteger), s:find("", math.maxinteger), s:find("", 2^53))
print(s:match(".", math.maxinteger), s:match(".", math.mininteger), s:find(".", 7.0), pcall(s.find, s, ".", 7.5))
print(("\0\0"):find("", 3), ("\0\0"):find("\0", 2), ("\0\0"):find("%z", 2))
