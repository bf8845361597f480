xpcall(function() error('first') end, function(m) print('handler:', m) return m end)
print('after xpcall')
error('second', 0)
