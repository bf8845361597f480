local a = {}
for i = 1, 3 do a[i] = function() end end
print(a[1] == a[2], a[2] == a[3])
local x = 0
for i = 1, 3 do a[i] = function() return x end end
print(a[1] == a[2])
for i = 1, 3 do a[i] = function() return i end end
print(a[1] == a[2])
for i = 1, 3 do local y = i; a[i] = function() return x + y end end
print(a[1] == a[2])
local function mk() return function() return x end end
print(mk() == mk())
local function mk2(v) return function() return v end end
print(mk2(1) == mk2(1))
local t = {}
for i = 1, 5 do t[function() return x end] = i end
local n = 0 for k, v in pairs(t) do n = n + 1 end print(n)
local f1 = function() end
local f2 = function() end
print(f1 == f2)
print(string.dump(mk()) == string.dump(mk()))
-- weak table with cached closure keys
local w = setmetatable({}, {__mode = "k"})
for i = 1, 3 do w[function() end] = true end
collectgarbage()
n = 0 for k in pairs(w) do n = n + 1 end print(n)
local keep = mk()
collectgarbage()
print(keep == mk())
