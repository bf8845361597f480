local t = {1, 2, 3, nil, 5}
print(#t == 5 or #t == 3)
local u = {}
for i = 1, 10 do u[i] = i end
u[10] = nil
print(#u)
u[5] = nil
print(#u == 9 or #u == 4)
print(#{n = 1}, #{nil}, #{1, nil}, #"abc")
local mt = setmetatable({1, 2}, {__len = function() return 99 end})
print(#mt, rawlen(mt))
