-- string methods through the metatable; dump and loadstring of dumped functions
local s = "Hello"
print(s:len(), s:upper(), s:lower(), s:rep(2), s:sub(2, 3), s:byte(1), s:find("l"), s:match("l+"))
print(("%d-%s"):format(5, "x"), ("a,b"):gsub(",", ";"))
print(#s, s .. "!", s == "Hello", "a" < "b")
local f = function(a, b) return a + b end
local d = string.dump(f)
print(type(d), loadstring(d)(2, 3))
print(pcall(string.dump, print))
print(pcall(string.dump))
print(pcall(string.dump, "x"))
local up = 10
local g = function() return up end
print(pcall(loadstring(string.dump(g))))
print(("x"):rep(3):upper():len())
print(pcall(function() local n = 5; return n:rep(2) end))
