-- args: alpha beta gamma
print(select('#', ...))
print(...)
local a, b = ...
print(a, b)
print(arg[0] ~= nil, arg[1], arg[2], arg[3], arg[4])
print(#arg)
