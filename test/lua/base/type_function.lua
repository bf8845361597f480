print(type(nil), type(true), type(0), type(''), type({}), type(print), type(type))
print(type(function() end), type(coroutine.create(function() end)))
print(type(type), type(2^63), type('1'))
