print(pcall(coroutine.resume, 42))
print(coroutine.resume(coroutine.running()))
local co
co = coroutine.create(function() return coroutine.resume(co) end)
print(coroutine.resume(co))
print(pcall(coroutine.create, 42))
print(pcall(coroutine.wrap, nil))
print(pcall(coroutine.status, {}))
