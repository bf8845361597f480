-- sort uses __lt for tables; raw reads of the array
local mt = {__lt = function(a, b) return a.v < b.v end}
local t = {}
for i, v in ipairs{4, 1, 3, 2} do t[i] = setmetatable({v = v}, mt) end
table.sort(t)
for i, x in ipairs(t) do io.write(x.v, " ") end print()
local proxy = setmetatable({}, {__index = function(_, k) return ({3, 1, 2})[k] end})
table.sort(proxy)
print(rawget(proxy, 1), rawget(proxy, 2))
local s = {"b", "a", "c"}
table.sort(s, function(a, b) return a > b end)
print(table.concat(s))
