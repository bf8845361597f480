local function level3() return coroutine.yield('from level3') + 1 end
local function level2() return level3() * 2 end
local function level1() local v = level2() return v, 'l1' end
local co = coroutine.create(level1)
print(coroutine.resume(co))
print(coroutine.resume(co, 20))
