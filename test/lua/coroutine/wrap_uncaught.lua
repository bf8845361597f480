local g = coroutine.wrap(function() error('wrapped failure') end)
g()
