print(pcall(error, 'msg', 50))
local function f() error('deep level', 10) end
print(pcall(f))
print(pcall(error, 'neg', -1))
