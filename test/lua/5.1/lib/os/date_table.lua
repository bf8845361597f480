-- os.date("*t") and ("!*t")
local d = os.date("!*t", 86400 * 400 + 3723)
local keys = {}
for k, v in pairs(d) do keys[#keys + 1] = k .. "=" .. tostring(v) end
table.sort(keys)
print(table.concat(keys, " "))
local l = os.date("*t", 0)
print(type(l.year), type(l.isdst), l.sec)
print(os.date("!*t", -86400).year, os.date("!*t", 951782400).yday)
