local co = coroutine.wrap(function()
  do
    local x <close> = setmetatable({}, {__close = function()
      coroutine.yield('yield from __close')
      print('close resumed')
    end})
    print('leaving block')
  end
  return 'done'
end)
print(co())
print(co())
