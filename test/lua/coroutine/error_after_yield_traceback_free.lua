local co = coroutine.create(function()
  coroutine.yield()
  local t = nil
  return t.x
end)
coroutine.resume(co)
print(coroutine.resume(co))
print(coroutine.status(co))
