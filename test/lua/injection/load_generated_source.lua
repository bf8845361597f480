-- chunk text and chunk names containing JS-significant characters
local srcs = {
  "return '*/ ${x} \\u{2028}'",
  "return [[\"'`$]]",
  "local constructor = 1 local __proto__ = 2 return constructor + __proto__",
  "return ...",
  "local s = '\\0' return #s",
}
for i, src in ipairs(srcs) do print(i, load(src)('arg')) end
print(pcall(load("error('x')", "name with */ and ${} and `")))
print(pcall(load("error('x')", "=name'with\"quotes")))
print(load("x = ", "chunk*/`${}"))
