local counter = 0
local function mk()
  return coroutine.wrap(function()
    while true do counter = counter + 1; coroutine.yield(counter) end
  end)
end
local a, b = mk(), mk()
print(a(), b(), a(), b())
print(counter)
