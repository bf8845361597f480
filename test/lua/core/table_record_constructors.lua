-- record constructors {x = ...} keep source order, tolerate nil values and odd key names
local t = {x = nil, y = 1, z = nil, w = 2}
local keys = {}
for k, v in pairs(t) do keys[#keys + 1] = k .. "=" .. tostring(v) end
table.sort(keys)
print(table.concat(keys, " "), t.x, t.y, next({a = nil}))
t.x = 5; t.y = nil
keys = {}
for k, v in pairs(t) do keys[#keys + 1] = k .. "=" .. tostring(v) end
table.sort(keys)
print(table.concat(keys, " "))
local order = {}
local r = {a = (function() order[#order+1] = 'a' return 1 end)(), b = (function() order[#order+1] = 'b' return 2 end)(), a2 = 3, ["__proto__"] = 4, constructor = 5}
print(table.concat(order), r.a, r.b, r.__proto__, r.constructor, r.toString)
