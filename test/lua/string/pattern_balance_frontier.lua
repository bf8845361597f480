local function t(s, p) print(s, p, pcall(string.find, s, p)) end
t("(foo(bar))baz", "%b()") t("((a)", "%b()") t("x(a)(b)", "%b()") t("[[]]", "%b[]") t("<<a>b>", "%b<>")
t("abc", "%bac") t("aXbXc", "%bXX") t("aaa", "%baa") t("", "%b()") t("(", "%b()") t(")", "%b()")
t("abc", "%b") t("abc", "%ba") t("abc", "%b()%b") t("a(b)c", "a%b()c") t("if (a) then (b) end", "%b()%s*then")
t("THE (quick) fox", "%f[%a]%a+") t("hello world", "%f[%w]%w+") t("hello world", "%f[%W]")
t("hello", "%f[%l]") t("hello", "%f[%z]") t("hello", "%f[%Z]") t("hello", "%f[^%z]")
t("THE (quick) fox", "%f[%a]") t("aaa", "%f[a]") t("aaa", "%f[^a]") t("", "%f[%z]") t("", "%f[^%z]")
t("abc", "%f") t("abc", "%fa") t("abc", "%f[a") t("abc", "%f[]")
t("foo bar, baz", "%f[%w]%w+%f[%W]")
local words = {}
for w in ("the cat's hat -- isn't it"):gmatch("%f[%w]%w+%f[%W]") do words[#words + 1] = w end
print(table.concat(words, "|"))
print(("THE (quick) fox"):gsub("%f[%a]%a+", "W"))
print(("x\0y"):find("%f[%z]"), ("x\0y"):find("%f[^%z]", 2))
