print(('abc'):len(), ('x'):rep(3), #('abc'):upper())
local s = 'hello'
print(s:sub(2, 3), s.len == string.len, type(s.len))
print(pcall(function() return s.foo.bar end))
