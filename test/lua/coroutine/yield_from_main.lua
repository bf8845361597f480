print(pcall(coroutine.yield, 1))
print(coroutine.isyieldable())
coroutine.yield('uncaught')
