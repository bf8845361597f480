local co = coroutine.create(function()
  local t = {3, 1, 2}
  table.sort(t, function(a, b) coroutine.yield() return a < b end)
end)
print(coroutine.resume(co))
