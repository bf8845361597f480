local t = {1, 2, nil, 4}
local n = 0
for i, v in ipairs(t) do n = n + 1 end
print(n)
t = {n = 3, 'a', 'b'}
for i, v in ipairs(t) do print(i, v) end
local p = setmetatable({}, {__index = function(_, k) if k <= 3 then return k * 10 end end})
for i, v in ipairs(p) do print('proxy', i, v) end
