local co = coroutine.create(function(...)
  print('args', select('#', ...), ...)
  local r = {coroutine.yield()}
  print('resumed with', #r)
  local a, b, c = coroutine.yield(1, nil, 3, nil)
  return select('#', a, b, c), a, c
end)
print(coroutine.resume(co, nil, nil))
print(coroutine.resume(co, 1, 2, 3, 4))
print(select('#', coroutine.resume(co, 'p', nil, 'r')))
print(coroutine.resume(co))
