local main_co
local outer
outer = coroutine.create(function()
  print('outer sees itself', coroutine.status(outer))
  local inner = coroutine.create(function()
    print('inner sees outer', coroutine.status(outer))
    print('inner sees itself', coroutine.status(coroutine.running()))
  end)
  coroutine.resume(inner)
  print('inner after', coroutine.status(inner))
end)
print('before', coroutine.status(outer))
coroutine.resume(outer)
print('after', coroutine.status(outer))
