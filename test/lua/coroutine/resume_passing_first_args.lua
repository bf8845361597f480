local co = coroutine.create(function(...)
  print('first call args:', select('#', ...), ...)
  while true do
    print('resumed with:', select('#', coroutine.yield()))
  end
end)
coroutine.resume(co, 'a', 'b')
coroutine.resume(co)
coroutine.resume(co, nil)
coroutine.resume(co, 1, 2, 3)
print(coroutine.status(co))
