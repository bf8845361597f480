-- maxn versus getn on sparse tables; foreach sees every pair
local t = {1, 2, 3}
t[10] = 10
t[5.5] = "half"
t.name = "x"
print(table.getn(t), table.maxn(t))
local n = 0
table.foreach(t, function() n = n + 1 end)
print(n)
local order = {}
table.foreachi(t, function(i) order[#order + 1] = i end)
print(table.concat(order, " "))
