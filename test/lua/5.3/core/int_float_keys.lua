local t = {}
t[1] = "int"
t[1.0] = "float one"
t[2^53] = "big"
print(t[1], #t, t[2^53], t[math.tointeger(2^53)])
t[1.5] = "frac"
print(t[1.5], t["1"], t[3/2])
local keys = {}
for k, v in pairs({[1] = 1, [2.0] = 2, [3.5] = 3}) do keys[#keys+1] = math.type(k) .. ":" .. tostring(k) end
table.sort(keys)
print(table.concat(keys, " "))
print(next({[1.0] = true}))
