-- the os library's keys
local t = {}
for k in pairs(os) do t[#t + 1] = k end
table.sort(t)
print(table.concat(t, " "))
