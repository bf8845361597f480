local co = coroutine.create(function() error('in coroutine') end)
print(coroutine.resume(co))
error('after coroutine', 0)
