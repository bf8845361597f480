local co = coroutine.create(function() end)
print(tostring(co):sub(1, 7), type(co))
print(tostring(coroutine.running()):sub(1, 7))
print(co == co, co ~= coroutine.create(function() end))
local t = {[co] = 'thread key'}
print(t[co])
