local t = setmetatable({}, {__pairs = function(t) return function(_, k) if not k then return 1, "one" end end, t, nil end})
for k, v in pairs(t) do print(k, v) end
print(pcall(pairs))
print(pcall(function() return type(pairs(nil)) end))
print(select('#', pairs({})))
local r = {pairs(setmetatable({}, {__pairs = function() return 1, 2, 3, 4, 5 end}))}
print(#r, r[1], r[2], r[3])
print(pcall(next, {}, "nokey"))
print(next({}), next({10}))
local keys = {}
for k in pairs({a = 1, b = 2, 10, 20}) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, ","))
