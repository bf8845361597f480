print(pcall(function() for x in nil do end end))
print(pcall(function() for x in 5 do end end))
print(pcall(function() local t = {} for k, v in t do end end))
print(pcall(function() for k, v in pairs(nil) do end end))
print(pcall(function() for i, v in ipairs() do end end))
print(pcall(function() for k in next, 1 do end end))
print(pcall(function() for k in function() error("iter err") end do end end))
local calls = 0
for a, b, c, d in function(s, c) calls = calls + 1 if calls < 3 then return calls, s, c end end, "state", "ctl", "fourth" do print(a, b, c, d) end
for k, v in next, {10}, nil, setmetatable({}, {__close = function() print("close?") end}) do print(k, v) end
