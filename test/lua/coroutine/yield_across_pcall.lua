local co = coroutine.create(function()
  local ok, v = pcall(function()
    local x = coroutine.yield('yield inside pcall')
    if x == 'fail' then error('failed after yield', 0) end
    return x
  end)
  coroutine.yield('pcall result: ' .. tostring(ok) .. ' ' .. tostring(v))
  local ok2, v2 = pcall(function()
    local y = coroutine.yield('second')
    error('err ' .. y, 0)
  end)
  return ok2, v2
end)
print(coroutine.resume(co))
print(coroutine.resume(co, 'value'))
print(coroutine.resume(co))
print(coroutine.resume(co, 'Z'))
print(coroutine.status(co))
