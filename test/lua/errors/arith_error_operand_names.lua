local t = {n = 'x'}
print(pcall(function() return t.n * 2 end))
print(pcall(function() return t.missing + t.n end))
print(pcall(function() return 2 ^ {} end))
print(pcall(function() local a, b = 1, {} return a + b end))
print(pcall(function() local a, b = {}, 1 return a + b end))
print(pcall(function() return glob_num + 1 end))
print(pcall(function() local s = 'abc' return -s end))
