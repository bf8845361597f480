local co = coroutine.create(function()
  local ok, err = pcall(string.gsub, "a", "a", function() coroutine.yield() end)
  print(ok, err)
  local ok2, err2 = pcall(load, function() coroutine.yield() end)
  print(ok2, err2)
  return "end"
end)
print(coroutine.resume(co))
print(coroutine.resume(coroutine.create(function() return pcall(coroutine.yield, 1) end)))
