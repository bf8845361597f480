-- library functions are C functions in lua5.4: Lua code they call cannot yield
local co = coroutine.wrap(function() table.sort({3,2,1}, function(a,b) coroutine.yield() return a<b end) end)
print(pcall(co))
local co2 = coroutine.wrap(function() return table.concat(setmetatable({}, {__len=function() return 2 end, __index=function(t,k) coroutine.yield(k) return 'x' end})) end)
print(pcall(co2))
local co3 = coroutine.create(function() return math.max(setmetatable({}, {__lt=function() coroutine.yield('in lt') return true end}), setmetatable({}, {})) end)
print(coroutine.resume(co3))
