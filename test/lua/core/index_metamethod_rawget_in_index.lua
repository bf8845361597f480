local defaults = {color = 'red', size = 10}
local obj = setmetatable({size = 20}, {__index = function(t, k)
  local v = rawget(defaults, k)
  if v == nil then return 'no ' .. k end
  return v
end})
print(obj.color, obj.size, obj.weight)
