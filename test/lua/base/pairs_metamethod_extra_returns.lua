local t = setmetatable({}, {__pairs = function(t) return function(_, k) if not k then return 1, 'one' end end, t, nil, 'extra' end})
for k, v in pairs(t) do print(k, v) end
print(select('#', pairs(t)))
local plain = {5}
local f, s, c = pairs(plain)
print(f == next, s == plain, c)
