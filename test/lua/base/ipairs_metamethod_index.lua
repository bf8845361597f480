local calls = 0
local t = setmetatable({1, 2}, {__index = function(t, i)
  calls = calls + 1
  if i <= 4 then return 'virtual' .. i end
end})
for i, v in ipairs(t) do print(i, v) end
print(calls)
