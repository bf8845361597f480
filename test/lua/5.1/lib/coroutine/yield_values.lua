-- values through yield and resume, none and several
local co = coroutine.create(function(a)
  local x, y = coroutine.yield()
  local z = coroutine.yield(a, x, y)
  return z, "end"
end)
print(coroutine.resume(co, "first"))
print(coroutine.resume(co, 1, 2))
print(coroutine.resume(co, "last"))
print(coroutine.resume(co))
local gen = coroutine.wrap(function() coroutine.yield() coroutine.yield(nil) coroutine.yield(nil, nil) end)
print(select("#", gen()), select("#", gen()), select("#", gen()))
