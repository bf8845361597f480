local function sum(n) if n == 0 then return 0 end return n + sum(n - 1) end
local co = coroutine.create(function(n)
  coroutine.yield(sum(n))
  return sum(n * 2)
end)
print(coroutine.resume(co, 50000))
print(coroutine.resume(co))
local function yielder(n)
  if n == 0 then coroutine.yield('bottom') return 0 end
  return 1 + yielder(n - 1)
end
local co2 = coroutine.wrap(function() return yielder(10000) end)
print(co2())
print(co2())
