print(pcall(error, 42, 1))
print(pcall(function() error(42) end))
print(pcall(function() error(42.0) end))
print(pcall(function() error('42') end))
