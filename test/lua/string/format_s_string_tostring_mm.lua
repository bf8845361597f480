-- luaL_tolstring honours a __tostring added to the string metatable
local mt = getmetatable("")
print(string.format("%s|%5s", "abc", "de"))
mt.__tostring = function(s) return "<" .. s .. ">" end
print(string.format("%s|%5s|%s", "abc", "de", 12))
print(tostring("x"))
mt.__tostring = nil
print(string.format("%s", "abc"), tostring("y"))
