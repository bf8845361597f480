local obj = setmetatable({}, {__index = function(t, k)
  local v = coroutine.yield('need ' .. k)
  rawset(t, k, v)
  return v
end})
local co = coroutine.wrap(function()
  return obj.a .. obj.b .. obj.a
end)
print(co())
print(co('A'))
print(co('B'))
