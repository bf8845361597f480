local s = "hello"
print(s:upper(), s:len(), s:sub(2, 3), s:byte(1), s:rep(2), s:find("l"), s:match("l+"), s:reverse())
print(("%d-%s"):format(1, "x"), ("a,b"):gsub(",", ";"), ("x").char == string.char)
print(#s, s.upper == string.upper, s.foo)
print(pcall(function() return s.foo.bar end))
print(pcall(function() return s:foo() end))
print(rawget(getmetatable(""), "__index") == string)
string.myext = function(self) return "ext:" .. self end
print(s:myext(), ("x"):myext())
string.myext = nil
print(pcall(function() return s:myext() end))
print(getmetatable("").__name, getmetatable("").__metatable)
print(type(getmetatable("")), getmetatable("") == getmetatable("x"))
local n = 0
for k, v in pairs(string) do n = n + 1 end
print(n)
local names = {}
for k in pairs(string) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " "))
