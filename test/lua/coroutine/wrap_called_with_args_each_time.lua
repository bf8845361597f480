local f = coroutine.wrap(function(a, b)
  local c, d = coroutine.yield(a + b)
  local e = coroutine.yield(c * d)
  return e, 'final'
end)
print(f(1, 2))
print(f(3, 4))
print(f('last'))
print(pcall(f))
