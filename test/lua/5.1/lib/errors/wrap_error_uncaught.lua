-- an error inside a wrapped coroutine propagates with two positions
local gen = coroutine.wrap(function()
  coroutine.yield(1)
  error("inside the coroutine")
end)
print(gen())
gen()
