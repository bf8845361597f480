local obj = setmetatable({}, {__tostring = function() return coroutine.yield('in tostring') end})
local co = coroutine.create(function() return tostring(obj) end)
print(coroutine.resume(co))
print(coroutine.resume(co, 'value'))
