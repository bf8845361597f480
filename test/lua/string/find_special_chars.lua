local specials = {"^", "$", "*", "+", "?", ".", "(", ")", "[", "]", "%", "-"}
for _, c in ipairs(specials) do
  local s = "a" .. c .. "b"
  print(c, s:find(c, 1, true), pcall(string.find, s, c), s:find("%" .. c), pcall(string.find, s, "[" .. c .. "]"))
end
print(("a.b"):find(".", 2, true), ("aaa"):find("aa", 2, true), ("aaa"):find("aaaa", 1, true))
print(("abc"):find("b", 1, true), ("abc"):find("", 10, true), ("abc"):find("", 4, true))
print(("a\0b"):find("\0", 1, true), ("a\0b"):find("%z", 1, true), ("x%zx"):find("%z", 1, true))
print(("]"):find("]"), ("a]"):find("a]"), ("}"):find("}"), ("{"):find("{"))
