local co = coroutine.create(function()
  local closer = setmetatable({}, {__close = function() print('for-closer closed') end})
  for i in function(_, c) if c < 10 then return c + 1 end end, nil, 0, closer do
    coroutine.yield(i)
  end
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.close(co))
