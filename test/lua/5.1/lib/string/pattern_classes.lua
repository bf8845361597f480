-- character classes of 5.1 (no %g: it is the letter g), and their complements
local all = {}
for c = 0, 255 do all[#all + 1] = string.char(c) end
all = table.concat(all)
for _, cl in ipairs{"%a", "%c", "%d", "%l", "%p", "%s", "%u", "%w", "%x", "%z",
                     "%A", "%C", "%D", "%L", "%P", "%S", "%U", "%W", "%X", "%Z",
                     "%g", "%G", "[%g]", "[^%g]", ".", "[a-f]", "[^a-z%d]", "[%a_]", "[]]", "[^]]", "[a-]", "%.", "%%"} do
  local _, n = string.gsub(all, cl, "")
  print(cl, n)
end
print(string.find("abc g", "%g"), string.find("xyzG", "%G"))
print(string.gsub("hello world", "%g", "G"))
