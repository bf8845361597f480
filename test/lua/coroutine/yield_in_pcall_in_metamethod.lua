local obj = setmetatable({}, {__index = function(t, k)
  local ok, v = pcall(coroutine.yield, 'yielding for ' .. k)
  return ok and v or 'err'
end})
local co = coroutine.wrap(function() return obj.key end)
print(co())
print(co('resumed value'))
