local s = 'text'
print(pcall(function() return s:toString() end))
print(pcall(function() return s:valueOf() end))
print(pcall(function() return s.constructor end))
print(pcall(function() return s.length end))
print(pcall(function() return ('x').__proto__ end))
print(s.len == string.len)
