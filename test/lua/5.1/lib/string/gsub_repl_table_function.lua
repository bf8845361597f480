-- gsub with a table or a function: false/nil keep the match; numbers are strings
local t = {a = "A", b = false, c = 12, d = 2.5}
print(string.gsub("abcde", "%a", t))
print(string.gsub("abcde", "(%a)", t))
print(string.gsub("hello world", "%w+", function(w) return w:upper() end))
print(string.gsub("hello world", "(%w)(%w*)", function(a, b) return b .. a end))
print(string.gsub("abc", ".", function() end))
print(string.gsub("abc", ".", function() return false end))
print(string.gsub("abc", ".", function(c) return c:byte() end))
print(string.gsub("abc", "()", function(p) return p end))
print(pcall(string.gsub, "abc", ".", function() return {} end))
print(pcall(string.gsub, "abc", ".", {a = true}))
print(pcall(string.gsub, "abc", "b", {b = print}))
print(pcall(string.gsub, "abc", "b"))
print(pcall(string.gsub, "abc", "b", true))
local calls = 0
print(string.gsub("aaaa", "a", function() calls = calls + 1 return "b" end, 2), calls)
local mt = setmetatable({}, {__index = function(_, k) return "<" .. k .. ">" end})
print(string.gsub("xy", ".", mt))
