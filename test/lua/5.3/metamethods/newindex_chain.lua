local store = {}
local p = setmetatable({}, {__newindex = store})
p.a = 1
print(rawget(p, "a"), store.a)
local q = setmetatable({}, {__newindex = function(t, k, v) rawset(t, k, v * 2) end})
q.b = 5
print(q.b)
local r = setmetatable({}, {__newindex = 5})
print(pcall(function() r.c = 1 end))
local existing = setmetatable({d = 1}, {__newindex = function() error("not called") end})
existing.d = 2
print(existing.d)
print(pcall(function() local t = {} t[nil] = 1 end))
print(pcall(function() local t = {} t[0/0] = 1 end))
print(pcall(rawset, {}, nil, 1))
