local t = {10, 20, 30, nil, 50}
for i, v in ipairs(t) do print(i, v) end
local f, s, c = ipairs(t)
print(type(f), s == t, c)
print(f(t, 0), f(t, 3))
for i, v in ipairs({}) do print('never') end
local ok, f2, s2, c2 = pcall(ipairs, nil)
print(ok, f2 == f, s2, c2)
print(pcall(function() for i, v in ipairs(nil) do end end))
local str_iter = 0
print(pcall(function() for i, v in ipairs('abc') do str_iter = str_iter + 1 end end))
print(str_iter)
