local w
w = coroutine.wrap(function()
  print(pcall(coroutine.close, coroutine.running()))
  return 'ok'
end)
print(w())
