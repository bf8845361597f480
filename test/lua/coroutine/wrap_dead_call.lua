local g = coroutine.wrap(function() return 'only once' end)
print(g())
print(pcall(g))
g()
