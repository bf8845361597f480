-- find decides between plain and pattern search by the special characters
local specials = {"^", "$", "*", "+", "?", ".", "(", "[", "%", "-"}
for _, c in ipairs(specials) do
  local s = "x" .. c .. "y"
  print(c, pcall(string.find, s, c), string.find(s, c, 1, true))
end
print(string.find("a]b", "]"), string.find("a)b", ")", 1, true), pcall(string.find, "a)b", ")"))
