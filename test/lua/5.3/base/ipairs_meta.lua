local t = setmetatable({}, {__ipairs = function(t) return function(_, i) if i < 3 then return i + 1, (i + 1) * 10 end end, t, 0 end})
for i, v in ipairs(t) do print(i, v) end
local calls = 0
local p = setmetatable({}, {__index = function(t, i) calls = calls + 1 if i <= 4 then return i * 2 end end})
for i, v in ipairs(p) do print(i, v) end
print("index calls", calls)
print(pcall(ipairs))
print(select("#", pcall(ipairs, nil)), type(select(2, pcall(ipairs, nil))))
print(select('#', ipairs({})))
local r = {ipairs(setmetatable({}, {__ipairs = function() return 1, 2, 3, 4, 5 end}))}
print(#r, r[1], r[2], r[3])
print(pcall(ipairs, setmetatable({}, {__ipairs = function() error("in __ipairs") end})))
for i, v in ipairs({1, 2, nil, 4}) do print("plain", i, v) end
